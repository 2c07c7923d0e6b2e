package vn.trolyso.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.testing.ScriptedAssistant;
import vn.trolyso.server.testing.TestServers;

class SecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WIDGET_KEY = "widget-key-123";
    private static final String PORTAL_KEY = "portal-key-456";
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running keyed;

    @BeforeAll
    static void start() {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        keyed = TestServers.startWithKnowledge(dataDir, c -> c.apiKeys(true, List.of(
                                new ApiKey("widget", Secrets.sha256Hex(WIDGET_KEY), Scope.WIDGET),
                                new ApiKey("portal", Secrets.sha256Hex(PORTAL_KEY), Scope.PORTAL)))
                        .allowedOrigins(List.of("https://truong-thcs.edu.vn")),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant));
    }

    @AfterAll
    static void stop() {
        keyed.stop();
    }

    private static HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder b = TestServers.request(keyed, path).GET();
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return TestServers.send(b.build());
    }

    private static HttpResponse<String> chat(String key) {
        HttpRequest.Builder b = TestServers.request(keyed, "/api/v1/chat").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Hỏi\"}"));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return TestServers.send(b.build());
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).at("/error/code").asText();
    }

    @Test
    void keysAreRequiredWhenConfiguredSo() throws Exception {
        HttpResponse<String> none = chat(null);
        assertEquals(401, none.statusCode());
        assertEquals("api_key_required", code(none));
        HttpResponse<String> wrong = chat("not-a-key");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_api_key", code(wrong));
        assertEquals(200, chat(WIDGET_KEY).statusCode());
        assertEquals(200, chat(PORTAL_KEY).statusCode());
    }

    @Test
    void theWidgetKeyMayOnlyChat() throws Exception {
        HttpResponse<String> search = get("/api/v1/search?q=ai", WIDGET_KEY);
        assertEquals(403, search.statusCode());
        assertEquals("forbidden_scope", code(search));
        assertEquals(403, get("/api/v1/documents", WIDGET_KEY).statusCode());
        assertEquals(403, get("/api/v1/framework", WIDGET_KEY).statusCode());
        assertEquals(200, get("/api/v1/search?q=ai", PORTAL_KEY).statusCode());
        assertEquals(200, get("/api/v1/documents", PORTAL_KEY).statusCode());
        assertEquals(200, get("/api/v1/framework", PORTAL_KEY).statusCode());
    }

    @Test
    void anonymousCallersGetTheWidgetScopeOnAFreshInstall(@TempDir Path fresh) throws Exception {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        try (TrolysoServer.Running open = TestServers.startWithKnowledge(fresh, c -> c,
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant))) {
            assertEquals(200, TestServers.postJson(open, "/api/v1/chat", "{\"message\":\"Hỏi\"}").statusCode());
            HttpResponse<String> search = TestServers.get(open, "/api/v1/search?q=ai");
            assertEquals(401, search.statusCode());
            assertEquals("api_key_required", code(search));
        }
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() throws Exception {
        HttpResponse<String> allowed = TestServers.send(TestServers.request(keyed, "/api/v1/chat")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://truong-thcs.edu.vn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key").build());
        assertTrue(allowed.statusCode() == 200 || allowed.statusCode() == 204, allowed.statusCode() + allowed.body());
        assertEquals("https://truong-thcs.edu.vn", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        // A refused origin's preflight is answered, so that its request arrives and is told why it is refused.
        HttpResponse<String> refusedPreflight = TestServers.send(TestServers.request(keyed, "/api/v1/chat")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertEquals(204, refusedPreflight.statusCode());

        HttpResponse<String> deniedRequest = TestServers.send(TestServers.request(keyed, "/api/v1/chat")
                .header("Origin", "https://evil.example").header("X-API-Key", WIDGET_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Hỏi\"}")).build());
        assertEquals(403, deniedRequest.statusCode());
        assertEquals("https://evil.example", deniedRequest.headers().firstValue("Access-Control-Allow-Origin")
                .orElse(""), "the page may read why it was refused");
        assertEquals("origin_not_allowed", code(deniedRequest));
        String message = JSON.readTree(deniedRequest.body()).at("/error/message").asText();
        assertTrue(message.contains("https://evil.example") && message.contains("TROLYSO_ALLOWED_ORIGINS"), message);
        assertFalse(deniedRequest.body().contains("Trả lời."), "no answer for a refused origin");
    }

    @Test
    void sameOriginRequestsAreNotCorsAndWork() {
        HttpResponse<String> r = TestServers.send(TestServers.request(keyed, "/api/v1/chat")
                .header("Origin", "http://localhost:" + keyed.port()).header("X-API-Key", WIDGET_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Hỏi\"}")).build());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void rateLimitAnswers429WithRetryAfter(@TempDir Path limited) throws Exception {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        try (TrolysoServer.Running server = TestServers.startWithKnowledge(limited,
                c -> c.limits(new ServerConfig.Limits(2000, 65536, 1, 1000, 3, Duration.ofSeconds(30))),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\"}").statusCode());
            }
            HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\"}");
            assertEquals(429, r.statusCode());
            assertEquals("rate_limited", code(r));
            int retryAfter = Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(200, TestServers.get(server, "/observe/health/live").statusCode(), "health is not limited");
        }
    }

    @Test
    void perKeyLimitIsSeparateFromTheIpLimit(@TempDir Path limited) throws Exception {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        try (TrolysoServer.Running server = TestServers.startWithKnowledge(limited,
                c -> c.apiKeys(false, List.of(new ApiKey("portal", Secrets.sha256Hex(PORTAL_KEY), Scope.PORTAL)))
                        .limits(new ServerConfig.Limits(2000, 65536, 1000, 1, 2, Duration.ofSeconds(30))),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant))) {
            HttpRequest.Builder withKey = TestServers.request(server, "/api/v1/documents").header("X-API-Key", PORTAL_KEY);
            assertEquals(200, TestServers.send(withKey.GET().build()).statusCode());
            assertEquals(200, TestServers.send(withKey.GET().build()).statusCode());
            assertEquals(429, TestServers.send(withKey.GET().build()).statusCode());
            assertEquals(200, TestServers.postJson(server, "/api/v1/chat", "{\"message\":\"Hỏi\"}").statusCode(),
                    "anonymous calls from the same IP are not charged to the key");
            assertEquals(429, TestServers.send(withKey.GET().build()).statusCode(), "the key stays limited");
        }
    }

    @Test
    void adminGuardNeedsTheBearerToken() throws Exception {
        for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of("s3cret-admin"))) {
            AdminAuth admin = new AdminAuth(token);
            WebServer server = WebServer.builder().port(0).host("127.0.0.1").featuresDiscoverServices(false)
                    .routing(r -> {
                        ApiErrors.register(r);
                        r.any("/admin/*", admin.guard()).get("/admin/report", (req, res) -> res.send("ok"));
                    }).build().start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/admin/report");
                HttpResponse<String> none = TestServers.send(HttpRequest.newBuilder(uri).GET().build());
                HttpResponse<String> wrong = TestServers.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer nope").GET().build());
                HttpResponse<String> right = TestServers.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer s3cret-admin").GET().build());
                if (token.isEmpty()) {
                    assertEquals(403, right.statusCode());
                    assertEquals("admin_disabled", code(right));
                } else {
                    assertEquals(401, none.statusCode());
                    assertEquals("admin_token_required", code(none));
                    assertEquals(401, wrong.statusCode());
                    assertEquals("invalid_admin_token", code(wrong));
                    assertEquals(200, right.statusCode());
                    assertEquals("ok", right.body());
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void keysAreStoredHashedAndComparedByHash() {
        ApiKeyRegistry registry = new ApiKeyRegistry(List.of(new ApiKey("w", Secrets.sha256Hex("abc"), Scope.WIDGET)));
        assertEquals("w", registry.find("abc").orElseThrow().id());
        assertFalse(registry.find("abcd").isPresent());
    }
}
