package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.RawOllamaStub;
import vn.trolyso.server.testing.RawOllamaStub.Fault;
import vn.trolyso.server.testing.TestServers;

/**
 * OLLAMA_WHEN_BUSY=reject: with the one generation slot taken and no queue, a question is refused with 503 busy and
 * Retry-After on both chat routes (the default, fallback, answers it in the no-LLM mode: OllamaStreamCancelTest).
 */
class BusyPolicyTest {
    private static final String MODEL = "stub-model:latest";
    private static final String QUESTION = "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}";
    @TempDir
    static Path dataDir;
    static RawOllamaStub ollama;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        ollama = new RawOllamaStub(MODEL);
        server = TestServers.startWithOllama(dataDir, ollama.baseUrl(), MODEL,
                s -> s.withConcurrency(1, 0).withWhenBusy(OllamaSettings.WhenBusy.REJECT));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        ollama.close();
    }

    @Test
    void beyondTheQueueBothRoutesAnswer503BusyWithRetryAfter() throws Exception {
        // One long answer holds the only slot (40 tokens, 100 ms apart).
        ollama.behave(Fault.NONE, 40, Duration.ofMillis(100));
        CompletableFuture<HttpResponse<String>> holder = CompletableFuture.supplyAsync(
                () -> TestServers.postJson(server, "/api/v1/chat", QUESTION));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ollama.open() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, ollama.open(), "the first answer holds the slot");

        HttpResponse<String> chat = TestServers.postJson(server, "/api/v1/chat", QUESTION);
        assertEquals(503, chat.statusCode(), chat.body());
        assertTrue(chat.body().contains("\"code\":\"busy\""), chat.body());
        assertTrue(chat.headers().firstValue("Retry-After").isPresent(), chat.headers().toString());

        HttpResponse<String> stream = TestServers.postJson(server, "/api/v1/chat/stream", QUESTION);
        assertEquals(503, stream.statusCode(), stream.body());
        assertTrue(stream.body().contains("\"code\":\"busy\""), stream.body());
        assertEquals("10", stream.headers().firstValue("Retry-After").orElse(""), stream.headers().toString());
        assertEquals(1, ollama.chats(), "the refused questions never reached Ollama");

        HttpResponse<String> first = holder.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"mode\":\"generative\""), first.body());
    }
}
