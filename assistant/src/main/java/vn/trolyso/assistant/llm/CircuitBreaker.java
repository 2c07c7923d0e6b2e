package vn.trolyso.assistant.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a dead Ollama: CLOSED lets every call through; after {@code threshold} consecutive failures it
 * turns OPEN and refuses calls for {@code coolDown}; then HALF_OPEN lets exactly one probe call through, whose
 * success closes the circuit and whose failure opens it for another cool-down. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /**
     * Asks to make one call. True means go ahead and report the outcome with {@link #recordSuccess()} or
     * {@link #recordFailure()}; false means the circuit is open (or its single probe is already running).
     */
    public synchronized boolean tryAcquire() {
        switch (currentState()) {
            case CLOSED:
                return true;
            case HALF_OPEN:
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
            default:
                return false;
        }
    }

    /** Whether a call would be let through now, without reserving the half-open probe. */
    public synchronized boolean isCallPermitted() {
        State s = currentState();
        return s == State.CLOSED || (s == State.HALF_OPEN && !probeInFlight);
    }

    public synchronized void recordSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
        openedAt = null;
    }

    public synchronized void recordFailure() {
        State s = currentState();
        probeInFlight = false;
        if (s == State.HALF_OPEN) {
            open();
            return;
        }
        consecutiveFailures++;
        if (consecutiveFailures >= threshold) {
            open();
        }
    }

    /** Releases a permit without judging Ollama (e.g. the caller gave up for reasons of its own). */
    public synchronized void release() {
        probeInFlight = false;
    }

    public synchronized State state() {
        return currentState();
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        consecutiveFailures = 0;
    }

    private State currentState() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            state = State.HALF_OPEN;
        }
        return state;
    }
}
