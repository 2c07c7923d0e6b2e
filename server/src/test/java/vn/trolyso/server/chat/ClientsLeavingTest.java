package vn.trolyso.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Browsers that close the stream mid-answer, against a raw-socket Ollama that dribbles a long answer and counts the
 * generations still open (one ends when its client disconnects, as Ollama's does): nobody waits for those answers,
 * so none may keep Ollama busy.
 */
class ClientsLeavingTest {
    private static final String MODEL = "stub-model:latest";
    /** A generation left alone would run this long (300 tokens, one every 100 ms). */
    private static final int TOKENS = 300;
    @TempDir
    static Path dataDir;
    static ServerSocket ollama;
    static final AtomicInteger open = new AtomicInteger();
    static final AtomicInteger started = new AtomicInteger();
    /** Tokens of each answer the stub generates from now on. */
    static volatile int answerTokens = TOKENS;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws IOException {
        ollama = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!ollama.isClosed()) {
                try {
                    Socket s = ollama.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        server = TestServers.start(dataDir, c -> c.withOllama(URI.create("http://127.0.0.1:" + ollama.getLocalPort()),
                MODEL));
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
        assertTrue(started.get() >= 1, "the stub generated at least one answer");

        // Each generation would run 30 s on its own; every one must end soon after its client left, the queued ones
        // included (they get a slot, find their client gone at the first token and stop).
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // issue #14's bound
        while (open.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(0, open.get(), "generations still running at Ollama after their clients left");
        // and the server still answers generatively (now with a short answer)
        answerTokens = 3;
        HttpResponse<String> next = TestServers.postJson(server, "/api/v1/chat",
                "{\"message\":\"Kế hoạch ứng dụng trí tuệ nhân tạo có mục đích gì?\"}");
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("\"mode\":\"generative\""), next.body());
    }

    private static void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (head.startsWith("GET /api/tags")) {
                respond(out, "application/json", "{\"models\":[{\"name\":\"" + MODEL + "\",\"model\":\"" + MODEL
                        + "\",\"size\":1,\"details\":{\"format\":\"gguf\"}}]}");
                return;
            }
            if (!body.replace(" ", "").contains("\"stream\":true")) {
                respond(out, "application/json", "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Mục đích của kế hoạch.\"},\"done\":true,\"done_reason\":\"stop\"}");
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            started.incrementAndGet();
            open.incrementAndGet();
            try {
                for (int i = 0, n = answerTokens; i < n; i++) {
                    chunk(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"năng lực "
                            + "\"},\"done\":false}\n");
                    Thread.sleep(100);
                }
                chunk(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"done\":true,\"done_reason\":\"stop\"}\n");
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } finally {
                open.decrementAndGet();
            }
        } catch (IOException | InterruptedException ignored) {
            // the client left: the generation ends, as Ollama's does
        }
    }

    private static void respond(OutputStream out, String type, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.size() >= 4 && b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
