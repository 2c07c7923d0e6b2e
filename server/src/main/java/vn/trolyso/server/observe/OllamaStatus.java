package vn.trolyso.server.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the configured Ollama answers, probed on /api/tags with a short timeout and cached for a few seconds so that
 * health checks never wait on it. Only a detail: the no-LLM mode serves without it.
 */
public final class OllamaStatus {
    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI tagsUri;
    private final HttpClient client;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean reachable;

    public OllamaStatus(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.tagsUri = URI.create(base + "/api/tags");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** True when Ollama answered the last probe (re-probes when the cached result is old). */
    public boolean reachable() {
        if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
            reachable = probe();
            checkedAt = Instant.now();
        }
        return reachable;
    }

    public URI tagsUri() {
        return tagsUri;
    }

    private boolean probe() {
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(tagsUri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
