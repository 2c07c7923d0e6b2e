package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The bulkhead in front of the Ollama servers: each runs at most its capacity of generations (its
 * OLLAMA_NUM_PARALLEL), at most {@code maxQueued} more requests wait their turn in arrival order, and each request
 * goes to the least busy server in rotation (fewest generations in flight; ties to the one with more free slots, then
 * the earlier one). A request beyond the queue, or one that waited longer than it may, is refused at once with
 * {@link Refused}, so the caller answers in the no-LLM mode (or 503 busy) instead of piling requests up at Ollama.
 *
 * <p>A server whose probe fails or whose circuit is open is out of rotation. When no server is in rotation the
 * requests still go to the servers (least busy first), as with a single Ollama: the call then fails fast and the
 * caller, which checks {@link OllamaGateway#checkAvailable()} first, answers in the no-LLM mode. Thread-safe.
 */
final class OllamaPool {
    /** How often a waiting request re-checks the rotation (a probe may bring a server back without any release). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final List<OllamaBackend> backends;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The waiting requests' tickets, first come first served. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    OllamaPool(List<OllamaBackend> backends, int maxQueued) {
        if (backends.isEmpty() || maxQueued < 0) {
            throw new IllegalArgumentException("a pool needs a server and maxQueued ≥ 0: " + backends + ", "
                    + maxQueued);
        }
        this.backends = List.copyOf(backends);
        this.maxQueued = maxQueued;
    }

    /** Why no slot was given. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A generation slot on one server; closing it (once) lets the next request in. */
    final class Lease implements AutoCloseable {
        private final OllamaBackend backend;
        private boolean released;

        private Lease(OllamaBackend backend) {
            this.backend = backend;
        }

        OllamaBackend backend() {
            return backend;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!released) {
                    released = true;
                    backend.inFlight(backend.inFlight() - 1);
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    List<OllamaBackend> backends() {
        return backends;
    }

    /**
     * Takes a slot on the least busy server, waiting at most {@code maxWait} behind the requests already queued.
     * {@code onQueued} is told how many requests are ahead when this one has to wait (not called when a slot is free
     * at once).
     */
    Lease acquire(Duration maxWait, IntConsumer onQueued) throws Refused, InterruptedException {
        backends.forEach(b -> b.probe().status()); // the very first probe runs inline: not under the lock
        Object ticket = new Object();
        int ahead;
        lock.lock();
        try {
            if (queue.isEmpty()) {
                OllamaBackend free = pick(Set.of(), true);
                if (free != null) {
                    return lease(free);
                }
            }
            if (queue.size() >= maxQueued) {
                throw new Refused("queue full (" + maxQueued + " waiting)");
            }
            queue.addLast(ticket);
            ahead = queue.size();
        } finally {
            lock.unlock();
        }
        try {
            onQueued.accept(ahead);
            long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
            lock.lock();
            try {
                while (true) {
                    if (queue.peekFirst() == ticket) {
                        OllamaBackend free = pick(Set.of(), true);
                        if (free != null) {
                            queue.removeFirst();
                            return lease(free);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new Refused("no slot within " + maxWait.toMillis() + " ms");
                    }
                    changed.awaitNanos(Math.min(left, RECHECK_NANOS));
                }
            } finally {
                leave(ticket);
                lock.unlock();
            }
        } catch (RuntimeException e) {
            lock.lock();
            try {
                leave(ticket);
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** A free slot at once on a server in rotation other than {@code tried}, for a retry; empty when none. */
    Optional<Lease> tryAcquireOther(Set<OllamaBackend> tried) {
        lock.lock();
        try {
            return Optional.ofNullable(pick(tried, false)).map(this::lease);
        } finally {
            lock.unlock();
        }
    }

    /** Generations running now, on all servers. */
    int inFlight() {
        return backends.stream().mapToInt(OllamaBackend::inFlight).sum();
    }

    /** Requests waiting for a slot now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: the least busy server with a free slot, preferring those in rotation; null when none. */
    private OllamaBackend pick(Set<OllamaBackend> excluded, boolean anyWhenNoneInRotation) {
        List<OllamaBackend> candidates = backends.stream()
                .filter(b -> !excluded.contains(b) && b.inRotation()).toList();
        if (candidates.isEmpty() && anyWhenNoneInRotation) {
            candidates = backends.stream().filter(b -> !excluded.contains(b)).toList();
        }
        return candidates.stream()
                .filter(b -> b.inFlight() < b.capacity())
                .min(Comparator.comparingInt((OllamaBackend b) -> b.inFlight())
                        .thenComparingInt(b -> b.inFlight() - b.capacity()))
                .orElse(null);
    }

    private Lease lease(OllamaBackend backend) {
        backend.inFlight(backend.inFlight() + 1);
        return new Lease(backend);
    }

    /** Under the lock: takes the ticket out of the queue (if still there) and wakes the others. */
    private void leave(Object ticket) {
        queue.remove(ticket);
        changed.signalAll();
    }
}
