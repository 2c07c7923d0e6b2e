package vn.trolyso.server.http;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns Helidon's log records about a client connection that ended (reset, broken pipe, closed channel, a read timed
 * out) into one line without a stack trace: a school's network drops connections all the time, and 300 of them must
 * not bury the log in 17-line traces. Installed on the root handlers, so it sees the records of every Helidon logger.
 */
public final class DisconnectLogFilter implements Filter {
    private final Filter next;

    private DisconnectLogFilter(Filter next) {
        this.next = next;
    }

    /** Adds the filter to every root handler (once). */
    public static synchronized void install() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (!(h.getFilter() instanceof DisconnectLogFilter)) {
                h.setFilter(new DisconnectLogFilter(h.getFilter()));
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord r) {
        if (r.getThrown() != null && r.getLoggerName() != null && r.getLoggerName().startsWith("io.helidon")
                && clientGone(r.getThrown())) {
            Throwable root = r.getThrown();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            r.setThrown(null);
            r.setParameters(null);
            r.setLevel(Level.INFO);
            r.setMessage("Client connection ended: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")"));
        }
        return next == null || next.isLoggable(r);
    }

    public static boolean clientGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClosedChannelException
                    || c instanceof java.net.SocketException || c instanceof java.io.InterruptedIOException) {
                return true;
            }
            if (c instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe") || io.getMessage().contains("reset"))) {
                return true;
            }
        }
        return false;
    }
}
