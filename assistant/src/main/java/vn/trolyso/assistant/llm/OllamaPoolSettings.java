package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Ollama servers the generative mode spreads its answers over, and how often each is probed. The server's
 * configuration reads {@code OLLAMA_BASE_URLS=http://gpu1:11434=4,http://gpu2:11434=2}, which names
 * each server with the generations it runs at once (its OLLAMA_NUM_PARALLEL; {@code OLLAMA_NUM_PARALLEL} when
 * omitted). Without OLLAMA_BASE_URLS the pool is the one server of OLLAMA_BASE_URL, exactly as before.
 *
 * @param backends      the servers, in the order given (ties in routing go to the earlier one)
 * @param probeInterval how old a server's last probe may get before the next request or health check re-probes it
 *                      in the background; a server that fails is out of rotation until a probe finds it answering
 */
public record OllamaPoolSettings(List<Backend> backends, Duration probeInterval) {

    /** One Ollama server and the generations it runs at once. */
    public record Backend(String baseUrl, int parallel) {
        public Backend {
            Objects.requireNonNull(baseUrl, "baseUrl");
            baseUrl = baseUrl.strip().replaceAll("/+$", "");
            if (!baseUrl.matches("(?i)https?://[^/\\s]+(/.*)?")) {
                throw new IllegalArgumentException("an Ollama address must look like http://host:11434: " + baseUrl);
            }
            if (parallel < 1 || parallel > 1024) {
                throw new IllegalArgumentException("parallel must be 1–1024: " + parallel);
            }
        }
    }

    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

    public OllamaPoolSettings {
        backends = List.copyOf(backends);
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("the Ollama pool needs at least one server");
        }
        Set<String> seen = new HashSet<>();
        for (Backend b : backends) {
            if (!seen.add(b.baseUrl().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("the same Ollama server is listed twice: " + b.baseUrl());
            }
        }
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("probeInterval must be positive: " + probeInterval);
        }
    }

    /** The one server of {@code settings} (OLLAMA_BASE_URL with OLLAMA_NUM_PARALLEL), probed every 30 s. */
    public static OllamaPoolSettings single(OllamaSettings settings) {
        return new OllamaPoolSettings(List.of(new Backend(settings.baseUrl(), settings.numParallel())),
                DEFAULT_PROBE_INTERVAL);
    }

    /**
     * The pool named by {@code baseUrls} (OLLAMA_BASE_URLS, read by the server's configuration), else the one server
     * of {@code settings}.
     *
     * @param baseUrls      {@code url[=parallel],…}; blank = the one server of {@code settings}
     * @param probeInterval how often a server's status is re-checked (OLLAMA_PROBE_INTERVAL)
     * @throws IllegalArgumentException naming the variable when the list cannot be read
     */
    public static OllamaPoolSettings of(String baseUrls, Duration probeInterval, OllamaSettings settings) {
        if (baseUrls == null || baseUrls.isBlank()) {
            return new OllamaPoolSettings(single(settings).backends(), probeInterval);
        }
        try {
            return new OllamaPoolSettings(parse(baseUrls, settings.numParallel()), probeInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OLLAMA_BASE_URLS must read like http://gpu1:11434=4,http://gpu2:11434=2"
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** {@code url[=parallel],url[=parallel],…} */
    static List<Backend> parse(String list, int defaultParallel) {
        List<Backend> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            // "=" may also appear in a URL's query; only a trailing "=<digits>" is the parallelism.
            if (eq > 0 && entry.substring(eq + 1).strip().matches("\\d+")) {
                out.add(new Backend(entry.substring(0, eq), Integer.parseInt(entry.substring(eq + 1).strip())));
            } else {
                out.add(new Backend(entry, defaultParallel));
            }
        }
        return out;
    }

    /** Generations the whole pool runs at once. */
    public int capacity() {
        return backends.stream().mapToInt(Backend::parallel).sum();
    }
}
