package vn.trolyso.server.chat;

import io.helidon.http.Status;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.AssistantBusyException;
import vn.trolyso.assistant.InvalidQuestionException;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.server.http.ApiException;

/**
 * One answer being produced on its own virtual thread. Tokens, the final answer or the failure arrive through a queue,
 * so the HTTP handler thread alone writes to the connection, whatever thread the assistant calls back on, and can
 * give up at a deadline.
 */
final class AnswerRun {
    /** What the handler receives, in order: any number of tokens, then exactly one of Done or Failed. */
    sealed interface Event permits Queued, Token, Done, Failed, Busy {
    }

    /** The answer waits for a free LLM slot, {@code ahead} requests before it. */
    record Queued(int ahead) implements Event {
    }

    record Token(String text) implements Event {
    }

    record Done(Answer answer) implements Event {
    }

    record Failed(String code, String message, boolean badInput) implements Event {
    }

    /** The LLM's queue is full and the operator chose to refuse (OLLAMA_WHEN_BUSY=reject). */
    record Busy(String message, long retryAfterSeconds) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread worker;

    private AnswerRun(Assistant assistant, Question question) {
        this.worker = Thread.ofVirtual().name("answer").unstarted(() -> run(assistant, question));
    }

    static AnswerRun start(Assistant assistant, Question question) {
        AnswerRun run = new AnswerRun(assistant, question);
        run.worker.start();
        return run;
    }

    private void run(Assistant assistant, Question question) {
        try {
            Answer answer = assistant.answer(question, new TokenSink() {
                @Override
                public void onToken(String text) {
                    if (text != null && !text.isEmpty()) {
                        events.add(new Token(text));
                    }
                }

                @Override
                public void onQueued(int ahead) {
                    events.add(new Queued(ahead));
                }
            });
            events.add(new Done(answer));
        } catch (AssistantBusyException e) {
            events.add(new Busy(e.getMessage(), e.retryAfter().toSeconds()));
        } catch (InvalidQuestionException e) {
            events.add(new Failed(e.code(), e.getMessage(), true));
        } catch (Throwable t) {
            java.util.logging.Logger.getLogger(AnswerRun.class.getName())
                    .log(java.util.logging.Level.WARNING, "Answering failed", t);
            events.add(new Failed("answer_failed", "Không thể trả lời câu hỏi lúc này. Vui lòng thử lại sau.", false));
        }
    }

    /** The next event, or null when {@code remaining} passes without one. */
    Event next(Duration remaining) throws InterruptedException {
        return events.poll(Math.max(0, remaining.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Stops the work (client gone or deadline passed). */
    void cancel() {
        worker.interrupt();
    }

    /**
     * Waits for the whole answer, as a reply that is not streamed does: queue and token events pass unseen. A
     * deadline passed, a failure or a full queue leave as the API error both chat APIs give for it.
     *
     * @param start when the request began ({@link System#nanoTime}); {@code timeout} counts from there
     */
    Answer awaitAnswer(long start, Duration timeout) throws InterruptedException {
        while (true) {
            switch (next(AnswerFailures.remaining(start, timeout))) {
                case null -> {
                    cancel();
                    throw AnswerFailures.timeout();
                }
                case Queued ignored -> {
                    // the blocking reply has no way to show a queue; it just waits its turn
                }
                case Token ignored -> {
                }
                case Done done -> {
                    return done.answer();
                }
                case Failed failed -> throw new ApiException(
                        failed.badInput() ? Status.BAD_REQUEST_400 : Status.SERVICE_UNAVAILABLE_503,
                        failed.code(), failed.message());
                case Busy busy -> throw AnswerFailures.busy(busy);
            }
        }
    }

    /**
     * With OLLAMA_WHEN_BUSY=reject a full queue must still be able to answer 503 + Retry-After, so a stream's headers
     * wait for the answer's first event (a refusal comes right after retrieval), at most {@link #BUSY_DECISION_WAIT}.
     *
     * @return that first event to replay into the stream, or null when none was awaited or none came in time
     */
    Event firstEventUnlessBusy(boolean rejectWhenBusy) throws InterruptedException {
        if (!rejectWhenBusy) {
            return null;
        }
        Event first = next(BUSY_DECISION_WAIT);
        if (first instanceof Busy busy) {
            throw AnswerFailures.busy(busy);
        }
        return first;
    }

    private static final Duration BUSY_DECISION_WAIT = Duration.ofSeconds(2);
}
