package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import vn.trolyso.assistant.TokenSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;

/**
 * Streams that hang after their headers, against a raw-socket Ollama stub that counts the generations still open
 * (a generation ends when its client disconnects, as Ollama's does): they neither block healthy streams nor stay open.
 */
class OllamaStreamCancelTest {
    private static final List<ChatMessage> MESSAGES = List.of(UserMessage.from("Kế hoạch triển khai khi nào?"));

    private ServerSocket socket;
    private final AtomicInteger hangsLeft = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopStub() throws IOException {
        socket.close();
    }

    @Test
    void hungStreamsFallBackAtTheFirstTokenTimeoutAndNeitherBlockOthersNorStayOpen() throws Exception {
        OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults().withModel(OllamaStubs.MODEL)
                .withBaseUrl("http://127.0.0.1:" + socket.getLocalPort())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(20))
                .withCircuit(20, Duration.ofSeconds(30))
                .withConcurrency(12, 0), // an Ollama that runs 12 at once: the hung ones take 6 of them
                new CircuitBreaker(20, Duration.ofSeconds(30), java.time.Clock.systemUTC()),
                new OllamaProbe(OllamaSettings.defaults()));
        hangsLeft.set(6);
        List<CompletableFuture<Reason>> hung = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hung.add(CompletableFuture.supplyAsync(() -> {
                try {
                    gateway.stream(MESSAGES, t -> { });
                    return null;
                } catch (LlmUnavailableException e) {
                    return e.reason();
                }
            }, r -> Thread.ofVirtual().start(r)));
        }
        await(() -> open.get() == 6, Duration.ofSeconds(10), "six hung generations");

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            String text = gateway.stream(MESSAGES, t -> { });
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("Kế hoạch năm 2025.", text);
            assertTrue(millis < 3000, "healthy stream took " + millis + " ms");
        }
        for (CompletableFuture<Reason> f : hung) {
            assertEquals(Reason.FIRST_TOKEN_TIMEOUT, f.get(15, TimeUnit.SECONDS));
        }
        await(() -> open.get() == 0, Duration.ofSeconds(3), "hung generations closed, " + open.get() + " open");
        assertFalse(open.get() > 0);
    }

    @Test
    void beyondTheSlotsAndTheQueueARequestIsRefusedAtOnceWithoutReachingOllama() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), java.time.Clock.systemUTC());
        OllamaGateway gateway = new OllamaGateway(OllamaSettings.defaults().withModel(OllamaStubs.MODEL)
                .withBaseUrl("http://127.0.0.1:" + socket.getLocalPort())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(20))
                .withConcurrency(1, 1),
                breaker, new OllamaProbe(OllamaSettings.defaults()));
        hangsLeft.set(1);
        CompletableFuture<Reason> holder = CompletableFuture.supplyAsync(() -> reasonOf(gateway, t -> { }),
                r -> Thread.ofVirtual().start(r));
        await(() -> open.get() == 1, Duration.ofSeconds(10), "the hung generation holding the only slot");

        AtomicInteger toldAhead = new AtomicInteger(-1);
        CompletableFuture<Reason> queued = CompletableFuture.supplyAsync(() -> reasonOf(gateway, new TokenSink() {
            @Override
            public void onToken(String text) {
            }

            @Override
            public void onQueued(int ahead) {
                toldAhead.set(ahead);
            }
        }), r -> Thread.ofVirtual().start(r));
        await(() -> gateway.waiting() == 1, Duration.ofSeconds(5), "one request in the queue");
        assertEquals(1, toldAhead.get());

        long start = System.nanoTime();
        LlmUnavailableException refused = assertThrows(LlmUnavailableException.class,
                () -> gateway.stream(MESSAGES, t -> { }));
        assertEquals(Reason.BUSY, refused.reason());
        assertFalse(refused.tokensEmitted());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "refused at once, not after a wait");
        assertEquals(1, open.get(), "the refused request never reached Ollama");

        assertEquals(Reason.FIRST_TOKEN_TIMEOUT, holder.get(15, TimeUnit.SECONDS));
        // the queued request got the freed slot and its answer
        assertEquals(null, queued.get(15, TimeUnit.SECONDS));
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "being busy is not an Ollama failure");
    }

    private static Reason reasonOf(OllamaGateway gateway, TokenSink sink) {
        try {
            gateway.stream(MESSAGES, sink);
            return null;
        } catch (LlmUnavailableException e) {
            return e.reason();
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            in.readNBytes(length);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            open.incrementAndGet();
            try {
                if (hangsLeft.getAndDecrement() > 0) {
                    while (in.read() >= 0) {
                        // hang: a generation that never yields a token, until the client disconnects
                    }
                    return;
                }
                chunk(out, OllamaStubs.chunk("Kế hoạch ") + "\n");
                chunk(out, OllamaStubs.chunk("năm 2025.") + "\n");
                chunk(out, OllamaStubs.ndjson().strip() + "\n");
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } finally {
                open.decrementAndGet();
            }
        } catch (IOException ignored) {
            // the client left
        }
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
            String s = b.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void await(java.util.function.BooleanSupplier done, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
