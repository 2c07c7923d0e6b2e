package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.ScriptedAssistant;
import vn.trolyso.server.testing.TestServers;

/** Bad and hostile input: always a 4xx JSON error with a stable code, never a 500, and the server stays healthy. */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        server = TestServers.startWithKnowledge(dataDir,
                c -> c.limits(new ServerConfig.Limits(2000, 65536, 100_000, 100_000, 10_000, Duration.ofSeconds(30))),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void stillHealthy() {
        assertEquals(200, TestServers.get(server, "/observe/health/live").statusCode());
        assertEquals(200, TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Còn hoạt động?\"}").statusCode());
    }

    private static HttpResponse<String> postBytes(String contentType, byte[] body) {
        return TestServers.send(TestServers.request(server, "/api/v1/chat").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals(code, error.get("code").asText(), r.body());
        assertFalse(error.get("message").asText().isBlank());
        assertFalse(r.body().contains("Exception"), "no stack trace or exception names");
    }

    @Test
    void malformedJson() throws Exception {
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\": \"thiếu ngoặc\""), 400, "malformed_json");
        assertError(TestServers.postJson(server, "/api/v1/chat", "[1,2,3]"), 400, "malformed_json");
        assertError(TestServers.postJson(server, "/api/v1/chat", "not json"), 400, "malformed_json");
    }

    @Test
    void missingOrWrongTypedFields() throws Exception {
        assertError(TestServers.postJson(server, "/api/v1/chat", "{}"), 400, "missing_field");
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":42}"), 400, "invalid_field");
        assertError(TestServers.postJson(server, "/api/v1/chat", ""), 400, "empty_body");
        assertError(TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Hỏi\",\"profile\":{\"role\":\"hieu_truong\"}}"), 400, "invalid_role");
        assertError(TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Hỏi\",\"profile\":{\"grade\":13}}"), 400, "invalid_grade");
        assertError(TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Hỏi\",\"conversationId\":\"../../etc/passwd\"}"), 400, "invalid_conversation_id");
    }

    @Test
    void invalidUtf8() throws Exception {
        byte[] body = "{\"message\":\"Xin chào \"}".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[body.length + 2];
        System.arraycopy(body, 0, bad, 0, body.length - 2);
        bad[body.length - 2] = (byte) 0xC3;
        bad[body.length - 1] = (byte) 0x28;
        bad[body.length] = '"';
        bad[body.length + 1] = '}';
        assertError(postBytes("application/json", bad), 400, "invalid_utf8");
    }

    @Test
    void fiveMegabyteBody() throws Exception {
        String huge = "{\"message\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        assertError(TestServers.postJson(server, "/api/v1/chat", huge), 413, "payload_too_large");
    }

    @Test
    void wrongContentType() throws Exception {
        assertError(postBytes("text/plain", "{\"message\":\"Hỏi\"}".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertError(postBytes("application/json; charset=iso-8859-1", "{\"message\":\"Hoi\"}".getBytes()), 415,
                "unsupported_charset");
    }

    @Test
    void emptyAndTooLongMessages() throws Exception {
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"   \"}"), 400, "empty_message");
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"" + "á".repeat(2001) + "\"}"), 400,
                "message_too_long");
        assertError(TestServers.postJson(server, "/api/v1/chat/stream", "{\"message\":\"" + "a".repeat(2001) + "\"}"),
                400, "message_too_long");
        assertEquals(200, TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"" + "á".repeat(2000) + "\"}").statusCode(), "2,000 characters are accepted");
    }

    @Test
    void controlCharactersAndBrokenSurrogates() throws Exception {
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\\u0000gì\"}"), 400,
                "invalid_characters");
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\\u001b[31m\"}"), 400,
                "invalid_characters");
        assertError(TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi \\ud800 gì\"}"), 400,
                "invalid_characters");
        assertEquals(200, TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Dòng 1\\nDòng 2\\tcột\"}")
                .statusCode(), "line breaks and tabs are normal text");
    }

    @Test
    void htmlInAMessageIsPlainTextAndNeverReflectedAsHtml() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"<script>alert(1)</script><img src=x onerror=alert(2)>\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(r.body().contains("<script>"), r.body());
    }

    @Test
    void feedbackRejectsBadInput() throws Exception {
        assertError(TestServers.postJson(server, "/api/v1/feedback", "{\"rating\":\"up\"}"), 400, "missing_field");
        assertError(TestServers.postJson(server, "/api/v1/feedback", "{\"messageId\":\"a b\",\"rating\":\"up\"}"), 400,
                "invalid_message_id");
        assertError(TestServers.postJson(server, "/api/v1/feedback",
                "{\"messageId\":\"abc\",\"rating\":\"up\",\"comment\":\"" + "x".repeat(2001) + "\"}"), 400,
                "comment_too_long");
    }
}
