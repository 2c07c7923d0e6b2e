package vn.trolyso.server.config;

import java.time.Duration;
import java.util.Objects;
import vn.trolyso.assistant.llm.OllamaPoolSettings;
import vn.trolyso.assistant.llm.OllamaSettings;

/**
 * The Ollama pool as configured: {@code trolyso.ollama.base-urls} [OLLAMA_BASE_URLS] and
 * {@code trolyso.ollama.probe-interval} [OLLAMA_PROBE_INTERVAL]. The servers are resolved against the final Ollama
 * settings ({@link #resolve}), so a server listed without its parallelism takes OLLAMA_NUM_PARALLEL, and no list
 * means the one server of OLLAMA_BASE_URL.
 *
 * @param baseUrls      {@code url[=parallel],…}; blank = the one server of base-url
 * @param probeInterval how old a server's status may get before it is re-checked
 */
public record OllamaPoolConfig(String baseUrls, Duration probeInterval) {
    public OllamaPoolConfig {
        baseUrls = baseUrls == null ? "" : baseUrls.strip();
        Objects.requireNonNull(probeInterval, "probeInterval");
    }

    public OllamaPoolSettings resolve(OllamaSettings settings) {
        return OllamaPoolSettings.of(baseUrls, probeInterval, settings);
    }
}
