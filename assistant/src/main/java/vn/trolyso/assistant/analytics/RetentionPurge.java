package vn.trolyso.assistant.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.store.ConversationStore;
import vn.trolyso.assistant.store.Database;

/**
 * Deletes answers (with their feedback) and conversations idle for longer than the retention period. The server runs
 * it daily; the default period is {@value #DEFAULT_DAYS} days.
 */
public final class RetentionPurge {
    public static final int DEFAULT_DAYS = 180;
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    private final AnswerStore answers;
    private final Duration retention;
    private final ConversationStore conversations;

    /** What one purge removed. */
    public record Result(int answers, int feedback) {
    }

    public RetentionPurge(Database database, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Retention must be at least one day, got " + days);
        }
        this.answers = new AnswerStore(database);
        this.retention = Duration.ofDays(days);
        this.conversations = new ConversationStore(database);
    }

    public Result purge(Instant now) {
        OffsetDateTime cutoff = now.minus(retention).atOffset(ZoneOffset.UTC);
        AnswerStore.Purged purged = answers.purgeBefore(cutoff);
        Result result = new Result(purged.answers(), purged.feedback());
        if (result.answers() + result.feedback() > 0) {
            LOG.info(() -> "Retention purge removed " + result.answers() + " answers and " + result.feedback()
                    + " ratings older than " + cutoff);
        }
        int conversations = this.conversations.purgeBefore(cutoff.toInstant());
        if (conversations > 0) {
            LOG.info(() -> "Retention purge removed " + conversations + " conversations idle since " + cutoff);
        }
        return result;
    }
}
