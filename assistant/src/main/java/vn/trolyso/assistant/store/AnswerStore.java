package vn.trolyso.assistant.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answers given and the ratings people gave them ({@code answer_log}, {@code feedback}): every statement on these
 * tables — logging an answer, rating it, reading a conversation's history or forgetting it, the report rows, the
 * comments, the retention purge — is here.
 */
public final class AnswerStore {
    /** The voter of a rating sent without a voter id: such clients get one rating per answer. */
    public static final String UNKNOWN_VOTER = "-";
    private static final int MAX_QUESTION = 4000;
    private static final int MAX_CITED = 2000;
    private static final String OF_CONVERSATION = "conversation_id = ? AND client_key = ?";

    /**
     * One answer as logged.
     *
     * @param question       the question text, or null when question text is not stored
     * @param citedDocuments the ids of the cited documents, comma-separated
     * @param answerText     the answer text, or null when it is not stored
     * @param citations      the citations as JSON
     */
    public record LoggedAnswer(String messageId, String conversationId, OffsetDateTime askedAt, String question,
                               String mode, String citedDocuments, long latencyMs, boolean llmFallback,
                               String clientKey, boolean smallTalk, String answerText, String citations) {
    }

    /** What rating an answer did. */
    public enum Rated { CREATED, CHANGED, UNKNOWN_MESSAGE }

    /** A rating of an answer (one per voter), as the conversation history shows it. */
    public record Rating(String rating, String comment, OffsetDateTime at) {
    }

    /** One answered question of a conversation; texts are null when not stored or forgotten. */
    public record HistoryTurn(String messageId, OffsetDateTime askedAt, String question, String answer, String mode,
                              String citations, List<Rating> ratings) {
    }

    /**
     * A comment left with a rating.
     *
     * @param question null when question text is not stored (privacy setting) or the answer was purged
     * @param mode     the answer's mode, null when the answer is gone
     */
    public record Comment(String messageId, String rating, String comment, OffsetDateTime createdAt, String question,
                          String mode) {
    }

    /**
     * One answer with its ratings, for the usage report.
     *
     * @param question    null when not stored
     * @param downComment the newest comment given with a thumbs-down, or null
     */
    public record ReportRow(OffsetDateTime askedAt, String question, String mode, String citedDocuments,
                            int latencyMs, long up, long down, String messageId, boolean smallTalk,
                            String downComment) {
    }

    /** What one purge removed. */
    public record Purged(int answers, int feedback) {
    }

    private final Database database;

    public AnswerStore(Database database) {
        this.database = database;
    }

    /** Writes an answer's row (the question is cut to 4,000 characters, the cited ids to 2,000). */
    public void record(LoggedAnswer a) {
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("INSERT INTO answer_log(message_id, conversation_id, asked_at,"
                     + " question, mode, cited_documents, latency_ms, llm_fallback, client_key, small_talk, answer_text,"
                     + " citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, a.messageId());
            p.setString(2, a.conversationId());
            p.setObject(3, a.askedAt().withOffsetSameInstant(ZoneOffset.UTC));
            setText(p, 4, a.question() == null ? null : truncate(a.question(), MAX_QUESTION), Types.VARCHAR);
            p.setString(5, a.mode());
            p.setString(6, truncate(a.citedDocuments(), MAX_CITED));
            p.setInt(7, (int) Math.min(Integer.MAX_VALUE, a.latencyMs()));
            p.setBoolean(8, a.llmFallback());
            p.setString(9, a.clientKey());
            p.setBoolean(10, a.smallTalk());
            setText(p, 11, a.answerText(), Types.VARCHAR); // not CLOB: PostgreSQL's driver reads that as an oid
            p.setString(12, a.citations());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot log answer " + a.messageId(), e);
        }
    }

    /**
     * Stores or changes the rating of {@code messageId} by {@code voterId} (one per answer and voter, so the reports
     * count each person's opinion once); the comment replaces the earlier one.
     */
    public Rated rate(String messageId, String voterId, String rating, String comment) {
        try (Connection c = database.connection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answer_log WHERE message_id = ?")) {
                q.setString(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Rated.UNKNOWN_MESSAGE;
                    }
                }
            }
            for (int attempt = 0; ; attempt++) {
                if (updateRating(c, messageId, voterId, rating, comment)) {
                    return Rated.CHANGED;
                }
                try {
                    insertRating(c, messageId, voterId, rating, comment);
                    return Rated.CREATED;
                } catch (SQLIntegrityConstraintViolationException e) {
                    if (attempt > 0) {
                        throw e;
                    }
                    // the same voter's other request inserted first (a double click): change that row instead
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot rate answer " + messageId, e);
        }
    }

