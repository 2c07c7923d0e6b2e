package vn.trolyso.server.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import vn.trolyso.assistant.store.Database;

/** Ratings of answers, kept in the {@code feedback} table of the embedded database. */
public final class FeedbackStore {
    private final Database database;

    public FeedbackStore(Database database) {
        this.database = database;
    }

    /**
     * Stores one rating.
     *
     * @return false when no answer with that message id was ever given (nothing stored)
     */
    public boolean add(String messageId, String rating, String comment) throws SQLException {
        try (Connection c = database.connection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answer_log WHERE message_id = ?")) {
                q.setString(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO feedback(message_id, rating, comment) VALUES (?, ?, ?)")) {
                p.setString(1, messageId);
                p.setString(2, rating);
                if (comment == null) {
                    p.setNull(3, Types.VARCHAR);
                } else {
                    p.setString(3, comment);
                }
                p.executeUpdate();
            }
            return true;
        }
    }
}
