package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.Role;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.ScriptedAssistant;
import vn.trolyso.server.testing.SseEvents;
import vn.trolyso.server.testing.TestServers;

class ChatApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dataDir;
    static ScriptedAssistant assistant;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() {
        assistant = new ScriptedAssistant(List.of("Kế hoạch ", "nhằm ", "nâng cao kỹ năng số [1]."), Duration.ZERO);
        server = TestServers.startWithKnowledge(dataDir, c -> c,
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void chatAnswersWithTheDocumentedShapeAndLogsTheAnswer() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Kế hoạch nhằm mục đích gì?\",\"profile\":{\"role\":\"giao_vien\",\"grade\":7}}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals("Kế hoạch nhằm nâng cao kỹ năng số [1].", body.get("answer").asText());
        assertEquals("extractive", body.get("mode").asText());
        assertEquals(List.of("conversationId", "messageId", "answer", "mode", "citations"), fieldNames(body));
        JsonNode citation = body.get("citations").get(0);
        assertEquals(List.of("n", "documentId", "title", "section", "snippet"), fieldNames(citation));
        assertEquals(1, citation.get("n").asInt());
        String messageId = body.get("messageId").asText();
        assertFalse(messageId.isBlank());
        // one id space: the assistant answers under the conversation and message ids the API hands out
        assertEquals(body.get("conversationId").asText(), assistant.asked().getLast().conversationId());
        assertEquals(messageId, assistant.asked().getLast().messageId());
        assertEquals(Role.GIAO_VIEN, assistant.asked().getLast().profile().role());
        assertEquals(7, assistant.asked().getLast().profile().grade());

        try (Connection c = server.services().database().connection();
             PreparedStatement p = c.prepareStatement("SELECT question, mode, client_key FROM answer_log WHERE message_id = ?")) {
            p.setString(1, messageId);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), "answer logged");
                assertEquals("Kế hoạch nhằm mục đích gì?", rs.getString(1));
                assertEquals("extractive", rs.getString(2));
                assertEquals("anonymous", rs.getString(3));
            }
        }
    }

    @Test
    void theConversationIdContinuesTheAssistantsConversation() throws Exception {
        JsonNode first = JSON.readTree(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Mục đích?\"}").body());
        String conversation = first.get("conversationId").asText();
        JsonNode second = JSON.readTree(TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Còn gì nữa?\",\"conversationId\":\"" + conversation + "\"}").body());
        assertEquals(conversation, second.get("conversationId").asText());
        assertEquals(conversation, assistant.asked().getLast().conversationId(),
                "the second turn continues the same conversation (one id space)");
        assertEquals(1, assistant.asked().getLast().history().size(), "with the first turn as its memory");
        // An id the server never handed out is refused, not silently adopted (issue 16).
        HttpResponse<String> own = TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Hỏi\",\"conversationId\":\"conv-42\"}");
        assertEquals(404, own.statusCode(), own.body());
        assertEquals("unknown_conversation", JSON.readTree(own.body()).at("/error/code").asText());
    }

    @Test
    void aFollowUpWithoutAProfileIsAskedWithTheConversationsLastProfile() throws Exception {
        JsonNode first = JSON.readTree(TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Mục đích?\",\"profile\":{\"role\":\"phu_huynh\",\"grade\":3}}").body());
        String conversation = first.get("conversationId").asText();
        TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Còn gì nữa?\",\"conversationId\":\"" + conversation + "\"}");
        assertEquals(Role.PHU_HUYNH, assistant.asked().getLast().profile().role());
        assertEquals(3, assistant.asked().getLast().profile().grade());
        TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Còn gì nữa?\",\"conversationId\":\""
                + conversation + "\",\"profile\":{\"role\":\"giao_vien\"}}");
        assertEquals(Role.GIAO_VIEN, assistant.asked().getLast().profile().role(), "a profile given wins");
        assertNull(assistant.asked().getLast().profile().grade());
        assertEquals(2, assistant.asked().getLast().history().size(), "both earlier turns as its memory");
    }

    @Test
    void streamSendsMetaThenTokensThenDoneWithTheFullResponse() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream", "{\"message\":\"Mục đích?\"}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        assertEquals(List.of("meta", "token", "token", "token", "done"), events.stream().map(SseEvents.Event::name).toList());
        JsonNode meta = JSON.readTree(events.get(0).data());
        StringBuilder streamed = new StringBuilder();
        for (SseEvents.Event e : events.subList(1, 4)) {
            streamed.append(JSON.readTree(e.data()).get("text").asText());
        }
        JsonNode done = JSON.readTree(events.get(4).data());
        assertEquals(meta.get("messageId").asText(), done.get("messageId").asText());
        assertEquals(meta.get("conversationId").asText(), done.get("conversationId").asText());
        assertEquals(streamed.toString(), done.get("answer").asText());
        assertEquals("Đoạn trích <b>thử</b>", done.get("citations").get(0).get("snippet").asText());
    }

    @Test
    void streamReportsAnAssistantFailureAsAnErrorEventWithoutInternals() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream", "{\"message\":\"x #crash\"}");
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        assertEquals(List.of("meta", "error"), events.stream().map(SseEvents.Event::name).toList());
        JsonNode error = JSON.readTree(events.get(1).data());
        assertEquals("answer_failed", error.get("code").asText());
        assertFalse(r.body().contains("internal detail"));
    }

    @Test
    void invalidQuestionFromTheAssistantIsA400WithItsCode() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"#invalid\"}");
        assertEquals(400, r.statusCode());
        assertEquals("question_rejected", JSON.readTree(r.body()).at("/error/code").asText());
    }

    @Test
    void feedbackOnAGivenAnswerIsStoredAndUnknownIdsAre404() throws Exception {
        String messageId = JSON.readTree(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\"}").body())
                .get("messageId").asText();
        HttpResponse<String> ok = TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"" + messageId + "\",\"rating\":\"up\",\"comment\":\"Rất hữu ích\"}");
        assertEquals(201, ok.statusCode(), ok.body());
        try (Connection c = server.services().database().connection();
             PreparedStatement p = c.prepareStatement("SELECT rating, comment FROM feedback WHERE message_id = ?")) {
            p.setString(1, messageId);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("up", rs.getString(1));
                assertEquals("Rất hữu ích", rs.getString(2));
            }
        }
        // rating the same answer again, from the same voter, changes that rating instead of adding one
        String voter = "{\"messageId\":\"" + messageId + "\",\"voterId\":\"navigateur-1\",";
        assertEquals(201, TestServers.postJson(server, "/api/v1/feedback", voter + "\"rating\":\"down\"}").statusCode());
        HttpResponse<String> changed = TestServers.postJson(server, "/api/v1/feedback",
                voter + "\"rating\":\"down\",\"comment\":\"Thiếu nguồn\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(JSON.readTree(changed.body()).get("changed").asBoolean());
        assertEquals(200, TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"" + messageId + "\",\"rating\":\"down\"}").statusCode(), "no voter id: one per answer");
        try (Connection c = server.services().database().connection();
             PreparedStatement p = c.prepareStatement("SELECT voter_id, rating, comment FROM feedback WHERE message_id = ?"
                     + " ORDER BY voter_id")) {
            p.setString(1, messageId);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("-|down|null", rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                assertTrue(rs.next());
                assertEquals("navigateur-1|down|Thiếu nguồn", rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                assertFalse(rs.next());
            }
        }
        assertEquals("invalid_voter_id", JSON.readTree(TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"" + messageId + "\",\"rating\":\"up\",\"voterId\":\"a b\"}").body())
                .at("/error/code").asText());
        HttpResponse<String> unknown = TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"no-such-answer\",\"rating\":\"down\"}");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_message", JSON.readTree(unknown.body()).at("/error/code").asText());
        HttpResponse<String> badRating = TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"" + messageId + "\",\"rating\":\"meh\"}");
        assertEquals(400, badRating.statusCode());
        assertEquals("invalid_rating", JSON.readTree(badRating.body()).at("/error/code").asText());
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = TestServers.get(server, "/api/v1/chat");
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        assertEquals("method_not_allowed", JSON.readTree(r.body()).at("/error/code").asText());
    }

    @Test
    void unknownApiPathIsAJson404() throws Exception {
        HttpResponse<String> r = TestServers.get(server, "/api/v1/nope");
        assertEquals(404, r.statusCode());
        assertEquals("not_found", JSON.readTree(r.body()).at("/error/code").asText());
    }

    @Test
    void questionTextStaysOutOfTheLogWhenConfigured(@TempDir Path otherDir) throws Exception {
        try (TrolysoServer.Running quiet = TestServers.startWithKnowledge(otherDir, c -> c.logQuestions(false),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant))) {
            String id = JSON.readTree(TestServers.postJson(quiet, "/api/v1/chat", "{\"message\":\"Bí mật\"}").body())
                    .get("messageId").asText();
            try (Connection c = quiet.services().database().connection();
                 PreparedStatement p = c.prepareStatement("SELECT question FROM answer_log WHERE message_id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertNull(rs.getString(1));
                }
            }
        }
    }

    @Test
    void notReadyIs503() throws Exception {
        try (TrolysoServer.Running starting = TestServers.startWithKnowledge(dataDir.resolve("starting"), c -> c, null)) {
            HttpResponse<String> r = TestServers.postJson(starting, "/api/v1/chat", "{\"message\":\"Hỏi\"}");
            assertEquals(503, r.statusCode());
            assertEquals("not_ready", JSON.readTree(r.body()).at("/error/code").asText());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static HttpRequest.Builder post(String path) {
        return TestServers.request(server, path);
    }
}