    /** The answers {@code owner} had in the conversation with their ratings, oldest first; empty when none. */
    public List<HistoryTurn> conversation(String conversationId, String owner) {
        try (Connection c = database.connection()) {
            Map<String, List<Rating>> ratings = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT message_id, rating, comment,"
                    + " COALESCE(updated_at, created_at) FROM feedback WHERE message_id IN"
                    + " (SELECT message_id FROM answer_log WHERE " + OF_CONVERSATION + ") ORDER BY id")) {
                p.setString(1, conversationId);
                p.setString(2, owner);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ratings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Rating(
                                rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)));
                    }
                }
            }
            List<HistoryTurn> turns = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT message_id, asked_at, question, answer_text, mode,"
                    + " citations FROM answer_log WHERE " + OF_CONVERSATION + " ORDER BY asked_at, message_id")) {
                p.setString(1, conversationId);
                p.setString(2, owner);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        turns.add(new HistoryTurn(id, rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), ratings.getOrDefault(id, List.of())));
                    }
                }
            }
            return turns;
        } catch (SQLException e) {
            throw new StoreException("Cannot read conversation " + conversationId, e);
        }
    }

    /**
     * Forgets a conversation's texts: its question, answer and comment texts are erased and its rows no longer carry
     * its id (the reports keep counting them, anonymously). False when {@code owner} had no answer in it.
     */
    public boolean forgetConversation(String conversationId, String owner) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("UPDATE feedback SET comment = NULL WHERE message_id IN"
                    + " (SELECT message_id FROM answer_log WHERE " + OF_CONVERSATION + ")");
                 PreparedStatement a = c.prepareStatement("UPDATE answer_log SET question = NULL, answer_text = NULL,"
                         + " citations = NULL, conversation_id = ? WHERE " + OF_CONVERSATION)) {
                f.setString(1, conversationId);
                f.setString(2, owner);
                f.executeUpdate();
                a.setString(1, "forgotten-" + UUID.randomUUID());
                a.setString(2, conversationId);
                a.setString(3, owner);
                int rows = a.executeUpdate();
                c.commit();
                return rows > 0;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot forget conversation " + conversationId, e);
        }
    }

    /** The answers asked in {@code [from, to)} with their rating counts, for the usage report. */
    public List<ReportRow> reportRows(OffsetDateTime from, OffsetDateTime to) {
        String sql = "SELECT a.asked_at, a.question, a.mode, a.cited_documents, a.latency_ms,"
                + " (SELECT COUNT(*) FROM feedback f WHERE f.message_id = a.message_id AND f.rating = 'up'),"
                + " (SELECT COUNT(*) FROM feedback f WHERE f.message_id = a.message_id AND f.rating = 'down'),"
                + " a.message_id, a.small_talk,"
                + " (SELECT f.comment FROM feedback f WHERE f.message_id = a.message_id AND f.rating = 'down'"
                + " AND f.comment IS NOT NULL ORDER BY COALESCE(f.updated_at, f.created_at) DESC LIMIT 1)"
                + " FROM answer_log a WHERE a.asked_at >= ? AND a.asked_at < ?";
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, from.withOffsetSameInstant(ZoneOffset.UTC));
            p.setObject(2, to.withOffsetSameInstant(ZoneOffset.UTC));
            List<ReportRow> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String question = rs.getString(2);
                    rows.add(new ReportRow(rs.getObject(1, OffsetDateTime.class),
                            question == null || question.isBlank() ? null : question, rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
                            rs.getBoolean(9), rs.getString(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the answer log", e);
        }
    }

    /**
     * The comments given in {@code [from, to)}, newest first, with the question when it was stored.
     *
     * @param rating "up", "down", or null for both
     */
    public List<Comment> comments(OffsetDateTime from, OffsetDateTime to, String rating, int limit) {
        String sql = "SELECT f.message_id, f.rating, f.comment, f.created_at, a.question, a.mode FROM feedback f"
                + " LEFT JOIN answer_log a ON a.message_id = f.message_id"
                + " WHERE f.comment IS NOT NULL AND f.created_at >= ? AND f.created_at < ?"
                + (rating == null ? "" : " AND f.rating = ?")
                + " ORDER BY f.created_at DESC, f.id DESC LIMIT ?";
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setObject(i++, from.withOffsetSameInstant(ZoneOffset.UTC));
            p.setObject(i++, to.withOffsetSameInstant(ZoneOffset.UTC));
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
            throw new StoreException("Cannot read the feedback", e);
        }
    }

    /** Deletes the answers asked before {@code cutoff} with their ratings, and ratings given before it. */
    public Purged purgeBefore(OffsetDateTime cutoff) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("DELETE FROM feedback WHERE created_at < ? OR message_id IN"
                    + " (SELECT message_id FROM answer_log WHERE asked_at < ?)");
                 PreparedStatement a = c.prepareStatement("DELETE FROM answer_log WHERE asked_at < ?")) {
                OffsetDateTime at = cutoff.withOffsetSameInstant(ZoneOffset.UTC);
                f.setObject(1, at);
                f.setObject(2, at);
                int feedback = f.executeUpdate();
                a.setObject(1, at);
                int answers = a.executeUpdate();
                c.commit();
                return new Purged(answers, feedback);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Retention purge failed", e);
        }
    }

    private static boolean updateRating(Connection c, String messageId, String voterId, String rating, String comment)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE feedback SET rating = ?, comment = ?, updated_at = ?"
                + " WHERE message_id = ? AND voter_id = ?")) {
            p.setString(1, rating);
            setText(p, 2, comment, Types.VARCHAR);
            p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(4, messageId);
            p.setString(5, voterId);
            return p.executeUpdate() > 0;
        }
    }

    private static void insertRating(Connection c, String messageId, String voterId, String rating, String comment)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO feedback(message_id, voter_id, rating, comment) VALUES (?, ?, ?, ?)")) {
            p.setString(1, messageId);
            p.setString(2, voterId);
            p.setString(3, rating);
            setText(p, 4, comment, Types.VARCHAR);
            p.executeUpdate();
        }
    }

    private static void setText(PreparedStatement p, int index, String text, int sqlType) throws SQLException {
        if (text == null) {
            p.setNull(index, sqlType);
        } else {
            p.setString(index, text);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
