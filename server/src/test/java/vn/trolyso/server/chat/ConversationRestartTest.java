package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Conversations live in the database (issue 17): a conversation started on one server run is followed up on the next
 * run over the same data directory — with question text kept out of the answer log (TROLYSO_LOG_QUESTIONS=false),
 * so the follow-up's context can only come from the conversation tables — over the real HTTP API, in the no-LLM
 * mode on the bundled corpus.
 */
class ConversationRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String Q_2025 = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";
    @TempDir
    Path dataDir;

    private TrolysoServer.Running start() {
        return TestServers.start(dataDir, c -> c.logQuestions(false));
    }

    private static JsonNode chat(TrolysoServer.Running server, String message, String conversationId)
            throws Exception {
        String body = "{\"message\":\"" + message + "\"" + (conversationId == null ? ""
                : ",\"conversationId\":\"" + conversationId + "\"") + "}";
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", body);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void aConversationOnlyTheAnswerLogKnowsIsTakenOverFromItsLoggedTurns() throws Exception {
        // a conversation logged before the conversation tables existed: answer_log rows (with question text), no
        // conversation row
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.logQuestions(true))) {
            String conversation = chat(server, Q_2025, null).get("conversationId").asText();
            try (Connection c = server.services().database().connection()) {
                for (String sql : List.of("DELETE FROM conversation_turn WHERE conversation_id = ?",
                        "DELETE FROM conversation WHERE id = ?")) {
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.setString(1, conversation);
                        p.executeUpdate();
                    }
                }
            }
            JsonNode followUp = chat(server, "Thế còn đến năm 2030?", conversation);
            assertTrue(followUp.get("answer").asText().contains("90%"), followUp.toString());
            JsonNode next = chat(server, "Còn giáo viên thì sao?", conversation);
            assertEquals(conversation, next.get("conversationId").asText());
        }
    }

    @Test
    void aFollowUpAfterARestartIsAnsweredInContext() throws Exception {
        String conversation;
        String firstMessage;
        TrolysoServer.Running server = start();
        try {
            JsonNode first = chat(server, Q_2025, null);
            conversation = first.get("conversationId").asText();
            firstMessage = first.get("messageId").asText();
            assertFalse(first.get("answer").asText().contains("90%"), first.toString());
        } finally {
            server.stop();
        }

        server = start();
        try {
            try (Connection c = server.services().database().connection();
                 PreparedStatement p = c.prepareStatement("SELECT question FROM answer_log WHERE message_id = ?")) {
                p.setString(1, firstMessage);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next(), "the first answer is logged under the id the API gave");
                    assertEquals(null, rs.getString(1), "question text is not in the answer log");
                }
            }
            JsonNode followUp = chat(server, "Thế còn đến năm 2030?", conversation);
            assertEquals(conversation, followUp.get("conversationId").asText());
            assertTrue(followUp.get("answer").asText().contains("90%"), followUp.toString());
            // and the conversation goes on: the rewritten 2030 question is the memory of the next follow-up
            JsonNode third = chat(server, "Còn giáo viên thì sao?", conversation);
            assertEquals(conversation, third.get("conversationId").asText());
            assertFalse(third.get("answer").asText().isBlank());
        } finally {
            server.stop();
        }
    }
}
