package vn.trolyso.server.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;

/** Against a real Helidon server on a free port. */
class FrameworkServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CompetencyFramework framework;
    private static WebServer server;

    @BeforeAll
    static void start() {
        framework = FrameworkLoader.loadBundled();
        server = WebServer.builder().port(0)
                .routing(r -> r.register("/api/v1/framework", new FrameworkService(framework)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private record Reply(int status, JsonNode body, String contentType) {
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
}
