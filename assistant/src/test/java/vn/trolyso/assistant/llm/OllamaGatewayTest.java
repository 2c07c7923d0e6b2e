package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;

class OllamaGatewayTest {
    private static final List<ChatMessage> MESSAGES = List.of(SystemMessage.from("Trả lời ngắn gọn."),
            UserMessage.from("Kế hoạch triển khai khi nào?"));

    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();
    private OllamaGateway gateway;
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void resetStubs() {
        OllamaStubs.tags(ollama, OllamaStubs.MODEL);
        gateway = OllamaGateway.create(OllamaStubs.settings(ollama));
    }

    @Test
    void streamsTokensToTheSinkAndSendsNumCtxWithRetriesOff() throws Exception {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson("Kế hoạch ", "triển khai ", "năm 2025 [1].")));

        String text = gateway.stream(MESSAGES, tokens::add);

        assertEquals("Kế hoạch triển khai năm 2025 [1].", text);
        assertEquals(List.of("Kế hoạch ", "triển khai ", "năm 2025 [1]."), tokens);
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo(OllamaStubs.MODEL)))
                .withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .withRequestBody(matchingJsonPath("$.options.num_ctx", com.github.tomakehurst.wiremock.client.WireMock.equalTo("4096")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", com.github.tomakehurst.wiremock.client.WireMock.equalTo("system"))));
        assertEquals(CircuitBreaker.State.CLOSED, gateway.circuitState());
    }

    @Test
    void modelNotPulledNamesThePullCommand() {
        OllamaStubs.chat(ollama, OllamaStubs.modelNotFound(OllamaStubs.MODEL));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));

        assertEquals(Reason.MODEL_NOT_PULLED, e.reason());
        assertFalse(e.tokensEmitted());
        assertTrue(e.vietnameseMessage().contains("ollama pull " + OllamaStubs.MODEL), e.vietnameseMessage());
        assertEquals(1, ollama.countRequestsMatching(postRequestedFor(urlEqualTo("/api/chat")).build()).getCount(),
                "no retries");
    }

    @Test
    void serverErrorIsNotRetried() {
        OllamaStubs.chat(ollama, aResponse().withStatus(500).withBody("{\"error\":\"llama runner process has terminated\"}"));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));

        assertEquals(Reason.SERVER_ERROR, e.reason());
        assertFalse(e.tokensEmitted());
        assertEquals(1, ollama.countRequestsMatching(postRequestedFor(urlEqualTo("/api/chat")).build()).getCount());
    }

    @Test
    void connectionRefusedOnAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        OllamaGateway dead = OllamaGateway.create(OllamaStubs.settings(ollama).withBaseUrl("http://127.0.0.1:" + closedPort));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> dead.stream(MESSAGES, tokens::add));

        assertEquals(Reason.CONNECTION_REFUSED, e.reason());
        assertFalse(e.tokensEmitted());
        assertFalse(dead.status().reachable());
        assertFalse(dead.available());
    }

    @Test
    void firstTokenThatNeverComes() {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson("Muộn")).withFixedDelay(10_000));
        gateway = OllamaGateway.create(OllamaStubs.settings(ollama)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)));

        long start = System.nanoTime();
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Reason.FIRST_TOKEN_TIMEOUT, e.reason());
        assertFalse(e.tokensEmitted());
        assertTrue(tokens.isEmpty());
        assertTrue(millis < 6000, "gave up after " + millis + " ms");
    }

    @Test
    void overallDeadlineCutsOffASlowStreamAfterTokensWereEmitted() {
        String body = OllamaStubs.ndjson("Một ", "hai ", "ba ", "bốn ", "năm ", "sáu ", "bảy ", "tám ", "chín ", "mười");
        // ~200 ms per 19-byte chunk: the first line arrives after ~1.4 s, the whole body would take 16 s.
        OllamaStubs.chat(ollama, OllamaStubs.streaming(body).withChunkedDribbleDelay(80, 16_000));
        gateway = OllamaGateway.create(OllamaStubs.settings(ollama)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(4)));

        long start = System.nanoTime();
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Reason.DEADLINE_EXCEEDED, e.reason());
        assertTrue(e.tokensEmitted());
        assertFalse(tokens.isEmpty());
        assertTrue(millis < 9000, "gave up after " + millis + " ms");
    }

    @Test
    void streamThatStopsHalfway() {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.chunk("Theo kế hoạch ") + "\n"
                + OllamaStubs.chunk("thời gian ") + "\n"));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));

        assertEquals(Reason.MALFORMED_STREAM, e.reason());
        assertTrue(e.tokensEmitted());
        assertEquals(List.of("Theo kế hoạch ", "thời gian "), tokens);
    }

    @Test
    void malformedLineInTheStream() {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.chunk("Theo kế hoạch ") + "\n"
                + "{\"model\":\"qwen2.5\",\"message\":{\"role\":\"assis\n" + OllamaStubs.ndjson("x")));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));

        assertEquals(Reason.MALFORMED_STREAM, e.reason());
        assertTrue(e.tokensEmitted());
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndStopsCallingOllama() {
        OllamaStubs.chat(ollama, aResponse().withStatus(500));
        for (int i = 0; i < 3; i++) {
            assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));
        }
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.stream(MESSAGES, tokens::add));

        assertEquals(Reason.CIRCUIT_OPEN, e.reason());
        assertFalse(gateway.available());
        assertEquals(3, ollama.countRequestsMatching(postRequestedFor(urlEqualTo("/api/chat")).build()).getCount());
    }

    @Test
    void blockingChatHonoursItsDeadline() {
        OllamaStubs.chat(ollama, OllamaStubs.completeJson("Câu hỏi độc lập").withFixedDelay(3000));

        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> gateway.chat(
                dev.langchain4j.model.chat.request.ChatRequest.builder().messages(MESSAGES).build(),
                Duration.ofMillis(300)));

        assertEquals(Reason.DEADLINE_EXCEEDED, e.reason());
    }
}
