package vn.trolyso.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.sse.SseSink;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Interim stand-in for the learning routes while they are not on main: serves the web folder and answers the
 * issue-6 API (profile, assessment, learning path, progress). Replaced by the real server once those routes land.
 */
final class StubChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> feedback = new CopyOnWriteArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();
    private final WebServer server;

    StubChatServer() {
        server = WebServer.builder().port(0).routing(r -> r
                .register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("web").welcome("index.html").build()))
                .post("/api/v1/chat/stream", (req, res) -> {
                    JsonNode q = JSON.readTree(req.content().as(String.class));
                    Map<String, Object> done = answer(q);
                    try (SseSink sink = res.sink(SseSink.TYPE)) {
                        sink.emit(event("meta", Map.of("conversationId", done.get("conversationId"),
                                "messageId", done.get("messageId"))));
                        for (String piece : ((String) done.get("answer")).split("(?<= )")) {
                            sink.emit(event("token", Map.of("text", piece)));
                            Thread.sleep(15);
                        }
                        sink.emit(event("done", done));
                    }
                })
                .post("/api/v1/chat", (req, res) -> {
                    res.headers().contentType(io.helidon.http.HttpMediaTypes.JSON_UTF_8);
                    res.send(JSON.writeValueAsString(answer(JSON.readTree(req.content().as(String.class)))));
                })
                .post("/api/v1/profile", (req, res) -> json(res, Map.of("profileId", "p-1")))
                .get("/api/v1/assessment", (req, res) -> json(res, Map.of("statements", List.of(
                        Map.of("id", "1.1-2", "domain", "1", "domainName", "Khai thác dữ liệu và thông tin", "level", 2,
                                "text", "Tôi có thể tìm kiếm thông tin trên mạng bằng từ khóa phù hợp."),
                        Map.of("id", "1.1-3", "domain", "1", "domainName", "Khai thác dữ liệu và thông tin", "level", 3,
                                "text", "Tôi có thể đánh giá độ tin cậy của một nguồn tin."),
                        Map.of("id", "4.2-2", "domain", "4", "domainName", "An toàn", "level", 2,
                                "text", "Tôi có thể đặt mật khẩu mạnh và bật xác thực hai lớp.")))))
                .post("/api/v1/assessment", (req, res) -> json(res, Map.of("domains", List.of(
                        Map.of("domain", "1", "domainName", "Khai thác dữ liệu và thông tin", "level", 2, "levelName", "Cơ bản 2", "targetLevel", 3),
                        Map.of("domain", "4", "domainName", "An toàn", "level", 1, "levelName", "Cơ bản 1", "targetLevel", 3)))))
                .get("/api/v1/learning-path", (req, res) -> json(res, path()))
                .post("/api/v1/progress", (req, res) -> {
                    progress.add(JSON.readTree(req.content().as(String.class)).path("moduleId").asText());
                    json(res, Map.of("status", "done", "path", path()));
                })
                .post("/api/v1/feedback", (req, res) -> {
                    feedback.add(JSON.readTree(req.content().as(String.class)));
                    res.status(204).send();
                })).build().start();
    }

    private Map<String, Object> path() {
        return Map.of("complete", false, "remainingMinutes", (progress.contains("mat-khau") ? 0 : 20) + 25, "modules", List.of(
                Map.of("id", "mat-khau", "title", "Mật khẩu và bảo vệ tài khoản", "durationMinutes", 20, "reason", "basic",
                        "competencies", List.of("4.2"), "summary", "Đặt mật khẩu mạnh, bật xác thực hai lớp.",
                        "done", progress.contains("mat-khau")),
                Map.of("id", "tim-kiem", "title", "Tìm kiếm và đánh giá thông tin", "durationMinutes", 25, "reason", "gap",
                        "competencies", List.of("1.1", "1.2"), "done", false)));
    }

    private static void json(io.helidon.webserver.http.ServerResponse res, Object body) throws Exception {
        res.headers().contentType(io.helidon.http.HttpMediaTypes.JSON_UTF_8);
        res.send(JSON.writeValueAsString(body));
    }

    private static Map<String, Object> answer(JsonNode question) {
        String conversation = question.path("conversationId").asText(UUID.randomUUID().toString());
        return Map.of("conversationId", conversation, "messageId", UUID.randomUUID().toString(),
                "answer", "Theo kế hoạch, **chỉ tiêu** năm 2025 là:\n- 80% cán bộ, giáo viên có kỹ năng số cơ bản [1]\n"
                        + "- phổ biến <img src=x onerror=\"window.__xss=1\"> an toàn mạng [2]\nXem https://example.edu.vn/ke-hoach.",
                "mode", "extractive",
                "citations", List.of(
                        Map.of("n", 1, "documentId", "ke-hoach-binh-dan-hoc-vu-so-kien-an", "title",
                                "Kế hoạch triển khai Phong trào “Bình dân học vụ số”", "section", "II. Chỉ tiêu",
                                "snippet", "80% cán bộ, giáo viên, nhân viên và học sinh"),
                        Map.of("n", 2, "documentId", "x", "title", "<b>Tài liệu</b>", "section", "<i>1</i>",
                                "snippet", "<script>window.__xss=2</script><img src=x onerror=\"window.__xss=3\">")));
    }

    private static SseEvent event(String name, Object data) throws Exception {
        return SseEvent.builder().name(name).data(JSON.writeValueAsString(data)).build();
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
