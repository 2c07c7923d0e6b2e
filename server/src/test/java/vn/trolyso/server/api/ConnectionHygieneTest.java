package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ConnectionGuard;
import vn.trolyso.server.testing.TestServers;

/**
 * Raw-socket clients that misbehave: half a header (slowloris), half a request line, a body that stops, a 5 MB body
 * written in full before reading the answer, a client that leaves mid-body. The server closes the stalled ones after
 * its timeouts, answers the too-large one with its 413 JSON, and logs a departed client in one line.
 */
class ConnectionHygieneTest {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static final List<LogRecord> records = new ArrayList<>();
    static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (getFilter() == null || getFilter().isLoggable(r)) {
                synchronized (records) {
                    records.add(r);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        ServerConfig config = TestServers.config(dataDir);
        Database db = Database.open(config.dataDir());
        server = TrolysoServer.start(config, AppServices.builder(config).database(db).closeOnShutdown(db).build(),
                new ConnectionGuard.Settings(HEADER_TIMEOUT, BODY_TIMEOUT, IDLE_TIMEOUT, 100, 8L * 1024 * 1024));
        // Added after the start (Helidon resets the logging configuration), with the server's filter, as the
        // console handler has it.
        Handler console = Logger.getLogger("").getHandlers()[0];
        capture.setFilter(console.getFilter());
        Logger.getLogger("").addHandler(capture);
    }

    @AfterAll
    static void stop() {
        server.stop();
        Logger.getLogger("").removeHandler(capture);
        ConnectionGuard.configure(ConnectionGuard.Settings.defaults());
    }

    @Test
    void halfAHeaderIsClosedAfterTheHeaderTimeout() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Duration closedAfter = awaitClosed(s, Duration.ofSeconds(20));
            assertTrue(closedAfter.compareTo(HEADER_TIMEOUT.minusMillis(200)) >= 0, "closed after " + closedAfter);
        }
    }

    @Test
    void halfARequestLineIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET /api/v1/fra".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            awaitClosed(s, Duration.ofSeconds(20));
        }
    }

    @Test
    void aBodyThatStopsArrivingIsClosedAfterTheBodyTimeout() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100\r\n\r\n{\"message\":").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            awaitClosed(s, Duration.ofSeconds(20));
        }
    }

    @Test
    void aClientStillSendingFiveMegabytesGetsThe413Json() throws Exception {
        int size = 5 * 1024 * 1024;
        try (Socket s = connect()) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int sent = 0; sent < size; sent += block.length) {
                out.write(block, 0, Math.min(block.length, size - sent)); // as urllib does: all of it, then read
            }
            out.flush();
            String response = new String(s.getInputStream().readNBytes(600), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"code\":\"payload_too_large\""), response);
        }
    }

    @Test
    void aClientThatLeavesMidBodyIsLoggedInOneLine() throws Exception {
        synchronized (records) {
            records.clear();
        }
        // one that stops sending (cut by the body timeout) and five that reset the connection mid-body
        try (Socket s = connect()) {
            s.getOutputStream().write(("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            awaitClosed(s, Duration.ofSeconds(20));
        }
        for (int i = 0; i < 5; i++) {
            try (Socket s = connect()) {
                s.getOutputStream().write(("POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 1000\r\n\r\n{\"message\":\"")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                Thread.sleep(100);
                s.setSoLinger(true, 0); // a reset, as a dropped Wi-Fi connection gives
            }
        }
        Thread.sleep(1000);
        synchronized (records) {
            for (LogRecord r : records) {
                assertEquals(null, r.getThrown(), () -> "a stack trace for a departed client: " + r.getLoggerName()
                        + " " + r.getMessage());
            }
            assertTrue(records.size() <= 6, "at most one line per client: " + records.size() + " "
                    + records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        }
    }

    private static Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.port());
    }

    /** How long until the server closed the connection (end of stream or reset); fails after {@code max}. */
    private static Duration awaitClosed(Socket s, Duration max) throws IOException {
        long start = System.nanoTime();
        s.setSoTimeout((int) max.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // a response (e.g. 408) may come first; the point is the close
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + max);
        } catch (IOException reset) {
            // closed with a reset: closed all the same
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
