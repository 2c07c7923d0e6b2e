package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.RawOllamaStub;
import vn.trolyso.server.testing.TestServers;

/**
 * Browsers that close the stream mid-answer, against a raw-socket Ollama that dribbles a long answer and counts the
 * generations still open (one ends when its client disconnects, as Ollama's does): nobody waits for those answers,
 * so none may keep Ollama busy.
 */
class ClientsLeavingTest {
    private static final String MODEL = "stub-model:latest";
    /** A generation left alone would run 30 s (300 tokens, one every 100 ms). */
    private static final int TOKENS = 300;
    @TempDir
    static Path dataDir;
    static RawOllamaStub ollama;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws IOException {
        ollama = new RawOllamaStub(MODEL).behave(RawOllamaStub.Fault.NONE, TOKENS, Duration.ofMillis(100));
        server = TestServers.start(dataDir, c -> c.ollama(ollama.baseUrl(), MODEL));
        TestServers.awaitOllamaReady(server);
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        ollama.close();
    }

    @Test
    void fortyClientsThatLeaveAfterOneSecondLeaveNoGenerationRunning() throws Exception {
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        byte[] question = "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            // A raw connection, as a browser tab's: closing it is what the server sees when the tab is closed.
            clients.add(CompletableFuture.runAsync(() -> {
                try (Socket tab = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    OutputStream out = tab.getOutputStream();
                    out.write(("POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                            + question.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(question);
                    out.flush();
                    tab.getInputStream().read(new byte[256]); // the stream has begun …
                    Thread.sleep(1000);                         // … the person reads a second and closes the tab
                } catch (IOException | InterruptedException ignored) {
                    // closing is the point
                }
            }, r -> Thread.ofVirtual().start(r)));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(ollama.chats() >= 1, "the stub generated at least one answer");

        // Each generation would run 30 s on its own; every one must end soon after its client left, the queued ones
        // included (they get a slot, find their client gone at the first token and stop).
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // issue #14's bound
        while (ollama.open() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(0, ollama.open(), "generations still running at Ollama after their clients left");
        // and the server still answers generatively (now with a short answer)
        ollama.behave(RawOllamaStub.Fault.NONE, 3, Duration.ofMillis(100));
        HttpResponse<String> next = TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Kế hoạch ứng dụng trí tuệ nhân tạo có mục đích gì?\"}");
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("\"mode\":\"generative\""), next.body());
    }
}
