package vn.trolyso.server.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.http.Json;

/**
 * A conversation read back from the answer log ({@code answer_log} + {@code feedback}), so it outlives the server
 * run, and forgotten on request. Only the caller that started it (its API key id, or "anonymous") sees it.
 */
final class ConversationHistory {
    private static final String OF_CONVERSATION = "conversation_id = ? AND client_key = ?";

    /** One answered question, as {@code GET /api/v1/conversations/{id}} returns it. */
    record Turn(String messageId, String askedAt, String question, String answer, String mode, JsonNode citations,
                List<Rating> feedback) {
    }

    /** A rating of the answer (one per voter). */
    record Rating(String rating, String comment, String at) {
    }

    private final Database database;

    ConversationHistory(Database database) {
        this.database = database;
    }

    /** The turns {@code owner} had in the conversation, oldest first; empty when there are none (or not theirs). */
    List<Turn> turns(String conversationId, String owner) throws SQLException {
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
                                rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toString()));
                    }
                }
            }
            List<Turn> turns = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT message_id, asked_at, question, answer_text, mode,"
                    + " citations FROM answer_log WHERE " + OF_CONVERSATION + " ORDER BY asked_at, message_id")) {
                p.setString(1, conversationId);
                p.setString(2, owner);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        turns.add(new Turn(id, rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                                rs.getString(3), rs.getString(4), rs.getString(5), citations(rs.getString(6)),
                                ratings.getOrDefault(id, List.of())));
                    }
                }
            }
            return turns;
        }
    }

    /**
     * Forgets the conversation: its question, answer and comment texts are erased and its rows no longer carry its id
     * (the reports keep counting them, anonymously). False when {@code owner} had no such conversation.
     */
    boolean forget(String conversationId, String owner) throws SQLException {
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
        }
    }

    private static JsonNode citations(String json) {
        if (json == null) {
            return Json.MAPPER.createArrayNode();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.createArrayNode();
        }
    }
}
