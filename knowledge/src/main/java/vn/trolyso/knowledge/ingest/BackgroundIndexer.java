package vn.trolyso.knowledge.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs index rebuilds one at a time on a background thread, so uploads and deletes return at once while searches
 * keep being served from the current index. Requests made while a rebuild is queued share it; a request made while
 * one is running queues exactly one more, so a change is never left out of the index. Thread-safe.
 */
public final class BackgroundIndexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackgroundIndexer.class.getName());

    /** The rebuild to run, reporting (documents done, documents total). */
    @FunctionalInterface
    public interface Rebuild {
        void run(Progress progress);
    }

    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * What the indexer is doing, for the API and the admin page.
     *
     * @param state          "idle", "queued" or "running"
     * @param done           documents indexed so far in the running build
     * @param total          documents in the running build (0 before it knows)
     * @param reason         why the current or last build was requested, e.g. "upload tl-ke-hoach"
     * @param startedAt      when the current or last build started (null before the first)
     * @param finishedAt     when the last build ended (null before the first)
     * @param lastDurationMs how long the last build took
     * @param lastError      the last build's failure, "" when it succeeded (the previous index keeps serving)
     * @param completedRuns  builds finished since start
     */
    public record Status(String state, int done, int total, String reason, Instant startedAt, Instant finishedAt,
                         long lastDurationMs, String lastError, long completedRuns) {
    }

    private final Rebuild rebuild;
    private final ExecutorService worker;
    private final Object lock = new Object();
    private CompletableFuture<Void> queued;
    private String queuedReason = "";
    private boolean running;
    private volatile int done;
    private volatile int total;
    private String reason = "";
    private Instant startedAt;
    private Instant finishedAt;
    private long lastDurationMs;
    private String lastError = "";
    private long completedRuns;

    public BackgroundIndexer(Rebuild rebuild) {
        this.rebuild = rebuild;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trolyso-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a rebuild; the future completes when a build that includes every change made before this call ends. */
    public CompletableFuture<Void> request(String why) {
        synchronized (lock) {
            if (queued != null) {
                queuedReason = queuedReason.isEmpty() ? why : queuedReason;
                return queued;
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            queued = future;
            queuedReason = why;
            worker.execute(() -> runQueued(future));
            return future;
        }
    }

    public Status status() {
        synchronized (lock) {
            String state = running ? "running" : queued != null ? "queued" : "idle";
            return new Status(state, done, total, reason, startedAt, finishedAt, lastDurationMs, lastError,
                    completedRuns);
        }
    }

    /** Waits until nothing is queued or running (tests, shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!status().state().equals("idle")) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void runQueued(CompletableFuture<Void> future) {
        synchronized (lock) {
            queued = null; // from now on, a new request needs a new build
            running = true;
            reason = queuedReason;
            done = 0;
            total = 0;
            startedAt = Instant.now();
        }
        long start = System.nanoTime();
        String error = "";
        try {
            rebuild.run((d, t) -> {
                done = d;
                total = t;
            });
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(Level.WARNING, "Index rebuild failed; the previous index keeps serving", e);
        }
        synchronized (lock) {
            running = false;
            finishedAt = Instant.now();
            lastDurationMs = (System.nanoTime() - start) / 1_000_000;
            lastError = error;
            completedRuns++;
        }
        if (error.isEmpty()) {
            future.complete(null);
        } else {
            future.completeExceptionally(new IllegalStateException(error));
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
