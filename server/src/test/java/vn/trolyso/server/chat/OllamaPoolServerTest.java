package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.RawOllamaStub;
import vn.trolyso.server.testing.RawOllamaStub.Fault;
import vn.trolyso.server.testing.TestServers;

/**
 * The Ollama pool through a running server, against two raw-socket stubs speaking Ollama's API
 * (OLLAMA_BASE_URLS=gpu1=2,gpu2=2, OLLAMA_PROBE_INTERVAL=2s, OLLAMA_MAX_QUEUE=1, OLLAMA_WHEN_BUSY=reject): answers
 * spread by in-flight count; the queue full gives 503 busy + Retry-After; one server down takes all traffic to the
 * other within a probe interval and health names the dead one in plain words; it comes back when it answers; a
 * question sent to a server that just died is answered by the other; both down gives no-LLM answers. In order: each test leaves the stubs as the next expects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OllamaPoolServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "stub-model:latest";
    private static final String QUESTION = "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}";
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    /** Time for the background probe itself and a loaded build machine, beyond the probe interval. */
    private static final Duration MARGIN = Duration.ofSeconds(3);
    @TempDir
    static Path dataDir;
    static RawOllamaStub gpu1;
    static RawOllamaStub gpu2;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        gpu1 = new RawOllamaStub(MODEL);
        gpu2 = new RawOllamaStub(MODEL);
        server = TestServers.startWithOllamaPool(dataDir, gpu1.baseUrl(), MODEL,
                Map.of("OLLAMA_BASE_URLS", gpu1.baseUrl() + "=2," + gpu2.baseUrl() + "=2",
                        "OLLAMA_PROBE_INTERVAL", PROBE_INTERVAL.toSeconds() + "s"),
                s -> s.withConcurrency(2, 1).withWhenBusy(OllamaSettings.WhenBusy.REJECT)
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(90)));
        await(Duration.ofSeconds(60), "both servers up", () -> backends().stream().allMatch(b -> b.get("up")
                .asBoolean()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        gpu1.close();
        gpu2.close();
    }

    @Test
    @Order(1)
    void answersAreSpreadByInFlightCountAndHealthShowsEachServer() throws Exception {
        gpu1.behave(Fault.NONE, 60, Duration.ofMillis(100));
        gpu2.behave(Fault.NONE, 60, Duration.ofMillis(100));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(chatAsync());
        }
        await(Duration.ofSeconds(30), "two generations on each server",
                () -> gpu1.open() == 2 && gpu2.open() == 2);

        List<JsonNode> servers = backends();
        assertEquals(2, servers.size(), servers.toString());
        for (int i = 0; i < 2; i++) {
            JsonNode b = servers.get(i);
            assertEquals((i == 0 ? gpu1 : gpu2).baseUrl().toString(), b.get("url").asText());
            assertEquals(2, b.get("in_flight").asInt(), b.toString());
            assertEquals(2, b.get("capacity").asInt(), b.toString());
            assertTrue(b.get("up").asBoolean(), b.toString());
            assertEquals("", b.get("last_error").asText(), b.toString());
        }
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            assertGenerative(a.get(60, TimeUnit.SECONDS));
        }
        assertEquals(2, gpu1.chats());
        assertEquals(2, gpu2.chats());
    }

    @Test
    @Order(2)
    void beyondTheSlotsOfBothServersAndTheQueueAQuestionGets503BusyWithRetryAfter() throws Exception {
        gpu1.behave(Fault.NONE, 60, Duration.ofMillis(100));
        gpu2.behave(Fault.NONE, 60, Duration.ofMillis(100));
        int before = gpu1.chats() + gpu2.chats();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(chatAsync());
        }
        await(Duration.ofSeconds(30), "all four slots taken", () -> gpu1.open() == 2 && gpu2.open() == 2);
        answers.add(chatAsync());
        await(Duration.ofSeconds(10), "one question queued",
                () -> server.services().ollamaGateway().waiting() == 1);

        HttpResponse<String> refused = TestServers.postJson(server, "/api/v1/chat", QUESTION);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("busy", JSON.readTree(refused.body()).at("/error/code").asText(), refused.body());
        assertEquals("10", refused.headers().firstValue("Retry-After").orElse(""), refused.headers().toString());

        for (CompletableFuture<HttpResponse<String>> a : answers) {
            assertGenerative(a.get(60, TimeUnit.SECONDS)); // the queued one too, once a slot was free
        }
        assertEquals(before + 5, gpu1.chats() + gpu2.chats(), "the refused question never reached Ollama");
    }

    @Test
    @Order(3)
    void oneServerDownSendsAllTrafficToTheOtherWithinAProbeIntervalUntilItAnswersAgain() throws Exception {
        gpu2.behave(Fault.NONE, 3, Duration.ofMillis(10));
        int port = gpu1.baseUrl().getPort();
        gpu1.close();
        long closedAt = System.nanoTime();
        await(PROBE_INTERVAL.plus(MARGIN), "gpu1 out of rotation", () -> !backends().get(0).get("up").asBoolean());
        long tookMillis = (System.nanoTime() - closedAt) / 1_000_000;
        JsonNode down = backends().get(0);
        assertTrue(down.get("last_error").asText().startsWith("connection refused"), down.toString());
        assertFalse(down.get("last_error").asText().contains("Exception"), down.toString());
        assertEquals("degraded", readiness().get("ollama").asText());
        assertEquals("generative", readiness().get("mode").asText());
        assertTrue(tookMillis <= PROBE_INTERVAL.plus(MARGIN).toMillis(), tookMillis + " ms");

        int before = gpu2.chats();
        for (int i = 0; i < 4; i++) {
            assertGenerative(TestServers.postJson(server, "/api/v1/chat", QUESTION));
        }
        assertEquals(before + 4, gpu2.chats(), "every answer came from gpu2");

        gpu1 = new RawOllamaStub(MODEL, port); // Ollama restarted on the same address
        await(PROBE_INTERVAL.plus(MARGIN), "gpu1 back in rotation", () -> backends().get(0).get("up").asBoolean());
        gpu1.behave(Fault.NONE, 60, Duration.ofMillis(100));
        gpu2.behave(Fault.NONE, 60, Duration.ofMillis(100));
        CompletableFuture<HttpResponse<String>> a = chatAsync();
        CompletableFuture<HttpResponse<String>> b = chatAsync();
        await(Duration.ofSeconds(30), "one generation on each server", () -> gpu1.open() == 1 && gpu2.open() == 1);
        assertGenerative(a.get(60, TimeUnit.SECONDS));
        assertGenerative(b.get(60, TimeUnit.SECONDS));
        assertEquals("ready", readiness().get("ollama").asText());

        // Down again, and a question comes before any probe noticed: it goes to gpu1 (idle, listed first), is refused
        // at connect, and is answered by gpu2 instead; the refusal takes gpu1 out of rotation at once.
        gpu1.behave(Fault.NONE, 3, Duration.ofMillis(10));
        gpu2.behave(Fault.NONE, 3, Duration.ofMillis(10));
        assertTrue(backends().get(0).get("up").asBoolean());
        gpu1.close();
        int fromGpu2 = gpu2.chats();
        assertGenerative(TestServers.postJson(server, "/api/v1/chat", QUESTION));
        assertEquals(fromGpu2 + 1, gpu2.chats());
        await(Duration.ofSeconds(2), "gpu1 out of rotation after the refusal",
                () -> !backends().get(0).get("up").asBoolean());
    }

    @Test
    @Order(4)
    void bothServersDownGiveNoLlmAnswers() throws Exception {
        gpu2.close(); // gpu1 is already down
        await(PROBE_INTERVAL.plus(MARGIN), "both servers out of rotation",
                () -> backends().stream().noneMatch(b -> b.get("up").asBoolean()));
        JsonNode health = readiness();
        assertEquals("unreachable", health.get("ollama").asText(), health.toString());
        assertEquals("no-llm", health.get("mode").asText(), health.toString());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat", QUESTION);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertNotEquals("generative", body.get("mode").asText(), r.body());
            assertEquals("extractive", body.get("mode").asText(), r.body());
        }
    }

    private static CompletableFuture<HttpResponse<String>> chatAsync() {
        return CompletableFuture.supplyAsync(() -> TestServers.postJson(server, "/api/v1/chat", QUESTION),
                r -> Thread.ofVirtual().start(r));
    }

    private static void assertGenerative(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("generative", JSON.readTree(r.body()).get("mode").asText(), r.body());
    }

    /** The readiness check's details (/observe/health). */
    private static JsonNode readiness() {
        try {
            JsonNode health = JSON.readTree(TestServers.get(server, "/observe/health").body());
            for (JsonNode check : health.get("checks")) {
                if (check.get("name").asText().equals("knowledge")) {
                    return check.get("data");
                }
            }
            throw new AssertionError("no knowledge check in " + health);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> backends() {
        List<JsonNode> out = new ArrayList<>();
        readiness().get("ollama_backends").forEach(out::add);
        return out;
    }

    private static void await(Duration timeout, String what, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; health "
                        + readiness());
            }
            Thread.sleep(50);
        }
    }
}
