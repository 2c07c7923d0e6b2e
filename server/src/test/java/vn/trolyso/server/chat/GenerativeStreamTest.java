package vn.trolyso.server.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.SseEvents;
import vn.trolyso.server.testing.TestServers;

/** The production wiring with WireMock as Ollama: generative answers stream through SSE piece by piece. */
class GenerativeStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "stub-model:latest";
    private static final List<String> PIECES = List.of("Kế hoạch ", "nhằm nâng cao ", "năng lực số [1].");
    @TempDir
    static Path dataDir;
    static WireMockServer ollama;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        ollama = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        ollama.start();
        ollama.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson("{\"models\":[{\"name\":\"" + MODEL
                + "\",\"model\":\"" + MODEL + "\",\"size\":1,\"details\":{\"format\":\"gguf\"}}]}")));
        StringBuilder ndjson = new StringBuilder();
        for (String p : PIECES) {
            ndjson.append("{\"model\":\"").append(MODEL).append("\",\"created_at\":\"2025-10-01T08:00:00Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":").append(JSON.writeValueAsString(p))
                    .append("},\"done\":false}\n");
        }
        ndjson.append("{\"model\":\"").append(MODEL).append("\",\"created_at\":\"2025-10-01T08:00:01Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"prompt_eval_count\":800,\"eval_count\":12}\n");
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(ndjson.toString())));
        server = TestServers.start(dataDir, c -> c.ollama(URI.create(ollama.baseUrl()), MODEL));
        TestServers.awaitOllamaReady(server); // the start-up probe runs in the background; a loaded machine is slow

    }

    @AfterAll
    static void stop() {
        server.stop();
        ollama.stop();
    }

    @Test
    void openAiStreamAssemblesToTheWholeCompletion() throws Exception {
        String body = "{\"model\":\"trolyso\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo trong giáo dục là gì?\"}]";
        HttpResponse<String> whole = TestServers.postJson(server, "/v1/chat/completions", body + "}");
        assertEquals(200, whole.statusCode(), whole.body());
        JsonNode message = JSON.readTree(whole.body()).at("/choices/0/message");
        assertEquals("generative", message.get("trolyso_mode").asText(), whole.body());
        HttpResponse<String> streamed = TestServers.postJson(server, "/v1/chat/completions", body + ",\"stream\":true}");
        assertEquals(200, streamed.statusCode(), streamed.body());
        StringBuilder text = new StringBuilder();
        List<String> data = streamed.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast(), streamed.body());
        for (String d : data.subList(0, data.size() - 1)) {
            text.append(JSON.readTree(d).at("/choices/0/delta/content").asText(""));
        }
        assertTrue(data.size() >= 4, "the generative answer arrives in pieces: " + streamed.body());
        assertEquals(message.get("content").asText(), text.toString(), "the deltas add up to the whole answer");
        assertEquals(message.get("trolyso_citations"), JSON.readTree(data.get(data.size() - 2)).get("trolyso_citations"));
    }

    @Test
    void generativeAnswerStreamsAsTokensThenDone() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream",
                "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo trong giáo dục là gì?\"}");
        assertEquals(200, r.statusCode(), r.body());
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        assertEquals("meta", events.getFirst().name());
        assertEquals("done", events.getLast().name(), r.body());
        List<SseEvents.Event> tokens = events.stream().filter(e -> e.name().equals("token")).toList();
        assertTrue(tokens.size() >= 2, "streamed in pieces: " + r.body());
        JsonNode done = JSON.readTree(events.getLast().data());
        assertEquals("generative", done.get("mode").asText(), r.body());
        assertTrue(done.get("answer").asText().contains("năng lực số"), r.body());
        assertTrue(done.get("citations").size() >= 1, "the [1] marker maps to a citation: " + r.body());
        HttpResponse<String> health = TestServers.get(server, "/observe/health");
        assertTrue(health.body().contains("\"mode\":\"generative\""), health.body());
    }

    @Test
    void aQuestionAskedFromAModuleIsAnsweredFromThatModule() throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream",
                "{\"message\":\"Cần làm gì để an toàn trên mạng?\",\"materialId\":\"mat-khau-va-bao-ve-tai-khoan\"}");
        assertEquals(200, r.statusCode(), r.body());
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        JsonNode done = JSON.readTree(events.getLast().data());
        assertEquals("generative", done.get("mode").asText(), r.body());
        assertTrue(done.get("citations").size() >= 1, r.body());
        done.get("citations").forEach(c -> assertEquals("mat-khau-va-bao-ve-tai-khoan", c.get("documentId").asText(), r.body()));
    }
}
