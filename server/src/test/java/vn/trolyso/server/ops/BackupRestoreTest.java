package vn.trolyso.server.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.SampleModules;
import vn.trolyso.server.testing.TestServers;

/**
 * {@code ./trolyso backup} / {@code restore} round trip against real servers: what a school's users leave in the
 * service (an uploaded document, a learning module, feedback with a comment, a profile and its progress, an API key
 * the administrator created) is backed up while the server runs, the data directory is wiped, restored with the server stopped, and a new server serves
 * all of it back.
 */
class BackupRestoreTest {
    static final String TOKEN = "backup-test-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PHRASE = "Sổ tay an toàn phòng máy: học sinh rửa tay khô trước khi chạm bàn phím";
    static final String MODULE_ID = "tro-choi-on-tap-sao-luu";
    static final String DONE_MODULE = "chuyen-doi-so-co-ban";

    @TempDir
    Path dataDir;
    @TempDir
    Path backups;

    record Run(int code, String out, String err) {
    }

    Run ops(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ServerConfig config = TestServers.config(dataDir).toBuilder().adminToken(TOKEN).build();
        int code = new OpsCommand(config, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8))
                .run(args);
        Run run = new Run(code, out.toString(UTF_8), err.toString(UTF_8));
        System.out.println("./trolyso " + String.join(" ", args) + " -> " + code + "\n" + run.out() + run.err());
        return run;
    }

    @Test
    void whatUsersLeftSurvivesBackupWipeAndRestore() throws Exception {
        String profileId;
        String messageId;
        String apiKey;
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(TOKEN))) {
            HttpResponse<String> doc = upload(server, "/api/v1/documents", "so-tay.txt", "text/plain",
                    (PHRASE + ". Giáo viên kiểm tra ổ cắm điện mỗi sáng thứ Hai.").getBytes(UTF_8),
                    Map.of("title", "Sổ tay an toàn phòng máy"));
            assertEquals(201, doc.statusCode(), doc.body());
            HttpResponse<String> module = upload(server, "/api/v1/materials", MODULE_ID + ".md", "text/markdown",
                    SampleModules.module(MODULE_ID, "Trò chơi ôn tập (sao lưu)", "Ôn tập bằng trò chơi.").getBytes(UTF_8),
                    Map.of());
            assertEquals(201, module.statusCode(), module.body());

            JsonNode chat = json(TestServers.postJson(server, "/api/v1/chat",
                    "{\"message\":\"Mạng xã hội là gì?\"}"));
            messageId = chat.get("messageId").asText();
            HttpResponse<String> feedback = TestServers.postJson(server, "/api/v1/feedback",
                    "{\"messageId\":\"" + messageId + "\",\"rating\":\"down\",\"comment\":\"Cần thêm ví dụ cho lớp 5\"}");
            assertEquals(201, feedback.statusCode(), feedback.body());

            HttpResponse<String> profile = TestServers.postJson(server, "/api/v1/profile",
                    "{\"role\":\"giao_vien\",\"displayName\":\"Cô Lan\",\"school\":\"Trường Tiểu học Hòa Bình\"}");
            assertEquals(201, profile.statusCode(), profile.body());
            profileId = json(profile).get("profileId").asText();
            // A module counts as done only with its check passed: a first attempt tells the right options.
            int questions = json(TestServers.get(server, "/api/v1/materials/" + DONE_MODULE)).get("checkQuestions")
                    .size();
            String zeros = "[" + String.join(",", java.util.Collections.nCopies(questions, "0")) + "]";
            HttpResponse<String> attempt = TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\""
                    + profileId + "\",\"moduleId\":\"" + DONE_MODULE + "\",\"status\":\"done\",\"checkAnswers\":"
                    + zeros + "}");
            assertEquals(200, attempt.statusCode(), attempt.body());
            String right = json(attempt).get("check").get("correctOptions").toString();
            HttpResponse<String> progress = TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\""
                    + profileId + "\",\"moduleId\":\"" + DONE_MODULE + "\",\"status\":\"done\",\"checkAnswers\":"
                    + right + "}");
            assertEquals(200, progress.statusCode(), progress.body());
            assertTrue(doneModules(json(progress).get("path")).contains(DONE_MODULE), progress.body());

            // An API key created by the administrator lives in the database (api_key table), not in the environment.
            HttpResponse<String> key = TestServers.send(TestServers.request(server, "/api/v1/keys")
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"Cổng thông tin của trường\",\"scopes\":[\"portal\"]}", UTF_8)).build());
            assertEquals(201, key.statusCode(), key.body());
            apiKey = json(key).get("key").asText();
            assertEquals(401, search(server, null).statusCode(), "search needs a key with the search scope");
            assertEquals(200, search(server, apiKey).statusCode());

            Run refused = ops("restore", backups.toString());
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("máy chủ Trợ lý số đang chạy"), refused.err());

            Run backup = ops("backup", backups.toString());
            assertEquals(0, backup.code(), backup.toString());
            assertTrue(backup.out().contains("máy chủ đang chạy"), backup.out());
            assertTrue(backup.out().contains("1 tài liệu tải lên, 1 học liệu của trường"), backup.out());
        }

        wipe(dataDir);
        Run restore = ops("restore", backups.toString());
        assertEquals(0, restore.code(), restore.toString());
        assertTrue(restore.out().contains("Đã khôi phục dữ liệu"), restore.out());
        assertTrue(restore.out().contains("feedback 1"), restore.out());

        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(TOKEN))) {
            JsonNode documents = json(admin(server, "/api/v1/documents"));
            assertTrue(documents.toString().contains("Sổ tay an toàn phòng máy"), documents.toString());
            JsonNode answer = awaitCitation(server, "Học sinh cần làm gì trước khi chạm bàn phím ở phòng máy?");
            assertTrue(answer.toString().contains("rửa tay khô"), answer.toString());

            assertTrue(json(TestServers.get(server, "/api/v1/materials")).toString().contains(MODULE_ID));

            JsonNode comments = json(admin(server, "/api/v1/reports/feedback")).get("comments");
            assertEquals(1, comments.size(), comments.toString());
            assertEquals(messageId, comments.get(0).get("messageId").asText());
            assertEquals("Cần thêm ví dụ cho lớp 5", comments.get(0).get("comment").asText());

            JsonNode profile = json(TestServers.get(server, "/api/v1/profile/" + profileId));
            assertEquals("Cô Lan", profile.get("displayName").asText(), profile.toString());
            JsonNode path = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + profileId));
            assertEquals(List.of(DONE_MODULE), doneModules(path), path.toString());

            HttpResponse<String> withKey = search(server, apiKey);
            assertEquals(200, withKey.statusCode(), "the restored key is accepted: " + withKey.body());
            assertEquals(401, search(server, "tls_" + "0".repeat(40)).statusCode(), "an unknown key is still refused");
            JsonNode keys = json(admin(server, "/api/v1/keys")).get("keys");
            assertEquals(1, keys.size(), keys.toString());
            assertEquals("Cổng thông tin của trường", keys.get(0).get("name").asText(), keys.toString());
        }

        // With the server stopped, the command reads the data directory itself.
        Run offline = ops("backup", backups.resolve("offline").toString());
        assertEquals(0, offline.code(), offline.toString());
        assertTrue(offline.out().contains("máy chủ không chạy"), offline.out());
        assertTrue(offline.out().contains("1 tài liệu tải lên, 1 học liệu của trường"), offline.out());
    }

    @Test
    void theOldDataIsMovedAsideNotDeletedAndABrokenBackupChangesNothing() throws Exception {
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(TOKEN))) {
            assertEquals(201, upload(server, "/api/v1/materials", MODULE_ID + ".md", "text/markdown",
                    SampleModules.module(MODULE_ID, "Trò chơi", "Ôn tập.").getBytes(UTF_8), Map.of()).statusCode());
        }
        Run backup = ops("backup", backups.toString());
        assertEquals(0, backup.code(), backup.toString());

        Path broken = backups.resolve("trolyso-broken.zip");
        Files.write(broken, "not a zip".getBytes(UTF_8));
        Run refused = ops("restore", broken.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(Files.isRegularFile(dataDir.resolve("materials").resolve(MODULE_ID + ".md")));

        Run restore = ops("restore", backups.resolve(latestZip(backups)).toString());
        assertEquals(0, restore.code(), restore.toString());
        try (Stream<Path> s = Files.list(dataDir)) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith("pre-restore-")).findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(aside.resolve("materials").resolve(MODULE_ID + ".md")));
            assertTrue(Files.isRegularFile(aside.resolve("db").resolve("trolyso.mv.db")));
            assertTrue(restore.out().contains(aside.getFileName().toString()), restore.out());
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("materials").resolve(MODULE_ID + ".md")));
    }

    static String latestZip(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("trolyso-\\d{8}-\\d{6}\\.zip"))
                    .sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    static List<String> doneModules(JsonNode node) {
        List<String> done = new ArrayList<>();
        node.path("modules").forEach(m -> {
            if (m.path("done").asBoolean()) {
                done.add(m.get("id").asText());
            }
        });
        return done;
    }

    /** Asks until an answer cites the uploaded document (the restored index is rebuilt in the background). */
    static JsonNode awaitCitation(TrolysoServer.Running server, String question) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat",
                    JSON.createObjectNode().put("message", question).toString());
            last = json(r);
            if (r.statusCode() == 200 && last.path("citations").toString().contains("Sổ tay an toàn phòng máy")) {
                return last;
            }
            Thread.sleep(200);
        }
        return last;
    }

    static HttpResponse<String> search(TrolysoServer.Running server, String apiKey) {
        HttpRequest.Builder b = TestServers.request(server, "/api/v1/search?q=ph%C3%B2ng+m%C3%A1y").GET();
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return TestServers.send(b.build());
    }

    static HttpResponse<String> admin(TrolysoServer.Running server, String path) {
        return TestServers.send(TestServers.request(server, path).header("Authorization", "Bearer " + TOKEN).GET()
                .build());
    }

    static HttpResponse<String> upload(TrolysoServer.Running server, String path, String fileName, String type,
                                       byte[] content, Map<String, String> fields) {
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return TestServers.send(TestServers.request(server, path).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static void wipe(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.findAny().isPresent());
        }
    }
}
