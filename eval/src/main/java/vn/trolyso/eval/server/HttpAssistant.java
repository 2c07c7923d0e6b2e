package vn.trolyso.eval.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;

/**
 * The assistant asked as a school portal asks it: a real server on a data directory of its own (extra documents
 * dropped into its inbox beside the bundled corpus), every question sent as {@code POST /api/v1/chat}, a
 * conversation continued with the {@code conversationId} the server returned. No Ollama: the server answers in the
 * no-LLM mode (its Ollama address points at a closed port, whatever the environment says).
 */
public final class HttpAssistant implements Assistant, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final TrolysoServer.Running server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI chat;

    private HttpAssistant(Path dataDir, TrolysoServer.Running server) {
        this.dataDir = dataDir;
        this.server = server;
        this.chat = URI.create(server.baseUrl() + "/api/v1/chat");
    }

    /**
     * Starts the server and waits until its index holds {@code documents} documents (the inbox ingested).
     *
     * @param inbox file name (without ".txt") → text of the documents to drop into the inbox
     */
    public static HttpAssistant start(Map<String, String> inbox, int documents) {
        Path dir = ScratchDirs.create("trolyso-eval-http");
        try {
            Path inboxDir = Files.createDirectories(dir.resolve("inbox"));
            for (Map.Entry<String, String> doc : inbox.entrySet()) {
                Files.writeString(inboxDir.resolve(doc.getKey() + ".txt"), doc.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = localConfig(dir, Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:9"));
        HttpAssistant assistant = new HttpAssistant(dir, TrolysoServer.start(config));
        assistant.awaitDocuments(Math.max(1, documents));
        return assistant;
    }

    /**
     * A server on 127.0.0.1 and a free port over {@code dataDir}, without request limits (the benchmarks and the
     * question sets send far more than a school's users), with {@code settings} on top.
     */
    static ServerConfig localConfig(Path dataDir, Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("SERVER_HOST", "127.0.0.1", "SERVER_PORT", "0",
                "TROLYSO_DATA_DIR", dataDir.toString(), "TROLYSO_RATE_PER_MINUTE_IP", "10000000",
                "TROLYSO_RATE_BURST", "1000000"));
        env.putAll(settings);
        return ServerConfig.load(env);
    }

    private void awaitDocuments(int documents) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (server.services().knowledgeBase().map(kb -> kb.status().documents()).orElse(0) < documents) {
            if (!server.services().loadError().isEmpty() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the server did not index its documents: "
                        + server.services().loadError());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public Answer answer(Question question, TokenSink tokens) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", question.message());
        if (question.conversationId() != null) {
            body.put("conversationId", question.conversationId());
        }
        try {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(chat)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/chat answered " + res.statusCode() + ": " + res.body());
            }
            JsonNode json = JSON.readTree(res.body());
            List<Citation> citations = new ArrayList<>();
            for (JsonNode c : json.path("citations")) {
                citations.add(new Citation(c.path("n").asInt(), c.path("documentId").asText(), c.path("title").asText(),
                        c.path("issuer").asText(), c.path("section").asText(), c.path("snippet").asText()));
            }
            String text = json.path("answer").asText();
            tokens.onToken(text);
            return new Answer(json.path("conversationId").asText(), json.path("messageId").asText(), text,
                    AnswerMode.valueOf(json.path("mode").asText().toUpperCase(Locale.ROOT)), citations, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        ScratchDirs.delete(dataDir);
    }
}
