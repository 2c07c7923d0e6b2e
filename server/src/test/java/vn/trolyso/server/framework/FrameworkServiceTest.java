package vn.trolyso.server.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.testing.TestServers;

/** Against the real service (production routing, security filter and error mapping) on a free port. */
class FrameworkServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CompetencyFramework framework;
    private static Path dataDir;
    private static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        framework = FrameworkLoader.loadBundled();
        dataDir = Files.createTempDirectory("trolyso-framework-api");
        server = TestServers.start(dataDir, FrameworkServiceTest::generousLimits, b -> b.framework(framework));
    }

    /** The test walks every competency and level: more requests than the default per-IP rate allows. */
    static ServerConfig.Builder generousLimits(ServerConfig.Builder c) {
        ServerConfig.Limits l = c.limits();
        return c.limits(new ServerConfig.Limits(l.maxMessageChars(), l.maxBodyBytes(), 100_000, 100_000, 100_000,
                l.answerTimeout()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Reply(int status, JsonNode body, String contentType) {
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> r = TestServers.get(server, path);
        return new Reply(r.statusCode(), JSON.readTree(r.body()), r.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void wholeStructureWithMetadata() throws Exception {
        Reply r = get("/api/v1/framework");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode b = r.body();
        assertEquals(6, b.path("domains").size());
        assertEquals(8, b.path("levels").size());
        assertEquals(24, b.path("counts").path("competencies").asInt());
        assertEquals("An toàn", b.path("domains").get(3).path("name").asText());
        JsonNode meta = b.path("metadata");
        assertTrue(meta.path("sources").path("legalBasis").asText().startsWith("Thông tư 02/2025/TT-BGDĐT"));
        assertTrue(meta.path("sources").path("guidance").asText().startsWith("Công văn 3456/BGDĐT-GDPT"));
        assertTrue(meta.path("undescribedLevelsNote").asText().contains("Bậc 6–8 không có mô tả"));
        assertTrue(meta.path("verificationNotes").toString().contains("CHƯA đối chiếu"));
        assertEquals("chua_xac_minh", b.path("levels").get(6).path("status").asText());
    }

    @Test
    void everyCompetencyAndLevelIsReachable() throws Exception {
        for (Competency c : framework.competencies()) {
            Reply r = get("/api/v1/framework/competencies/" + c.code());
            assertEquals(200, r.status(), c.code());
            JsonNode levels = r.body().path("competency").path("levels");
            assertEquals(5, levels.size());
            for (int level = 1; level <= 5; level++) {
                JsonNode cell = levels.get(level - 1);
                assertEquals(level, cell.path("bac").asInt());
                assertEquals(c.descriptor(level).orElse(null), cell.path("descriptor").isNull() ? null : cell.path("descriptor").asText());
                assertEquals(c.indicators(level).size(), cell.path("indicators").size());
            }
            assertEquals(c.domainCode(), r.body().path("domain").path("code").asText());
            assertFalse(r.body().path("metadata").isMissingNode());
        }
        for (int level = 1; level <= 5; level++) {
            Reply r = get("/api/v1/framework/levels/" + level);
            assertEquals(200, r.status());
            assertEquals(24, r.body().path("competencies").size());
            for (JsonNode c : r.body().path("competencies")) {
                Competency expected = framework.competency(c.path("code").asText()).orElseThrow();
                assertEquals(expected.descriptor(level).orElse(null),
                        c.path("descriptor").isNull() ? null : c.path("descriptor").asText());
            }
        }
    }

    @Test
    void levelsSixToEightSayTheyHaveNoDescriptors() throws Exception {
        for (int level = 6; level <= 8; level++) {
            Reply r = get("/api/v1/framework/levels/" + level);
            assertEquals(200, r.status());
            assertFalse(r.body().path("descriptorsAvailable").asBoolean());
            assertEquals(0, r.body().path("competencies").size());
            assertTrue(r.body().path("metadata").path("undescribedLevelsNote").asText().contains("không có mô tả"));
        }
    }

    @Test
    void levelBySymbolAndGradeMapping() throws Exception {
        assertEquals(3, get("/api/v1/framework/levels/TC1").body().path("level").path("bac").asInt());
        int[] expected = {0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5};
        for (int grade = 1; grade <= 12; grade++) {
            Reply r = get("/api/v1/framework/grades/" + grade);
            assertEquals(200, r.status());
            assertEquals(expected[grade], r.body().path("level").path("bac").asInt(), "lớp " + grade);
            assertEquals(24, r.body().path("competencies").size());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/framework/grades/0, 404, grade_not_found",
            "/api/v1/framework/grades/13, 404, grade_not_found",
            "/api/v1/framework/grades/abc, 400, invalid_grade",
            "/api/v1/framework/levels/9, 404, level_not_found",
            "/api/v1/framework/levels/abc, 400, invalid_level",
            "/api/v1/framework/competencies/9.9, 404, competency_not_found",
            "/api/v1/framework/competencies/abc, 400, invalid_competency_code"})
    void invalidInputGivesAStableCodeAndAVietnameseMessage(String path, int status, String code) throws Exception {
        Reply r = get(path);
        assertEquals(status, r.status());
        assertEquals(code, r.body().path("error").path("code").asText());
        String message = r.body().path("error").path("message").asText();
        assertTrue(message.matches(".*[àáảãạăâđêôơưĐ].*"), "Vietnamese message: " + message);
    }

    @Test
    void encodedPathParametersAreHandled() throws Exception {
        Reply r = get("/api/v1/framework/levels/" + URLEncoder.encode("bậc 3", StandardCharsets.UTF_8).replace("+", "%20"));
        assertEquals(200, r.status());
        assertEquals(3, r.body().path("level").path("bac").asInt());
    }

    @Test
    void keysWithoutTheFrameworkScopeAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String key = "khoa-widget-thu";
        ApiKey widget = new ApiKey("widget", sha256(key), Scope.WIDGET);
        try (TrolysoServer.Running keyed = TestServers.start(dir, c -> c.apiKeys(true, List.of(widget)))) {
            HttpResponse<String> anonymous = TestServers.get(keyed, "/api/v1/framework");
            assertEquals(401, anonymous.statusCode());
            HttpResponse<String> r = TestServers.send(TestServers.request(keyed, "/api/v1/framework/grades/8")
                    .header("X-API-Key", key).GET().build());
            assertEquals(403, r.statusCode());
            assertEquals("forbidden_scope", JSON.readTree(r.body()).path("error").path("code").asText());
        }
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
