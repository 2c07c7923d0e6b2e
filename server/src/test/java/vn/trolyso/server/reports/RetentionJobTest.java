package vn.trolyso.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.analytics.RetentionPurge;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.testing.TestServers;

/** The daily purge, run with a fixed clock instead of waiting a day. */
class RetentionJobTest {
    private static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void removesAnswersAndFeedbackOlderThanTheRetentionAndKeepsRecentOnes(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            ReportFixtures rows = new ReportFixtures(db)
                    .answer("old", "2026-06-03T11:59:59Z", "Cũ", "extractive", "a", 10)      // 181 days old: purged
                    .answer("edge", "2026-06-04T12:00:00Z", "Đúng 180 ngày", "refusal", null, 10) // exactly 180: kept
                    .answer("new", "2026-11-30T20:00:00Z", "Mới", "framework", "", 10)
                    .rate("old", "down", "góp ý cũ", "2026-06-03T12:00:00Z")
                    .rate("new", "up", null, "2026-11-30T20:01:00Z")
                    .rate("edge", "down", null, "2026-06-04T12:00:01Z");
            try (RetentionJob job = new RetentionJob(db, 180, DEC_1)) {
                assertEquals(new RetentionPurge.Result(1, 1), job.runOnce());
                assertEquals(2, rows.count("answer_log"));
                assertEquals(2, rows.count("feedback"));
                assertEquals(new RetentionPurge.Result(0, 0), job.runOnce(), "nothing left to remove");
            }
            try (RetentionJob shorter = new RetentionJob(db, 1, DEC_1)) {
                assertEquals(new RetentionPurge.Result(1, 1), shorter.runOnce(), "a 1-day retention keeps only 'new'");
            }
        }
    }

    @Test
    void theScheduleRunsThePurgeAndStopsOnClose(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            ReportFixtures rows = new ReportFixtures(db).answer("old", "2020-01-01T00:00:00Z", "Cũ", "extractive", "a", 1);
            RetentionJob job = new RetentionJob(db, 180, Clock.systemUTC()).start(Duration.ZERO);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rows.count("answer_log") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, rows.count("answer_log"), "the first run comes right after start");
            assertTrue(purgeThreadAlive());
            job.close();
            assertFalse(purgeThreadAlive(), "closed with the services");
        }
    }

    @Test
    void theProductionWiringStartsTheJobAndShutdownStopsIt(@TempDir Path dir) {
        var server = TestServers.start(dir, c -> c);
        try {
            assertTrue(purgeThreadAlive());
        } finally {
            server.stop();
        }
        assertFalse(purgeThreadAlive());
    }

    private static boolean purgeThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("retention-purge") && t.isAlive());
    }
}
