package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of the latest call to Ollama, forgotten after {@code memory}: health shows "degraded" while the latest
 * call failed (streams failing below the breaker's threshold, or a breaker that just closed again on one success
 * shows "ready" again). Thread-safe.
 */
final class RecentOutcomes {
    private final long memoryNanos;
    private LlmUnavailableException.Reason lastFailure;
    private long lastAt;

    RecentOutcomes(Duration memory) {
        this.memoryNanos = memory.toNanos();
    }

    /** Records one call's outcome: {@code null} for success, else its reason. */
    synchronized void record(LlmUnavailableException.Reason failure) {
        lastFailure = failure;
        lastAt = System.nanoTime();
    }

    /** "stalled 12 s ago" when the latest call failed within the memory, else empty. */
    synchronized Optional<String> lastFailure() {
        if (lastFailure == null) {
            return Optional.empty();
        }
        long ago = System.nanoTime() - lastAt;
        if (ago > memoryNanos) {
            return Optional.empty();
        }
        return Optional.of(lastFailure.apiName() + " " + ago / 1_000_000_000L + " s ago");
    }
}
