package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The bulkhead in front of Ollama: at most {@code parallel} generations at once (what the school's Ollama can run,
 * its OLLAMA_NUM_PARALLEL), at most {@code maxQueued} more waiting their turn in arrival order. A request beyond the
 * queue, or one that waited longer than it may, is refused at once with {@link Refused}, so the caller answers in the
 * no-LLM mode instead of piling requests up at Ollama. Thread-safe.
 */
public final class GenerationSlots {
    private final int parallel;
    private final Semaphore permits;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();

    public GenerationSlots(int parallel, int maxQueued) {
        if (parallel < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("parallel must be ≥ 1 and maxQueued ≥ 0: " + parallel + ", " + maxQueued);
        }
        this.parallel = parallel;
        this.permits = new Semaphore(parallel, true);
        this.maxQueued = maxQueued;
    }

    /** Why no slot was given. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A held slot; closing it (once) lets the next request in. */
    public final class Slot implements AutoCloseable {
        private boolean released;

        private Slot() {
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }

    /**
     * Takes a slot, waiting at most {@code maxWait} behind the requests already queued. {@code onQueued} is told how
     * many requests are ahead when this one has to wait (not called when a slot is free at once).
     */
    public Slot acquire(Duration maxWait, IntConsumer onQueued) throws Refused, InterruptedException {
        if (permits.tryAcquire()) {
            return new Slot();
        }
        int ahead = queued.getAndIncrement();
        try {
            if (ahead >= maxQueued) {
                throw new Refused("queue full (" + maxQueued + " waiting)");
            }
            onQueued.accept(ahead + 1);
            if (!permits.tryAcquire(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new Refused("no slot within " + maxWait.toMillis() + " ms");
            }
            return new Slot();
        } finally {
            queued.decrementAndGet();
        }
    }

    /** Generations running now. */
    public int inFlight() {
        return parallel - permits.availablePermits();
    }

    /** Requests waiting for a slot now. */
    public int waiting() {
        return Math.max(0, queued.get());
    }
}
