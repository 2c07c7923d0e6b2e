package vn.trolyso.server.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.analytics.RetentionPurge;
import vn.trolyso.assistant.store.Database;

/**
 * Purges answers and feedback older than the retention period: once shortly after start, then every 24 hours, on
 * one daemon thread. Close it before the database.
 */
public final class RetentionJob implements AutoCloseable {
    public static final Duration FIRST_RUN = Duration.ofMinutes(1);
    public static final Duration PERIOD = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    private final RetentionPurge purge;
    private final int days;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    /** The scheduler's one thread, joined on close: the executor reports "terminated" before its thread has ended. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public RetentionJob(Database database, int days, Clock clock) {
        this.purge = new RetentionPurge(database, days);
        this.days = days;
        this.clock = clock;
    }

    /** Schedules the purge: the first run after {@code firstRun}, then every {@link #PERIOD}. */
    public synchronized RetentionJob start(Duration firstRun) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-purge");
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::runSafely, firstRun.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Retention: answers and feedback are kept " + days + " days; purge daily, first in "
                + firstRun.toSeconds() + " s");
        return this;
    }

    /** One purge at the clock's current instant, logged. */
    public RetentionPurge.Result runOnce() {
        RetentionPurge.Result r = purge.purge(clock.instant());
        LOG.info(() -> "Retention purge (" + days + " days): removed " + r.answers() + " answers and " + r.feedback()
                + " feedback entries");
        return r;
    }

    // A failure must not cancel the schedule (scheduleAtFixedRate stops after an exception): log and try tomorrow.
    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention purge failed; retrying at the next run", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Retention purge did not stop within 5 s");
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RetentionJob[" + days + " days]";
    }
}
