package vn.trolyso.server.chat;

import io.helidon.http.Status;
import java.time.Duration;
import java.util.Map;
import vn.trolyso.server.http.ApiException;

/** The ways an answer can fail to arrive in time, as /api/v1/chat and /v1/chat/completions both report them. */
final class AnswerFailures {
    private AnswerFailures() {
    }

    /** What is left of {@code timeout} since {@code start} ({@link System#nanoTime}). */
    static Duration remaining(long start, Duration timeout) {
        return timeout.minusNanos(System.nanoTime() - start);
    }

    /** 503 busy with Retry-After: the language model's queue is full and the policy is to say so. */
    static ApiException busy(AnswerRun.Busy busy) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "busy", busy.message(),
                Map.of("Retry-After", Long.toString(busy.retryAfterSeconds())));
    }

    /** 503 answer_timeout: the answer took longer than the configured bound. */
    static ApiException timeout() {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "answer_timeout",
                "Trợ lý trả lời quá lâu. Vui lòng thử lại sau.");
    }
}
