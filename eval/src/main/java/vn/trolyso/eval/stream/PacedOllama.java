package vn.trolyso.eval.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake Ollama for benchmarks, on a raw socket with a virtual thread per connection: {@code GET /api/tags} and
 * {@code POST /api/chat} (chunked NDJSON when streaming, one JSON object otherwise) as Ollama sends them, each
 * generation paced at a fixed rate on an absolute schedule, with a switchable fault. It counts the generations still
 * open (one ends when its client disconnects, as Ollama's does) and records when it sent each generation's first
 * token; that token's text names the generation ({@code g17 }) so a client can match its own first token to it.
 */
final class PacedOllama implements AutoCloseable {
    /** What the streamed chats do from now on. */
    enum Fault {
        NONE("normal"),
        HANG_AFTER_HEADERS("hang after headers"),
        HANG_MID_STREAM("hang mid-stream"),
        SLOW_FIRST_TOKEN("slow first token"),
        SERVER_ERROR("HTTP 500"),
        CUT("cut mid-stream"),
        MALFORMED("malformed line"),
        MODEL_NOT_FOUND("model not found");

        final String label;

        Fault(String label) {
            this.label = label;
        }
    }

    private final ServerSocket socket;
    private final String model;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger generations = new AtomicInteger();
    private final Map<Integer, Long> firstTokenSentAt = new ConcurrentHashMap<>();
    private volatile Fault fault = Fault.NONE;
    private volatile int tokens;
    private volatile long tokenIntervalNanos;
    /** For SLOW_FIRST_TOKEN. */
    private volatile Duration slowFirstToken = Duration.ofSeconds(3);
    /** Tokens sent before HANG_MID_STREAM, CUT and MALFORMED strike. */
    private static final int TOKENS_BEFORE_FAULT = 5;

    PacedOllama(String model, int tokens, double tokensPerSecond) throws IOException {
        this.model = model;
        this.tokens = tokens;
        this.tokenIntervalNanos = (long) (1e9 / tokensPerSecond);
        this.socket = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("paced-ollama").start(() -> {
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

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    void fault(Fault f) {
        this.fault = f;
    }

    /** The time one generation takes here: the first token one interval after the headers, then one per interval. */
    Duration floor() {
        return Duration.ofNanos(tokenIntervalNanos * tokens);
    }

    int tokens() {
        return tokens;
    }

    int open() {
        return open.get();
    }

    /** When (System.nanoTime) generation {@code id} sent its first token, or null. */
    Long firstTokenSentAt(int id) {
        return firstTokenSentAt.get(id);
    }

    void forget() {
        firstTokenSentAt.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
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
            if (f == Fault.SERVER_ERROR) {
                respond(out, 500, "{\"error\":\"llama runner process has terminated: signal: killed\"}");
                return;
            }
            if (!body.replace(" ", "").contains("\"stream\":true")) {
                respond(out, 200, "{\"model\":\"" + model + "\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Câu hỏi.\"},\"done\":true,\"done_reason\":\"stop\"}");
                return;
            }
            generate(in, out, f, generations.incrementAndGet());
        } catch (IOException | RuntimeException ignored) {
            // the client left: the generation ends, as Ollama's does
        }
    }

    private void generate(InputStream in, OutputStream out, Fault f, int id) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        open.incrementAndGet();
        try {
            if (f == Fault.HANG_AFTER_HEADERS) {
                waitForDisconnect(in);
                return;
            }
            long start = System.nanoTime() + (f == Fault.SLOW_FIRST_TOKEN ? slowFirstToken.toNanos() : 0);
            int n = tokens;
            for (int i = 0; i < n; i++) {
                if (i == TOKENS_BEFORE_FAULT) {
                    switch (f) {
                        case HANG_MID_STREAM -> {
                            waitForDisconnect(in);
                            return;
                        }
                        case CUT -> {
                            return; // the connection closes without the done line or the last chunk
                        }
                        case MALFORMED -> {
                            chunk(out, "<html>502 Bad Gateway</html>\n");
                            waitForDisconnect(in);
                            return;
                        }
                        default -> {
                        }
                    }
                }
                sleepUntil(start + (i + 1) * tokenIntervalNanos);
                String text = i == 0 ? "g" + id + " " : "từ" + i + " ";
                chunk(out, "{\"model\":\"" + model + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"done\":false}\n");
                if (i == 0) {
                    firstTokenSentAt.put(id, System.nanoTime());
                }
            }
            chunk(out, "{\"model\":\"" + model + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                    + "\"eval_count\":" + n + "}\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } finally {
            open.decrementAndGet();
        }
    }

    /** Sends nothing until the client disconnects (the read then sees the end of the stream or a reset). */
    private static void waitForDisconnect(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // discard
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        String reason = switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            default -> "Internal Server Error";
        };
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** One HTTP chunk in one write (one packet), as a real server's flush per NDJSON line sends it. */
    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] size = (Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[size.length + b.length + 2];
        System.arraycopy(size, 0, all, 0, size.length);
        System.arraycopy(b, 0, all, size.length, b.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        out.write(all);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            int n = b.size();
            if (n >= 4 && c == '\n' && b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
