package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;
import vn.trolyso.server.testing.TestServers;

/**
 * {@code GET}/{@code DELETE /api/v1/conversations/{id}} on a real server (bundled corpus, no-LLM mode): the turns with
 * citations and feedback, only for the key that started it, still there after a restart on the same data directory
 * (where the follow-up still continues the conversation), and gone after DELETE; unknown ids are 404.
 */
class ConversationHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_A = "school-a-portal-key";
    private static final String KEY_B = "school-b-portal-key";
    private static final String Q_2025 = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";
    @TempDir
    Path dataDir;

    private TrolysoServer.Running start() {
        return TestServers.start(dataDir, ConversationHistoryTest::keys);
    }

    private static ServerConfig.Builder keys(ServerConfig.Builder c) {
        return c.apiKeys(false, List.of(new ApiKey("school-a", Secrets.sha256Hex(KEY_A), Scope.WIDGET),
                new ApiKey("school-b", Secrets.sha256Hex(KEY_B), Scope.WIDGET)));
    }

    private static HttpResponse<String> call(TrolysoServer.Running server, String method, String path, String key,
                                             String json) {
        HttpRequest.Builder b = TestServers.request(server, path);
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return TestServers.send(b.build());
    }

    private static String chat(String message, String conversationId) {
        return "{\"message\":\"" + message + "\"" + (conversationId == null ? "" : ",\"conversationId\":\""
                + conversationId + "\"") + "}";
    }

    private static void assertUnknown(HttpResponse<String> r) throws Exception {
        assertEquals(404, r.statusCode(), r.body());
        assertEquals("unknown_conversation", JSON.readTree(r.body()).at("/error/code").asText(), r.body());
    }

    @Test
    void anAnonymousConversationIsReadWithItsIdButNotByAKey() throws Exception {
        try (TrolysoServer.Running server = start()) {
            String id = JSON.readTree(call(server, "POST", "/api/v1/chat", null, chat(Q_2025, null)).body())
                    .get("conversationId").asText();
            HttpResponse<String> own = call(server, "GET", "/api/v1/conversations/" + id, null, null);
            assertEquals(200, own.statusCode(), own.body());
            assertEquals(Q_2025, JSON.readTree(own.body()).at("/turns/0/question").asText());
            assertUnknown(call(server, "GET", "/api/v1/conversations/" + id, KEY_A, null));
            assertUnknown(call(server, "GET", "/api/v1/conversations/bad%20id%21", null, null)); // malformed id
        }
    }

    @Test
    void historyIsTheOwnersAloneSurvivesARestartAndIsForgotten() throws Exception {
        String id;
        String firstMessage;
        TrolysoServer.Running server = start();
        try {
            JsonNode first = JSON.readTree(call(server, "POST", "/api/v1/chat", KEY_A, chat(Q_2025, null)).body());
            id = first.get("conversationId").asText();
            firstMessage = first.get("messageId").asText();
            HttpResponse<String> rated = call(server, "POST", "/api/v1/feedback", KEY_A, "{\"messageId\":\""
                    + firstMessage + "\",\"rating\":\"up\",\"comment\":\"Rất rõ ràng\",\"voterId\":\"" + id + "\"}");
            assertEquals(201, rated.statusCode(), rated.body());

            JsonNode live = JSON.readTree(call(server, "GET", "/api/v1/conversations/" + id, KEY_A, null).body());
            assertEquals(1, live.get("turns").size(), live.toString());
            assertUnknown(call(server, "GET", "/api/v1/conversations/" + id, KEY_B, null));
            assertUnknown(call(server, "GET", "/api/v1/conversations/" + id, null, null));
            assertUnknown(call(server, "POST", "/api/v1/chat", KEY_B, chat("Thế còn đến năm 2030?", id)));
            assertUnknown(call(server, "POST", "/api/v1/chat", KEY_A, chat("Hỏi", "never-handed-out-42")));
            assertUnknown(call(server, "GET", "/api/v1/conversations/never-handed-out-42", KEY_A, null));
        } finally {
            server.stop();
        }

        server = start(); // same data directory: the conversation is read from the answer log
        try {
            HttpResponse<String> r = call(server, "GET", "/api/v1/conversations/" + id, KEY_A, null);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals(id, body.get("conversationId").asText());
            JsonNode turn = body.get("turns").get(0);
            assertEquals(firstMessage, turn.get("messageId").asText());
            assertEquals(Q_2025, turn.get("question").asText());
            assertTrue(turn.get("answer").asText().contains("[1]"), turn.toString());
            assertFalse(turn.get("mode").asText().isBlank());
            JsonNode citation = turn.get("citations").get(0);
            assertFalse(citation.get("documentId").asText().isBlank(), turn.toString());
            assertTrue(citation.has("issuer") && citation.has("snippet"), citation.toString());
            assertEquals("up", turn.at("/feedback/0/rating").asText(), turn.toString());
            assertEquals("Rất rõ ràng", turn.at("/feedback/0/comment").asText());

            // the conversation goes on after the restart, with its logged turns as the assistant's memory
            HttpResponse<String> followUp = call(server, "POST", "/api/v1/chat", KEY_A,
                    chat("Thế còn đến năm 2030?", id));
            assertEquals(200, followUp.statusCode(), followUp.body());
            assertTrue(JSON.readTree(followUp.body()).get("answer").asText().contains("90%"), followUp.body());
            assertEquals(2, JSON.readTree(call(server, "GET", "/api/v1/conversations/" + id, KEY_A, null).body())
                    .get("turns").size());

            assertUnknown(call(server, "DELETE", "/api/v1/conversations/" + id, KEY_B, null));
            HttpResponse<String> deleted = call(server, "DELETE", "/api/v1/conversations/" + id, KEY_A, null);
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertUnknown(call(server, "GET", "/api/v1/conversations/" + id, KEY_A, null));
            assertUnknown(call(server, "POST", "/api/v1/chat", KEY_A, chat("Thế còn năm 2026?", id)));
            assertUnknown(call(server, "DELETE", "/api/v1/conversations/" + id, KEY_A, null));

            try (Connection c = server.services().database().connection();
                 PreparedStatement p = c.prepareStatement("SELECT a.question, a.answer_text, a.conversation_id,"
                         + " f.comment FROM answer_log a LEFT JOIN feedback f ON f.message_id = a.message_id"
                         + " WHERE a.message_id = ?")) {
                p.setString(1, firstMessage);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next(), "the answer still counts in the reports");
                    assertNull(rs.getString(1), "question text forgotten");
                    assertNull(rs.getString(2), "answer text forgotten");
                    assertFalse(id.equals(rs.getString(3)), "no longer linked to the conversation");
                    assertNull(rs.getString(4), "comment forgotten");
                }
            }
        } finally {
            server.stop();
        }
    }
}
