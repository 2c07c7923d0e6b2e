package vn.trolyso.server.documents;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** Calls the document administration API of a test server with the admin token. */
final class AdminClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration INDEXING_DEADLINE = Duration.ofSeconds(30);

    private final TrolysoServer.Running server;
    private final String token;

    AdminClient(TrolysoServer.Running server, String token) {
        this.server = server;
        this.token = token;
    }

    HttpRequest.Builder request(String path) {
        return TestServers.request(server, path).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> upload(MultipartBody form) {
        return TestServers.send(request("/api/v1/documents").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    HttpResponse<String> uploadFile(String fileName, byte[] content, String title) {
        MultipartBody form = new MultipartBody().file("file", fileName, "application/octet-stream", content);
        if (title != null) {
            form.field("title", title);
        }
        return upload(form);
    }

    HttpResponse<String> delete(String id) {
        return TestServers.send(request("/api/v1/documents/" + id).DELETE().build());
    }

    HttpResponse<String> reindex() {
        return TestServers.send(request("/api/v1/documents/reindex").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonNode indexing() {
        return json(TestServers.send(request("/api/v1/documents/indexing").GET().build())).get("indexing");
    }

    JsonNode documents() {
        return json(TestServers.send(request("/api/v1/documents").GET().build())).get("documents");
    }

    List<String> documentIds() {
        List<String> ids = new ArrayList<>();
        documents().forEach(d -> ids.add(d.get("documentId").asText()));
        return ids;
    }

    /** The search hits' document ids for a query. */
    List<String> searchIds(String query, int k) {
        HttpResponse<String> r = TestServers.send(request("/api/v1/search?k=" + k + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).GET().build());
        if (r.statusCode() != 200) {
            fail("search answered " + r.statusCode() + ": " + r.body());
        }
        List<String> ids = new ArrayList<>();
        json(r).get("hits").forEach(h -> ids.add(h.get("documentId").asText()));
        return ids;
    }

    JsonNode search(String query) {
        return json(TestServers.send(request("/api/v1/search?k=5&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).GET().build()));
    }

    JsonNode chat(String message) {
        HttpResponse<String> r = TestServers.send(request("/api/v1/chat").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("message", message).toString(),
                        StandardCharsets.UTF_8)).build());
        if (r.statusCode() != 200) {
            fail("chat answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    /** Polls until {@code value} satisfies {@code done}, failing with the last value after the deadline. */
    static <T> T await(String what, Duration deadline, Supplier<T> value, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                fail("Timed out after " + deadline.toSeconds() + " s waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        return last;
    }
}
