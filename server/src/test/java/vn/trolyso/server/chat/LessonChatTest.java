package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.SseEvents;
import vn.trolyso.server.testing.TestServers;

/** "Hỏi trợ lý về bài này" in the no-LLM mode on a real server: materialId scopes retrieval and summaries. */
class LessonChatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LESSON = "an-toan-mang-cho-hoc-sinh";
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode chat(String message, String materialId) throws Exception {
        String body = JSON.createObjectNode().put("message", message).put("materialId", materialId).toString();
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", body);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> citedDocuments(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("citations").forEach(c -> ids.add(c.get("documentId").asText()));
        return ids;
    }

    @Test
    void summaryRequestGivesTheModulesSummaryAndHeadingsCited() throws Exception {
        JsonNode lesson = JSON.readTree(TestServers.get(server, "/api/v1/materials/" + LESSON).body());
        for (String ask : List.of("tóm tắt bài này", "Tóm tắt bài học “" + lesson.get("title").asText() + "”", "Tom tat bai nay")) {
            JsonNode answer = chat(ask, LESSON);
            String text = answer.get("answer").asText();
            assertTrue(text.contains(lesson.get("summary").asText()), text);
            assertTrue(text.contains("Thông tin nào là của riêng em") && text.contains("Dùng thiết bị điều độ"), text);
            assertTrue(text.contains("[1]"), text);
            assertEquals(List.of(LESSON), citedDocuments(answer));
            assertEquals(lesson.get("title").asText(), answer.get("citations").get(0).get("title").asText());
        }
    }

    @Test
    void questionsAreAnsweredFromTheModuleFirst() throws Exception {
        String question = "Khi bị bắt nạt trên mạng thì phải làm gì?";
        JsonNode scoped = chat(question, LESSON);
        assertEquals("extractive", scoped.get("mode").asText(), scoped.toString());
        List<String> cited = citedDocuments(scoped);
        assertTrue(!cited.isEmpty() && cited.stream().allMatch(LESSON::equals), scoped.toString());

        // The module has nothing on this: the whole knowledge base answers.
        JsonNode widened = chat("Phong trào Bình dân học vụ số ở phường Kiến An đặt chỉ tiêu gì?", LESSON);
        assertNotEquals("refusal", widened.get("mode").asText(), widened.toString());
        assertTrue(citedDocuments(widened).stream().noneMatch(LESSON::equals), widened.toString());
    }

    @Test
    void streamAcceptsTheMaterialIdToo() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream",
                "{\"message\":\"tóm tắt bài này\",\"materialId\":\"" + LESSON + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        assertEquals("done", events.getLast().name(), r.body());
        JsonNode done = JSON.readTree(events.getLast().data());
        assertEquals(LESSON, done.get("citations").get(0).get("documentId").asText(), r.body());
    }

    @Test
    void unknownOrMalformedMaterialIdsAreRefusedWithStableCodes() throws Exception {
        for (String path : List.of("/api/v1/chat", "/api/v1/chat/stream")) {
            HttpResponse<String> unknown = TestServers.postJson(server, path,
                    "{\"message\":\"tóm tắt bài này\",\"materialId\":\"khong-co-bai-nay\"}");
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals("unknown_module", JSON.readTree(unknown.body()).path("error").path("code").asText());
            HttpResponse<String> bad = TestServers.postJson(server, path,
                    "{\"message\":\"tóm tắt bài này\",\"materialId\":\"../etc\"}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("invalid_material_id", JSON.readTree(bad.body()).path("error").path("code").asText());
        }
    }
}
