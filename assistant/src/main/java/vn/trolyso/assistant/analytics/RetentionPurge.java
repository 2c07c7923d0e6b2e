package vn.trolyso.assistant.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import vn.trolyso.assistant.store.Database;

/**
 * Deletes answers (with their feedback) older than the retention period. The server runs it daily; the default
 * period is {@value #DEFAULT_DAYS} days.
 */
public final class RetentionPurge {
    public static final int DEFAULT_DAYS = 180;
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    private final Database database;
    private final Duration retention;

    /** What one purge removed. */
    public record Result(int answers, int feedback) {
    }

    public RetentionPurge(Database database, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Retention must be at least one day, got " + days);
        }
        this.database = database;
        this.retention = Duration.ofDays(days);
    }

    public Result purge(Instant now) {
        var cutoff = now.minus(retention).atOffset(ZoneOffset.UTC);
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("DELETE FROM feedback WHERE created_at < ? OR message_id IN"
                    + " (SELECT message_id FROM answer_log WHERE asked_at < ?)");
                 PreparedStatement a = c.prepareStatement("DELETE FROM answer_log WHERE asked_at < ?")) {
                f.setObject(1, cutoff);
                f.setObject(2, cutoff);
                int feedback = f.executeUpdate();
                a.setObject(1, cutoff);
                int answers = a.executeUpdate();
                c.commit();
                Result result = new Result(answers, feedback);
                if (answers + feedback > 0) {
                    LOG.info(() -> "Retention purge removed " + result.answers() + " answers and " + result.feedback()
                            + " ratings older than " + cutoff);
                }
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention purge failed: " + e.getMessage(), e);
        }
    }
}
