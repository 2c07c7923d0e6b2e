package vn.trolyso.server.observe;

import io.helidon.json.JsonArray;
import io.helidon.json.JsonObject;
import vn.trolyso.assistant.llm.GenerativeHealth;

/**
 * Each Ollama server of the pool as the readiness check's {@code ollama_backends} detail: {@code url},
 * {@code in_flight}, {@code capacity}, {@code up}, {@code state} and {@code last_error} (plain words, "" when none).
 */
public final class OllamaBackendsJson {
    private OllamaBackendsJson() {
    }

    public static JsonArray of(GenerativeHealth health) {
        return JsonArray.create(health.backends().stream()
                .map(b -> JsonObject.builder()
                        .set("url", b.url())
                        .set("in_flight", b.inFlight())
                        .set("capacity", b.capacity())
                        .set("up", b.up())
                        .set("state", b.state())
                        .set("last_error", b.lastError())
                        .build())
                .toList());
    }
}
