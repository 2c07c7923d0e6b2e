package vn.trolyso.assistant.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;

/**
 * Maps whatever LangChain4j and the JDK HTTP client throw into a {@link Reason}. LangChain4j surfaces the same
 * failure differently in the blocking and streaming paths (e.g. connection refused is a RuntimeException wrapping
 * ConnectException, or a CompletionException wrapping it), so the whole cause chain is inspected.
 */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static Reason reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelNotFoundException || modelMissingMessage(t)
                    || (t instanceof HttpException http && http.statusCode() == 404)) {
                return Reason.MODEL_NOT_PULLED;
            }
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return Reason.CONNECTION_REFUSED;
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return Reason.FIRST_TOKEN_TIMEOUT;
            }
            if (t instanceof InternalServerException || t instanceof HttpException) {
                return Reason.SERVER_ERROR;
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException
                    || t instanceof OllamaChatStream.MalformedStreamException) {
                return Reason.MALFORMED_STREAM;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                // The connection was established but broke off while reading the stream.
                return Reason.MALFORMED_STREAM;
            }
        }
        return Reason.SERVER_ERROR;
    }

    /** A short English description of the innermost cause, for logs. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + msg;
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * What went wrong, in plain words for an operator reading health (never an exception's class name such as
     * ClosedChannelException): what happened and, where it helps, what to check.
     */
    static String plainWords(Reason reason, Throwable cause, String model) {
        return switch (reason) {
            case CONNECTION_REFUSED -> connectWords(cause);
            case MODEL_NOT_PULLED -> "the model " + model + " is not pulled on this server (run: ollama pull " + model
                    + ")";
            case SERVER_ERROR -> httpWords(cause);
            case FIRST_TOKEN_TIMEOUT -> "no first word of the answer in time (model loading, or the GPU overloaded)";
            case DEADLINE_EXCEEDED -> "the answer took longer than the deadline";
            case STALLED -> "the answer stopped halfway: no word for the stall timeout";
            case MALFORMED_STREAM -> cause instanceof OllamaChatStream.MalformedStreamException m
                    ? "it sent something that is not an Ollama answer (" + m.getMessage() + ")"
                    : "the connection broke off in the middle of the answer";
            case CIRCUIT_OPEN -> "paused after repeated failures; retried after the cool-down";
            case BUSY -> "every generation slot was taken";
            case NOT_CONFIGURED -> "the generative mode is disabled";
        };
    }

    private static String connectWords(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host name: check the address";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no answer when connecting: the machine is off, unreachable or behind a firewall";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the machine: check the network";
            }
        }
        return "connection refused: nothing listens at this address (is Ollama running?)";
    }

    private static String httpWords(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                String message = http.getMessage() == null ? "" : http.getMessage().strip();
                message = message.length() > 200 ? message.substring(0, 200) + "…" : message;
                return "Ollama answered HTTP " + http.statusCode() + (message.isEmpty() ? "" : ": " + message);
            }
        }
        return "Ollama reported an error";
    }

    private static boolean modelMissingMessage(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(Locale.ROOT);
        return lower.contains("not found") && lower.contains("model") && lower.contains("pull");
    }
}
