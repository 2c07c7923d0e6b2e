package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.trolyso.server.testing.SampleModules.module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** Upload, replace and delete of the school's training modules through the real server (production wiring). */
class MaterialsAdminApiTest {
    static final String TOKEN = "admin-test-token";
    static final String BUNDLED_ID = "ai-cho-hoc-sinh";
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c.adminToken(TOKEN));
        admin = new AdminClient(server, TOKEN);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> upload(String fileName, String content) {
        return upload(fileName, content.getBytes(UTF_8));
    }

    static HttpResponse<String> upload(String fileName, byte[] content) {
        MultipartBody form = new MultipartBody().file("file", fileName, "text/markdown", content);
        return TestServers.send(admin.request("/api/v1/materials").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    static HttpResponse<String> delete(String id) {
        return TestServers.send(admin.request("/api/v1/materials/" + id).DELETE().build());
    }

    static HttpResponse<String> get(String path) {
        return TestServers.send(admin.request(path).GET().build());
    }

    static List<String> listedIds() {
        List<String> ids = new ArrayList<>();
        AdminClient.json(get("/api/v1/materials")).get("materials").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    static List<String> schoolFiles() throws IOException {
        Path folder = dataDir.resolve("materials");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void uploadedModuleIsListedServedSearchableReplacedAndDeleted() throws IOException {
        String id = "rung-chuong-vang-truc-tuyen";
        HttpResponse<String> r = upload("trò chơi.md", module(id, "Rung chuông vàng trực tuyến",
                "Trò chơi Rung chuông vàng với bảng điểm Quizizzgala."));

        assertEquals(201, r.statusCode(), r.body());
        JsonNode material = AdminClient.json(r).get("material");
        assertEquals(id, material.get("id").asText());
        assertEquals("Rung chuông vàng trực tuyến", material.get("title").asText());
        assertEquals("5.3", material.get("competencies").get(0).asText());
        assertEquals(2, material.get("checkQuestions").size());
        assertFalse(material.get("replaced").asBoolean());
        assertFalse(material.get("overridesBundled").asBoolean());
        assertTrue(schoolFiles().contains(id + ".md"), schoolFiles().toString());
        assertTrue(listedIds().contains(id));
        JsonNode served = AdminClient.json(get("/api/v1/materials/" + id));
        assertEquals("Chuẩn bị", served.get("sections").get(0).get("heading").asText());
        AdminClient.await("the module in search", AdminClient.INDEXING_DEADLINE,
                () -> admin.searchIds("bảng điểm Quizizzgala rung chuông vàng", 5), ids -> ids.contains(id));

        HttpResponse<String> replaced = upload("khac.md", module(id, "Rung chuông vàng (bản mới)",
                "Trò chơi Rung chuông vàng với bảng điểm Quizizzgala."));
        assertEquals(201, replaced.statusCode(), replaced.body());
        assertTrue(AdminClient.json(replaced).get("material").get("replaced").asBoolean());
        assertEquals("Rung chuông vàng (bản mới)",
                AdminClient.json(get("/api/v1/materials/" + id)).get("title").asText());
        assertEquals(List.of(id + ".md"), schoolFiles().stream().filter(f -> f.endsWith(".md")).toList());

        HttpResponse<String> deleted = delete(id);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertFalse(AdminClient.json(deleted).get("restoredBundled").asBoolean());
        assertFalse(listedIds().contains(id));
        assertEquals(404, get("/api/v1/materials/" + id).statusCode());
        assertFalse(schoolFiles().contains(id + ".md"));
        AdminClient.await("the module gone from search", AdminClient.INDEXING_DEADLINE,
                () -> admin.searchIds("bảng điểm Quizizzgala rung chuông vàng", 5), ids -> !ids.contains(id));
        assertEquals(404, delete(id).statusCode());
    }

    @Test
    void uploadedModuleServesAGapInALearningPath() {
        String id = "on-tap-truc-tuyen-cho-giao-vien";
        assertEquals(201, upload(id + ".md", module(id, "Ôn tập trực tuyến", "Ôn tập cuối chương.")).statusCode());
        try {
            JsonNode profile = AdminClient.json(TestServers.send(admin.request("/api/v1/profile")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"giao_vien\"}")).build()));
            String profileId = profile.get("profileId").asText();
            JsonNode form = AdminClient.json(get("/api/v1/assessment?role=giao_vien"));
            ObjectNode body = AdminClient.JSON.createObjectNode().put("profileId", profileId);
            ArrayNode answers = body.putArray("answers");
            form.get("statements").forEach(s -> answers.addObject().put("statementId", s.get("id").asText())
                    .put("answer", "chua"));
            HttpResponse<String> assessed = TestServers.send(admin.request("/api/v1/assessment")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), UTF_8)).build());
            assertEquals(200, assessed.statusCode(), assessed.body());

            JsonNode path = AdminClient.json(get("/api/v1/learning-path?profileId=" + profileId));
            List<String> gapModules = new ArrayList<>();
            path.get("modules").forEach(m -> {
                if (m.get("reason").asText().equals("gap")) {
                    gapModules.add(m.get("id").asText());
                }
            });
            assertTrue(gapModules.contains(id), path.toString());
        } finally {
            delete(id);
        }
    }

    @Test
    void malformedModuleIsRefusedWithEveryProblemAndNothingIsWritten() throws IOException {
        List<String> before = listedIds();
        List<String> filesBefore = schoolFiles();
        String bad = """
                ---
                id: hoc-phan-loi
                competencies: ["9.9"]
                levels: [1]
                audience: [GV]
                duration_minutes: 10
                summary: "Thiếu tiêu đề."
                ---

                ## Nội dung
                Chưa có câu hỏi kiểm tra.
                """;

        HttpResponse<String> r = upload("hoc-phan-loi.md", bad);

        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = AdminClient.json(r).get("error");
        assertEquals("invalid_material", error.get("code").asText());
        List<String> fields = new ArrayList<>();
        error.get("problems").forEach(p -> {
            assertEquals("hoc-phan-loi.md", p.get("file").asText());
            assertFalse(p.get("message").asText().isBlank());
            fields.add(p.get("field").asText());
        });
        assertTrue(fields.containsAll(List.of("title", "competencies", "Câu hỏi kiểm tra")), fields.toString());
        assertTrue(error.get("message").asText().contains("9.9"), error.toString());
        assertEquals(filesBefore, schoolFiles());
        assertEquals(before, listedIds());
        assertEquals(404, get("/api/v1/materials/hoc-phan-loi").statusCode());

        HttpResponse<String> noFrontMatter = upload("x.md", "## Chỉ có nội dung\nKhông có phần thông tin.\n");
        assertEquals(400, noFrontMatter.statusCode());
        assertEquals("front matter", AdminClient.json(noFrontMatter).get("error").get("problems").get(0)
                .get("field").asText());
        HttpResponse<String> notUtf8 = upload("x.md", new byte[]{'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28});
        assertEquals(400, notUtf8.statusCode());
        assertEquals("mã hóa", AdminClient.json(notUtf8).get("error").get("problems").get(0).get("field").asText());
        assertEquals(filesBefore, schoolFiles());
    }

    @Test
    void bundledModulesCannotBeDeletedButASchoolOverrideCanAndRestoresThem() {
        String bundledTitle = AdminClient.json(get("/api/v1/materials/" + BUNDLED_ID)).get("title").asText();
        HttpResponse<String> refused = delete(BUNDLED_ID);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("bundled_material", AdminClient.json(refused).get("error").get("code").asText());

        HttpResponse<String> override = upload("ai.md", module(BUNDLED_ID, "AI của trường", "Nội dung riêng."));
        assertEquals(201, override.statusCode(), override.body());
        assertTrue(AdminClient.json(override).get("material").get("overridesBundled").asBoolean());
        assertEquals("AI của trường", AdminClient.json(get("/api/v1/materials/" + BUNDLED_ID)).get("title").asText());

        HttpResponse<String> deleted = delete(BUNDLED_ID);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(AdminClient.json(deleted).get("restoredBundled").asBoolean());
        assertTrue(AdminClient.json(deleted).get("message").asText().contains("có sẵn"), deleted.body());
        assertEquals(bundledTitle, AdminClient.json(get("/api/v1/materials/" + BUNDLED_ID)).get("title").asText());

        HttpResponse<String> unknown = delete("khong-co-hoc-phan-nay");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_module", AdminClient.json(unknown).get("error").get("code").asText());
    }

    @Test
    void changesNeedTheAdminTokenAndTheFilePart() {
        MultipartBody form = new MultipartBody().file("file", "a.md", "text/markdown",
                module("khong-duoc-luu", "Không được lưu", "x").getBytes(UTF_8));
        for (String token : new String[]{null, "wrong-token"}) {
            HttpRequest.Builder post = TestServers.request(server, "/api/v1/materials")
                    .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
            HttpRequest.Builder del = TestServers.request(server, "/api/v1/materials/" + BUNDLED_ID).DELETE();
            if (token != null) {
                post.header("Authorization", "Bearer " + token);
                del.header("Authorization", "Bearer " + token);
            }
            assertEquals(401, TestServers.send(post.build()).statusCode());
            assertEquals(401, TestServers.send(del.build()).statusCode());
        }
        assertFalse(listedIds().contains("khong-duoc-luu"));

        MultipartBody noFile = new MultipartBody().field("title", "x");
        HttpResponse<String> missing = TestServers.send(admin.request("/api/v1/materials")
                .header("Content-Type", noFile.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(noFile.bytes())).build());
        assertEquals(400, missing.statusCode());
        assertEquals("missing_file", AdminClient.json(missing).get("error").get("code").asText());

        HttpResponse<String> tooLarge = upload("big.md", new byte[1024 * 1024 + 1]);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("too_large", AdminClient.json(tooLarge).get("error").get("code").asText());
    }
}
