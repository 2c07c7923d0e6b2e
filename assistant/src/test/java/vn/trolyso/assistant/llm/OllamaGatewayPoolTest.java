package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;

/** The gateway over two WireMock Ollamas (and a closed port): retries elsewhere, rotation and per-server health. */
class OllamaGatewayPoolTest {
    private static final List<ChatMessage> MESSAGES = List.of(UserMessage.from("Kế hoạch triển khai khi nào?"));

    @RegisterExtension
    static final OllamaStubServer gpu1 = OllamaStubServer.warmedUp();
    @RegisterExtension
    static final OllamaStubServer gpu2 = OllamaStubServer.warmedUp();

    @BeforeEach
    void bothServeTheModel() {
        OllamaStubs.tags(gpu1, OllamaStubs.MODEL);
        OllamaStubs.tags(gpu2, OllamaStubs.MODEL);
    }

    private static OllamaGateway gateway(String... urls) {
        OllamaSettings settings = OllamaStubs.settings(gpu1);
        return new OllamaGateway(settings, OllamaPoolSettings.of(
                String.join(",", urls), OllamaPoolSettings.DEFAULT_PROBE_INTERVAL, settings), Clock.systemUTC());
    }

    private static String closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void anHttpErrorBeforeTheFirstWordIsRetriedOnTheOtherServerAndNamedInPlainWords() throws Exception {
        OllamaStubs.chat(gpu1, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"CUDA error: out of memory\"}"));
        OllamaStubs.chat(gpu2, OllamaStubs.streaming(OllamaStubs.ndjson("Năm ", "2025.")));
        OllamaGateway gateway = gateway(gpu1.baseUrl() + "=1", gpu2.baseUrl() + "=1");

        assertEquals("Năm 2025.", gateway.stream(MESSAGES, t -> { }));

        gpu1.verify(1, postRequestedFor(urlEqualTo("/api/chat"))); // tried first: tie, listed first
        gpu2.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
        GenerativeHealth health = gateway.health();
        GenerativeHealth.Backend failing = health.backends().get(0);
        assertEquals("Ollama answered HTTP 500: CUDA error: out of memory", failing.lastError().replaceAll(" \\(\\d+ s ago\\)$", ""));
        assertTrue(failing.up(), "one failure is below the breaker's threshold");
        assertEquals("degraded", failing.state());
        assertEquals("degraded", health.state(), health.detail());
        assertEquals(0, gateway.inFlight());
    }

    @Test
    void aServerThatRefusesConnectionsIsOutOfRotationAndTheOtherAnswers() throws Exception {
        OllamaStubs.chat(gpu2, OllamaStubs.streaming(OllamaStubs.ndjson("Có.")));
        OllamaGateway gateway = gateway(closedPort() + "=4", gpu2.baseUrl() + "=1");

        assertTrue(gateway.available());
        gateway.checkAvailable();
        for (int i = 0; i < 3; i++) {
            assertEquals("Có.", gateway.stream(MESSAGES, t -> { }));
        }
        gpu2.verify(3, postRequestedFor(urlEqualTo("/api/chat")));
        GenerativeHealth health = gateway.health();
        GenerativeHealth.Backend dead = health.backends().get(0);
        assertFalse(dead.up());
        assertEquals("unreachable", dead.state());
        assertTrue(dead.lastError().startsWith("connection refused"), dead.lastError());
        assertEquals(4, dead.capacity());
        assertTrue(health.backends().get(1).up());
        assertEquals("degraded", health.state());
        assertTrue(health.detail().contains("1 of 2"), health.detail());
    }

    @Test
    void withNoServerInRotationGenerationIsUnavailable() throws Exception {
        OllamaGateway gateway = gateway(closedPort(), closedPort());
        assertFalse(gateway.available());
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, gateway::checkAvailable);
        assertEquals(Reason.CONNECTION_REFUSED, e.reason());
        assertEquals("unreachable", gateway.health().state());
    }

    @Test
    void oneServerIsThePoolOfOne() {
        OllamaGateway gateway = OllamaGateway.create(OllamaStubs.settings(gpu1));
        GenerativeHealth health = gateway.health();
        assertEquals("ready", health.state());
        assertEquals(1, health.backends().size());
        assertEquals(gpu1.baseUrl(), health.backends().get(0).url());
        assertEquals(OllamaSettings.DEFAULT_NUM_PARALLEL, health.backends().get(0).capacity());
    }
}
