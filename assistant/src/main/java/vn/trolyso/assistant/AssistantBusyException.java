package vn.trolyso.assistant;

import java.time.Duration;

/**
 * The LLM is busy with other questions, its queue is full, and the operator chose to refuse rather than answer in the
 * no-LLM mode ({@code OLLAMA_WHEN_BUSY=reject}). The server sends 503 {@code busy} with {@code Retry-After}.
 */
public final class AssistantBusyException extends RuntimeException {
    /** A hint for clients: a short generation's time, so a retry finds a slot more often than not. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    public AssistantBusyException(String vietnameseMessage) {
        super(vietnameseMessage, null, false, false);
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
