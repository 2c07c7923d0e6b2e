package vn.trolyso.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts for client connections, which Helidon 4.5 does not enforce itself: its connections are NIO channels
 * (the socket read timeout is never applied to them) and its idle-connection check only interrupts a connection that
 * is still reading a request line. A connection that sends half its headers (slowloris), or a body that stops
 * arriving, would otherwise hold a connection and a thread for ever.
 *
 * <p>Both timeouts interrupt the virtual thread that reads: a thread blocked on an NIO channel that is interrupted
 * closes the channel, so the connection ends (no response can be sent to a client that stopped sending anyway).
 * The header timeout runs from the request line to the end of the headers ({@link #headerListener()}); the body timeout
 * bounds each read of a request body ({@link #guard(InputStream)}).
 */
public final class ConnectionGuard {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-timeouts");
        t.setDaemon(true);
        return t;
    });
    /** Process-wide, set by the server at start (one server per process in production). */
    private static volatile Settings settings = Settings.defaults();

    /**
     * @param headerTimeout   from the request line to the end of the headers
     * @param bodyReadTimeout the longest wait for the next bytes of a request body
     * @param idleTimeout     Helidon's idle-connection timeout: a kept-alive or new connection that sends no request
     *                        line for this long is closed
     * @param maxConnections  connections open at once (Helidon's max-tcp-connections); more wait in the accept queue
     * @param drainBytes      a body refused as too large is read and discarded up to this size before the 413 is
     *                        sent, so a client still sending gets the 413 instead of a connection reset
     */
    public record Settings(Duration headerTimeout, Duration bodyReadTimeout, Duration idleTimeout, int maxConnections,
                           long drainBytes) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 2000,
                    32L * 1024 * 1024);
        }
    }

    private ConnectionGuard() {
    }

    public static void configure(Settings s) {
        settings = s;
    }

    public static Settings settings() {
        return settings;
    }

    /** Arms the header timeout when a request line has been read; disarms it once the headers are in. */
    public static Http1ConnectionListener headerListener() {
        ThreadLocal<Armed> current = new ThreadLocal<>();
        return new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                Armed previous = current.get();
                if (previous != null) {
                    previous.disarm(); // the previous request's headers failed to parse: its timer must not fire now
                }
                current.set(Armed.now(settings.headerTimeout()));
            }

            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                Armed armed = current.get();
                current.remove();
                if (armed != null) {
                    armed.disarm();
                }
            }
        };
    }

    /** {@code in} with each read bounded by the body read timeout. */
    public static InputStream guard(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                Armed armed = Armed.now(settings.bodyReadTimeout());
                try {
                    return super.read();
                } finally {
                    armed.disarmOrThrow();
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Armed armed = Armed.now(settings.bodyReadTimeout());
                try {
                    return super.read(b, off, len);
                } finally {
                    armed.disarmOrThrow();
                }
            }
        };
    }

    /**
     * Reads and discards what is left of a body refused as too large, when it is declared no larger than the drain
     * bound, so that the 413 reaches a client that writes its whole body before reading (as nginx's lingering close
     * does); a larger one is not read (that client may see the connection reset).
     */
    public static void drain(InputStream body, long declaredLength) {
        if (declaredLength > settings.drainBytes()) {
            return;
        }
        try (InputStream in = guard(body)) {
            in.skipNBytes(Math.max(0, declaredLength));
        } catch (IOException | RuntimeException ignored) {
            // the client stopped sending or left: nothing more to do for it
        }
    }

    /** One armed timeout: interrupts the reading thread unless disarmed first. */
    private static final class Armed implements Runnable {
        private final Thread reader = Thread.currentThread();
        private ScheduledFuture<?> task;
        private boolean done;
        private boolean fired;

        static Armed now(Duration timeout) {
            Armed a = new Armed();
            a.task = TIMER.schedule(a, timeout.toNanos(), TimeUnit.NANOSECONDS);
            return a;
        }

        @Override
        public synchronized void run() {
            if (!done) {
                fired = true;
                reader.interrupt();
            }
        }

        synchronized void disarm() {
            done = true;
            task.cancel(false);
            if (fired) {
                Thread.interrupted(); // fired just after the read returned: not a timeout
            }
        }

        void disarmOrThrow() throws InterruptedIOException {
            boolean timedOut;
            synchronized (this) {
                timedOut = fired;
            }
            disarm();
            if (timedOut) {
                throw new InterruptedIOException("request body read timed out");
            }
        }
    }
}
