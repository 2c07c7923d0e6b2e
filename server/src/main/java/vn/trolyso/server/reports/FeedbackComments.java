package vn.trolyso.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.trolyso.assistant.store.Database;

/** The comments people left with their ratings, newest first, with the question when it was stored. */
final class FeedbackComments {
    /**
     * @param question null when question text is not stored (privacy setting) or the answer was purged
     * @param mode     the answer's mode, null when the answer is gone
     */
    record Comment(String messageId, String rating, String comment, OffsetDateTime createdAt, String question,
                   String mode) {
    }

    private final Database database;

    FeedbackComments(Database database) {
        this.database = database;
    }

    /**
     * Comments given on the days of {@code period} (in {@code zone}).
     *
     * @param rating "up", "down", or null for both
     */
    List<Comment> list(ReportPeriod period, ZoneId zone, String rating, int limit) {
        String sql = "SELECT f.message_id, f.rating, f.comment, f.created_at, a.question, a.mode FROM feedback f"
                + " LEFT JOIN answer_log a ON a.message_id = f.message_id"
                + " WHERE f.comment IS NOT NULL AND f.created_at >= ? AND f.created_at < ?"
                + (rating == null ? "" : " AND f.rating = ?")
                + " ORDER BY f.created_at DESC, f.id DESC LIMIT ?";
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setObject(i++, period.from().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            p.setObject(i++, period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC));
            if (rating != null) {
                p.setString(i++, rating);
            }
            p.setInt(i, limit);
            List<Comment> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String question = rs.getString(5);
                    out.add(new Comment(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), question == null || question.isBlank() ? null : question,
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feedback: " + e.getMessage(), e);
        }
    }
}
