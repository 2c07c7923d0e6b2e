package vn.trolyso.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One streaming {@code POST /api/chat}, read line by line on its own virtual thread, with a handle from the moment the
 * request is sent: {@link #close()} cancels the exchange or closes the response body, which drops the connection, and
 * Ollama stops generating when its client disconnects.
 *
 * <p>Why not LangChain4j's OllamaStreamingChatModel: its JDK client reads the whole stream synchronously inside
 * {@code execute} on a ForkJoin common-pool worker, so a stream hanging after its headers blocks that worker, the
 * caller gets no handle before the first token, cancelling it does not close the connection, and (1.18.1) a stream
 * cut before its done line is reported to the handler neither as complete nor as an error
 * ({@code BareLangChain4jStreamTest} pins that behaviour). LangChain4j still builds the prompts, memory and tool calls;
 * only this transport is ours.
 */
final class OllamaChatStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 4096;

    /** What the reading thread reports, in order: tokens, then exactly one of Done or Failed. */
    sealed interface Event {
    }

    record Token(String text) implements Event {
    }

    record Done() implements Event {
    }

    record Failed(Throwable error) implements Event {
    }

    private final CompletableFuture<HttpResponse<InputStream>> exchange;
    private volatile InputStream body;
    private volatile boolean closed;

    private OllamaChatStream(CompletableFuture<HttpResponse<InputStream>> exchange) {
        this.exchange = exchange;
    }

    /** An HTTP/1.1 client whose work runs on virtual threads (Ollama speaks neither h2c nor TLS by default). */
    static HttpClient newClient(OllamaSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Sends the request now and starts reading its stream; {@code events} is called on the reading thread. */
    static OllamaChatStream open(HttpClient client, OllamaSettings settings, int maxOutputTokens,
                                 List<ChatMessage> messages, Consumer<Event> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(settings, maxOutputTokens, messages)))
                .build();
        OllamaChatStream stream = new OllamaChatStream(
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
        Thread.ofVirtual().name("ollama-stream").start(() -> stream.read(events));
        return stream;
    }

    private void read(Consumer<Event> events) {
        try {
            HttpResponse<InputStream> response = exchange.join();
            body = response.body();
            if (closed) {
                body.close();
                return;
            }
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                body.close();
                events.accept(new Failed(new HttpException(response.statusCode(), errorOf(text))));
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Event event = parse(line);
                events.accept(event);
                if (!(event instanceof Token)) {
                    body.close();
                    return;
                }
            }
            events.accept(new Failed(new MalformedStreamException("stream ended before the done line")));
        } catch (Throwable t) {
            if (!closed) {
                events.accept(new Failed(t));
            }
        }
    }

    private static Event parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return new Failed(new MalformedStreamException("not JSON: " + abbreviate(line)));
        }
        if (node == null || !node.isObject()) {
            return new Failed(new MalformedStreamException("not a JSON object: " + abbreviate(line)));
        }
        // Not redundant: LangChain4j reports this line only inside its own streaming model, which we do not use;
        // without it the line would pass as an empty token and the error text would be lost.
        if (node.hasNonNull("error")) {
            return new Failed(new MalformedStreamException("error in stream: " + abbreviate(node.get("error").asText())));
        }
        String text = node.path("message").path("content").asText("");
        if (node.path("done").asBoolean(false)) {
            return text.isEmpty() ? new Done() : new Failed(new MalformedStreamException("text on the done line"));
        }
        return new Token(text);
    }

    /** Cancels the exchange (before the headers) or closes the body (after): either way the connection is dropped. */
    @Override
    public void close() {
        closed = true;
        exchange.cancel(true);
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    static String requestBody(OllamaSettings settings, int maxOutputTokens, List<ChatMessage> messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        root.put("stream", true);
        root.put("keep_alive", (int) Math.min(Integer.MAX_VALUE, settings.keepAlive().toSeconds()));
        ArrayNode list = root.putArray("messages");
        for (ChatMessage m : messages) {
            ObjectNode n = list.addObject();
            switch (m) {
                case SystemMessage s -> n.put("role", "system").put("content", s.text());
                case UserMessage u -> n.put("role", "user").put("content", u.hasSingleText() ? u.singleText()
                        : u.contents().stream().filter(TextContent.class::isInstance)
                                .map(c -> ((TextContent) c).text()).collect(Collectors.joining("\n")));
                case AiMessage a -> n.put("role", "assistant").put("content", a.text() == null ? "" : a.text());
                default -> throw new IllegalArgumentException("cannot stream a " + m.type() + " message");
            }
        }
        ObjectNode options = root.putObject("options");
        options.put("temperature", settings.temperature());
        options.put("num_ctx", settings.numCtx());
        options.put("num_predict", maxOutputTokens);
        return root.toString();
    }

    private static String errorOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                return n.get("error").asText();
            }
        } catch (IOException ignored) {
            // not JSON: report the raw text
        }
        return abbreviate(body);
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
}
