package vn.trolyso.eval.reader;

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
import java.util.Map;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;

/**
 * The reader asked as a school portal asks it: a real server on a data directory of its own, the articles dropped
 * into its inbox, every question sent as {@code POST /api/v1/chat}. No Ollama: the server answers in the no-LLM mode
 * (its Ollama address points at a closed port, whatever the environment says).
 */
final class HttpReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final TrolysoServer.Running server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI chat;

    private HttpReader(Path dataDir, TrolysoServer.Running server) {
        this.dataDir = dataDir;
        this.server = server;
        this.chat = URI.create(server.baseUrl() + "/api/v1/chat");
    }

    /** Starts the server and waits until its index holds {@code documents} documents (inbox ingested). */
    static HttpReader start(Map<String, String> articles, int documents) {
        Path dir = ScratchDirs.create("trolyso-eval-reader-http");
        try {
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            for (Map.Entry<String, String> article : articles.entrySet()) {
                Files.writeString(inbox.resolve(article.getKey() + ".txt"), article.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = ServerConfig.load(Map.of("SERVER_HOST", "127.0.0.1", "SERVER_PORT", "0",
                "TROLYSO_DATA_DIR", dir.toString(), "OLLAMA_BASE_URL", "http://127.0.0.1:9",
                "TROLYSO_RATE_PER_MINUTE_IP", "10000000", "TROLYSO_RATE_BURST", "1000000"));
        TrolysoServer.Running server = TrolysoServer.start(config);
        HttpReader reader = new HttpReader(dir, server);
        reader.awaitDocuments(documents);
        return reader;
    }

    private void awaitDocuments(int documents) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (server.services().knowledgeBase().map(kb -> kb.status().documents()).orElse(0) < documents) {
            if (!server.services().loadError().isEmpty() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the server did not index the articles: "
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

    ReaderCommand.Reply ask(String question) {
        try {
            String body = JSON.writeValueAsString(Map.of("message", question));
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(chat)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/chat answered " + res.statusCode() + ": " + res.body());
            }
            JsonNode json = JSON.readTree(res.body());
            return new ReaderCommand.Reply(json.path("answer").asText(), "refusal".equals(json.path("mode").asText()));
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
