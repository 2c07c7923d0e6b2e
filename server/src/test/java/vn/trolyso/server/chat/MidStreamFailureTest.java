package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.RawOllamaStub;
import vn.trolyso.server.testing.RawOllamaStub.Fault;
import vn.trolyso.server.testing.SseEvents;
import vn.trolyso.server.testing.TestServers;

/**
 * An Ollama that stops mid-answer (some tokens, then silence with the connection open), through the whole server:
 * both chat routes keep the words already received and end with the notice once the stall timeout passes, long
 * before the answer deadline; the generation is closed; health says generative is degraded until a call succeeds.
 * And a model that is not pulled gets the note naming {@code ollama pull <model>}.
 */
class MidStreamFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "stub-model:latest";
    private static final String QUESTION = "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}";
    private static final String NOTICE = "Câu trả lời bị gián đoạn";
    @TempDir
    static Path dataDir;
    static RawOllamaStub ollama;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        ollama = new RawOllamaStub(MODEL);
        // The breaker stays closed through these tests: they are about single failures.
        server = TestServers.startWithOllama(dataDir, ollama.baseUrl(), MODEL,
                s -> s.withStallTimeout(Duration.ofSeconds(2)).withCircuit(50, Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        ollama.close();
    }

    @BeforeEach
    void healthyFirst() {
        ollama.behave(Fault.NONE, 3, Duration.ofMillis(10));
    }

    @Test
    void chatKeepsTheTokensAlreadyReceivedAndAddsTheNotice() throws Exception {
        ollama.behave(Fault.HANG_MID_STREAM, 0, Duration.ofMillis(10)).hangAfter(3);
        long start = System.nanoTime();
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", QUESTION);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        String answer = body.get("answer").asText();
        assertTrue(answer.startsWith(RawOllamaStub.token(0) + RawOllamaStub.token(1) + RawOllamaStub.token(2).strip()),
                answer);
        assertTrue(answer.contains(NOTICE), answer);
        assertEquals("generative", body.get("mode").asText(), r.body());
        // ended by the 2 s stall timeout, not the answer deadline (115 s)
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        awaitNoGenerationOpen();
    }

    @Test
    void streamEndsWithTheTokensAndTheNoticeNotAnError() throws Exception {
        ollama.behave(Fault.HANG_MID_STREAM, 0, Duration.ofMillis(10)).hangAfter(2);
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat/stream", QUESTION);

        assertEquals(200, r.statusCode(), r.body());
        List<SseEvents.Event> events = SseEvents.parse(r.body());
        assertEquals("done", events.getLast().name(), r.body());
        assertFalse(events.stream().anyMatch(e -> e.name().equals("error")), r.body());
        String streamed = events.stream().filter(e -> e.name().equals("token"))
                .map(e -> text(e.data())).collect(Collectors.joining());
        assertTrue(streamed.startsWith(RawOllamaStub.token(0) + RawOllamaStub.token(1).strip()), streamed);
        assertTrue(streamed.contains(NOTICE), "the notice is streamed too: " + streamed);
        String answer = JSON.readTree(events.getLast().data()).get("answer").asText();
        assertTrue(answer.contains(NOTICE), answer);
        awaitNoGenerationOpen();
    }

    @Test
    void healthShowsGenerativeDegradedWhileStreamsFailAndReadyAfterASuccess() throws Exception {
        ollama.behave(Fault.HANG_MID_STREAM, 0, Duration.ofMillis(10)).hangAfter(1);
        assertEquals(200, TestServers.postJson(server, "/api/v1/chat", QUESTION).statusCode());
        HttpResponse<String> degraded = TestServers.get(server, "/observe/health");
        assertTrue(degraded.body().contains("\"ollama\":\"degraded\""), degraded.body());
        assertTrue(degraded.body().contains("stalled"), "says why: " + degraded.body());

        ollama.behave(Fault.NONE, 3, Duration.ofMillis(10));
        HttpResponse<String> ok = TestServers.postJson(server, "/api/v1/chat", QUESTION);
        assertTrue(ok.body().contains("\"mode\":\"generative\""), ok.body());
        HttpResponse<String> ready = TestServers.get(server, "/observe/health");
        assertTrue(ready.body().contains("\"ollama\":\"ready\""), ready.body());
    }

    @Test
    void aModelThatIsNotPulledGetsTheOllamaPullNote() throws Exception {
        ollama.behave(Fault.MODEL_NOT_FOUND, 0, Duration.ZERO);
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", QUESTION);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("extractive", body.get("mode").asText(), r.body());
        assertTrue(body.get("answer").asText().contains("ollama pull " + MODEL), r.body());
        // the next call succeeds, so the other tests see a healthy generative mode
        ollama.behave(Fault.NONE, 3, Duration.ofMillis(10));
        assertTrue(TestServers.postJson(server, "/api/v1/chat", QUESTION).body().contains("\"mode\":\"generative\""));
    }

    private static String text(String tokenData) {
        try {
            return JSON.readTree(tokenData).get("text").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitNoGenerationOpen() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ollama.open() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(0, ollama.open(), "the stalled generation was closed");
    }
}
