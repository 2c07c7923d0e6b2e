package vn.trolyso.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Watches the raw NDJSON lines of one streaming call. LangChain4j 1.18's Ollama client logs and skips a line that
 * is not JSON, and when the connection closes before the {@code "done":true} line it calls neither
 * onCompleteResponse nor onError, so the caller would wait until its deadline and might accept a spliced answer.
 * This watcher reports both cases at once. It is attached through LangChain4j's {@link HttpClientBuilder} seam.
 */
final class StreamWatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The watch of the stream the current thread is starting (LangChain4j calls the HTTP client synchronously). */
    private static final ThreadLocal<StreamWatch> STARTING = new ThreadLocal<>();

    private final Consumer<Throwable> onBroken;
    private volatile boolean done;
    private volatile boolean broken;

    StreamWatch(Consumer<Throwable> onBroken) {
        this.onBroken = onBroken;
    }

    /** Runs {@code start} (which must start the streaming request on this thread) with this watch attached. */
    void attachWhile(Runnable start) {
        STARTING.set(this);
        try {
            start.run();
        } finally {
            STARTING.remove();
        }
    }

    /** An HTTP client builder whose streaming calls are watched. */
    static HttpClientBuilder watchingBuilder() {
        return new WatchingBuilder(HttpClientBuilderLoader.loadHttpClientBuilder());
    }

    private void line(String data) {
        if (data == null || data.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (Exception e) {
            broken(new MalformedStreamException("not JSON: " + abbreviate(data)));
            return;
        }
        if (node == null || !node.isObject()) {
            broken(new MalformedStreamException("not a JSON object: " + abbreviate(data)));
        } else if (node.hasNonNull("error")) {
            broken(new MalformedStreamException("error in stream: " + abbreviate(node.get("error").asText())));
        } else if (node.path("done").asBoolean(false)) {
            done = true;
        }
    }

    private void closed() {
        if (!done) {
            broken(new MalformedStreamException("stream ended before the done line"));
        }
    }

    private void broken(Throwable t) {
        if (!broken) {
            broken = true;
            onBroken.accept(t);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** Ollama's stream was cut off or contained something other than its NDJSON lines. */
    static final class MalformedStreamException extends RuntimeException {
        MalformedStreamException(String message) {
            super(message);
        }
    }

    private record WatchingBuilder(HttpClientBuilder delegate) implements HttpClientBuilder {
        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            delegate.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new WatchingClient(delegate.build());
        }
    }

    private record WatchingClient(HttpClient delegate) implements HttpClient {
        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return delegate.execute(request);
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            StreamWatch watch = STARTING.get();
            delegate.execute(request, parser, watch == null ? listener : new WatchingListener(listener, watch));
        }
    }

    private record WatchingListener(ServerSentEventListener delegate, StreamWatch watch)
            implements ServerSentEventListener {
        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            watch.line(event.data());
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            watch.line(event.data());
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }

        @Override
        public void onClose() {
            watch.closed();
            delegate.onClose();
        }
    }
}
