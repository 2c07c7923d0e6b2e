package vn.trolyso.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ollama's real HTTP API on a raw socket ({@code GET /api/tags}, {@code POST /api/chat} as chunked NDJSON or one JSON
 * object), with the behaviour of the next chats switchable, and a count of the generations still open (one ends when
 * its client disconnects, as Ollama's does). For server tests that need faults WireMock cannot produce, such as a
 * stream that stops halfway and stays open.
 */
public final class RawOllamaStub implements AutoCloseable {
    /** What a streamed chat does. */
    public enum Fault {
        /** The answer, token by token, then the done line. */
        NONE,
        /** {@code hangAfter} tokens, then silence with the connection open (a runner that stopped). */
        HANG_MID_STREAM,
        /** 404 {"error":"model … not found, try pulling it first"}. */
        MODEL_NOT_FOUND
    }

    private final ServerSocket socket;
    private final String model;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger chats = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile int tokens = 3;
    private volatile int hangAfter = 2;
    private volatile Duration tokenDelay = Duration.ofMillis(20);

    public RawOllamaStub(String model) throws IOException {
        this(model, 0);
    }

    /** A stub on {@code port} (0 = any free port), e.g. the port of a stub closed earlier: Ollama coming back. */
    public RawOllamaStub(String model, int port) throws IOException {
        this.model = model;
        this.socket = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-ollama").start(() -> {
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

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Streams {@code count} tokens {@code delay} apart, then this fault. */
    public RawOllamaStub behave(Fault next, int count, Duration delay) {
        this.fault = next;
        this.tokens = count;
        this.tokenDelay = delay;
        return this;
    }

    /** For {@link Fault#HANG_MID_STREAM}: tokens sent before the silence. */
    public RawOllamaStub hangAfter(int count) {
        this.hangAfter = count;
        return this;
    }

    /** Generations whose client is still connected. */
    public int open() {
        return open.get();
    }

    /** Streamed chats received so far. */
    public int chats() {
        return chats.get();
    }

    /** The text of the i-th token (0-based) the stub sends. */
    public static String token(int i) {
        return "phần" + i + " ";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (head.startsWith("GET /api/tags")) {
                respond(out, 200, "{\"models\":[{\"name\":\"" + model + "\",\"model\":\"" + model
                        + "\",\"size\":1,\"details\":{\"format\":\"gguf\"}}]}");
                return;
            }
            Fault f = fault;
            if (f == Fault.MODEL_NOT_FOUND) {
                respond(out, 404, "{\"error\":\"model '" + model + "' not found, try pulling it first\"}");
                return;
            }
            if (!body.replace(" ", "").contains("\"stream\":true")) {
                respond(out, 200, "{\"model\":\"" + model + "\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Mục đích của kế hoạch.\"},\"done\":true,\"done_reason\":\"stop\"}");
                return;
            }
            chats.incrementAndGet();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            open.incrementAndGet();
            try {
                int n = f == Fault.HANG_MID_STREAM ? hangAfter : tokens;
                for (int i = 0; i < n; i++) {
                    chunk(out, "{\"model\":\"" + model + "\",\"message\":{\"role\":\"assistant\",\"content\":\""
                            + token(i) + "\"},\"done\":false}\n");
                    Thread.sleep(tokenDelay);
                }
                if (f == Fault.HANG_MID_STREAM) {
                    // Silent until the client disconnects: the read sees the end of the connection.
                    while (in.read() >= 0) {
                        // nothing is sent; discard whatever arrives
                    }
                    return;
                }
                chunk(out, "{\"model\":\"" + model + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
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

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
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
