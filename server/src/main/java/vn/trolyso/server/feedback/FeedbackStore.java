package vn.trolyso.server.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.trolyso.assistant.store.Database;

/**
 * Ratings of answers, kept in the {@code feedback} table of the embedded database: one per answer and voter (the
 * widget's conversation id, a portal's user id, or {@link #UNKNOWN_VOTER} for a client that sends none), changed in place when rated again, so
 * the reports count each person's opinion once.
 */
public final class FeedbackStore {
    /** The voter of a rating sent without a voter id: such clients get one rating per answer. */
    public static final String UNKNOWN_VOTER = "-";

    /** What a call did. */
    public enum Outcome { CREATED, CHANGED, UNKNOWN_MESSAGE }

    private final Database database;

    public FeedbackStore(Database database) {
        this.database = database;
    }

    /** Stores or changes the rating of {@code messageId} by {@code voterId}; the comment replaces the earlier one. */
    public Outcome rate(String messageId, String voterId, String rating, String comment) throws SQLException {
        try (Connection c = database.connection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answer_log WHERE message_id = ?")) {
                q.setString(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Outcome.UNKNOWN_MESSAGE;
                    }
                }
            }
            for (int attempt = 0; ; attempt++) {
                if (update(c, messageId, voterId, rating, comment)) {
                    return Outcome.CHANGED;
                }
                try {
                    insert(c, messageId, voterId, rating, comment);
                    return Outcome.CREATED;
                } catch (SQLIntegrityConstraintViolationException e) {
                    if (attempt > 0) {
                        throw e;
                    }
                    // the same voter's other request inserted first (a double click): change that row instead
                }
            }
        }
    }

    private static boolean update(Connection c, String messageId, String voterId, String rating, String comment)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE feedback SET rating = ?, comment = ?, updated_at = ?"
                + " WHERE message_id = ? AND voter_id = ?")) {
            p.setString(1, rating);
            setComment(p, 2, comment);
            p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(4, messageId);
            p.setString(5, voterId);
            return p.executeUpdate() > 0;
        }
    }

    private static void insert(Connection c, String messageId, String voterId, String rating, String comment)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO feedback(message_id, voter_id, rating, comment) VALUES (?, ?, ?, ?)")) {
            p.setString(1, messageId);
            p.setString(2, voterId);
            p.setString(3, rating);
            setComment(p, 4, comment);
            p.executeUpdate();
        }
    }

    private static void setComment(PreparedStatement p, int index, String comment) throws SQLException {
        if (comment == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, comment);
        }
    }
}
