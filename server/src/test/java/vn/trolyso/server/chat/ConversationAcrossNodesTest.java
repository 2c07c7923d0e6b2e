package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.TestServers;

/**
 * Two server nodes sharing one database (each with its own data directory, index and assistant, as two processes on
 * PostgreSQL would be; here one in-process H2 stands in for the shared database): a conversation started on node A is
 * followed up on node B after A has stopped, in context, and B's rating of A's answer is accepted under the same
 * message id. Nothing about a conversation lives in a node.
 */
class ConversationAcrossNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String Q_2025 = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    @TempDir
    Path dbDir;

    private static TrolysoServer.Running node(Path dataDir, Database shared) {
        ServerConfig config = TestServers.config(dataDir).toBuilder().logQuestions(false).build();
        AppServices services = AppServices.builder(config).database(shared).build();
        services.load(AppServices::defaultKnowledge);
        return TrolysoServer.start(config, services);
    }

    private static JsonNode post(TrolysoServer.Running server, String path, String body, int status) throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, path, body);
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void aConversationStartedOnOneNodeIsFollowedUpOnAnother() throws Exception {
        try (Database shared = Database.open(dbDir)) {
            TrolysoServer.Running a = node(dirA, shared);
            TrolysoServer.Running b = node(dirB, shared);
            try {
                JsonNode first = post(a, "/api/v1/chat", "{\"message\":\"" + Q_2025 + "\"}", 200);
                String conversation = first.get("conversationId").asText();
                String message = first.get("messageId").asText();
                assertFalse(first.get("answer").asText().contains("90%"), first.toString());
                a.stop();

                JsonNode followUp = post(b, "/api/v1/chat", "{\"message\":\"Còn năm 2030?\",\"conversationId\":\""
                        + conversation + "\"}", 200);
                assertEquals(conversation, followUp.get("conversationId").asText());
                assertTrue(followUp.get("answer").asText().contains("90%"), followUp.toString());

                JsonNode rated = post(b, "/api/v1/feedback", "{\"messageId\":\"" + message
                        + "\",\"rating\":\"up\",\"voterId\":\"" + conversation + "\"}", 201);
                assertFalse(rated.get("changed").asBoolean());
                JsonNode again = post(b, "/api/v1/feedback", "{\"messageId\":\"" + message
                        + "\",\"rating\":\"up\",\"voterId\":\"" + conversation + "\"}", 200);
                assertTrue(again.get("changed").asBoolean(), "the same voter's rating counts once");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }
}
