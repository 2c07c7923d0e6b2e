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
 * Interim stand-in for the real server while its chat endpoints are not on main: serves the web folder and answers
 * chat with a fixed hostile answer (HTML in the text and in a citation snippet). Replaced by the real server.
 */
final class StubChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> feedback = new CopyOnWriteArrayList<>();
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
                .post("/api/v1/feedback", (req, res) -> {
                    feedback.add(JSON.readTree(req.content().as(String.class)));
                    res.status(204).send();
                })).build().start();
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
