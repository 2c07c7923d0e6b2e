package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach and use the local Ollama server. Every limit is explicit so that tests can shrink them to milliseconds
 * and a school can tune them for its hardware.
 *
 * @param enabled           false disables the generative mode entirely (the assistant answers in the no-LLM mode)
 * @param baseUrl           Ollama's address, e.g. {@code http://localhost:11434}
 * @param model             the model tag to chat with, e.g. {@code qwen2.5:7b-instruct}
 * @param numCtx            the context window Ollama allocates (tokens); prompts are kept well below it because
 *                          Ollama silently drops what does not fit
 * @param temperature       sampling temperature (low: stick to the sources)
 * @param keepAlive         how long Ollama keeps the model loaded after a request
 * @param connectTimeout    bound on connecting and on the cheap {@code /api/tags} probe
 * @param firstTokenTimeout bound on the wait for the first streamed token (includes loading the model)
 * @param overallDeadline   bound on a whole answer; LangChain4j's own timeout only covers the response headers
 * @param failureThreshold  consecutive failures that open the circuit breaker
 * @param coolDown          how long the open circuit waits before letting one probe request through
 * @param numParallel       generations sent to Ollama at once (set it to the Ollama server's OLLAMA_NUM_PARALLEL)
 * @param maxQueued         requests that may wait for a free generation; beyond them {@code whenBusy} applies
 * @param stallTimeout      bound on the silence between two tokens once the answer has begun: a stream that stops
 *                          mid-answer ends with the notice after this, not at the overall deadline
 * @param whenBusy          what a question gets when every slot is taken and the queue is full
 */
public record OllamaSettings(boolean enabled, String baseUrl, String model, int numCtx, double temperature,
                             Duration keepAlive, Duration connectTimeout, Duration firstTokenTimeout,
                             Duration overallDeadline, int failureThreshold, Duration coolDown, int numParallel,
                             int maxQueued, Duration stallTimeout, WhenBusy whenBusy) {

    /** The policy beyond the queue: answer in the no-LLM mode (default), or refuse with 503 busy + Retry-After. */
    public enum WhenBusy {
        FALLBACK, REJECT;

        static WhenBusy parse(String name, String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "fallback" -> FALLBACK;
                case "reject" -> REJECT;
                default -> throw new IllegalArgumentException(name + " must be fallback or reject: " + v);
            };
        }
    }

    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "qwen2.5:7b-instruct";
    /** Ollama's own upper default for OLLAMA_NUM_PARALLEL. */
    public static final int DEFAULT_NUM_PARALLEL = 4;
    /** Enough for a class asking at once; each waiter holds only a virtual thread. */
    public static final int DEFAULT_MAX_QUEUE = 64;

    /** Environment variables read by {@link #from(Map)} (the server passes it the process environment). */
    public static final String ENV_ENABLED = "OLLAMA_ENABLED";
    public static final String ENV_BASE_URL = "OLLAMA_BASE_URL";
    public static final String ENV_MODEL = "OLLAMA_MODEL";
    public static final String ENV_NUM_CTX = "OLLAMA_NUM_CTX";
    public static final String ENV_TEMPERATURE = "OLLAMA_TEMPERATURE";
    public static final String ENV_KEEP_ALIVE = "OLLAMA_KEEP_ALIVE";
    public static final String ENV_CONNECT_TIMEOUT = "OLLAMA_CONNECT_TIMEOUT";
    public static final String ENV_FIRST_TOKEN_TIMEOUT = "OLLAMA_FIRST_TOKEN_TIMEOUT";
    public static final String ENV_DEADLINE = "OLLAMA_DEADLINE";
    public static final String ENV_NUM_PARALLEL = "OLLAMA_NUM_PARALLEL";
    public static final String ENV_MAX_QUEUE = "OLLAMA_MAX_QUEUE";
    public static final String ENV_STALL_TIMEOUT = "OLLAMA_STALL_TIMEOUT";
    public static final String ENV_WHEN_BUSY = "OLLAMA_WHEN_BUSY";

    public OllamaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        model = model.strip();
        if (enabled && (baseUrl.isEmpty() || model.isEmpty())) {
            throw new IllegalArgumentException("an enabled Ollama needs a base URL and a model");
        }
        if (enabled && !baseUrl.matches("(?i)https?://[^/\\s]+(/.*)?")) {
            throw new IllegalArgumentException("the Ollama base URL must look like http://host:11434: " + baseUrl);
        }
        if (numCtx < 1024) {
            throw new IllegalArgumentException("numCtx must be at least 1024: " + numCtx);
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be 0–2: " + temperature);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
        }
        if (numParallel < 1 || numParallel > 1024) {
            throw new IllegalArgumentException("numParallel must be 1–1024: " + numParallel);
        }
        if (maxQueued < 0 || maxQueued > 10_000) {
            throw new IllegalArgumentException("maxQueued must be 0–10000: " + maxQueued);
        }
        requirePositive(keepAlive, "keepAlive");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(firstTokenTimeout, "firstTokenTimeout");
        requirePositive(overallDeadline, "overallDeadline");
        requirePositive(coolDown, "coolDown");
        requirePositive(stallTimeout, "stallTimeout");
        Objects.requireNonNull(whenBusy, "whenBusy");
    }

    /** The defaults: enabled, local Ollama, qwen2.5:7b-instruct, 4096-token context. */
    public static OllamaSettings defaults() {
        return new OllamaSettings(true, DEFAULT_BASE_URL, DEFAULT_MODEL, 4096, 0.1, Duration.ofMinutes(30),
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(180), 3, Duration.ofSeconds(30),
                DEFAULT_NUM_PARALLEL, DEFAULT_MAX_QUEUE, Duration.ofSeconds(30), WhenBusy.FALLBACK);
    }

    /** Settings that never call Ollama. */
    public static OllamaSettings disabled() {
        return defaults().withEnabled(false);
    }

    /**
     * The defaults overridden by the given variables (names as in the environment). Durations are written as
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, ISO-8601 ({@code PT30S}) or plain seconds.
     *
     * @throws IllegalArgumentException naming the variable when a value cannot be read
     */
    public static OllamaSettings from(Map<String, String> env) {
        OllamaSettings d = defaults();
        try {
            return fromValues(env, d);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("OLLAMA_") ? e
                    : new IllegalArgumentException("invalid OLLAMA_* settings: " + e.getMessage(), e);
        }
    }

    private static OllamaSettings fromValues(Map<String, String> env, OllamaSettings d) {
        return new OllamaSettings(
                bool(env, ENV_ENABLED, d.enabled),
                text(env, ENV_BASE_URL, d.baseUrl),
                text(env, ENV_MODEL, d.model),
                integer(env, ENV_NUM_CTX, d.numCtx),
                decimal(env, ENV_TEMPERATURE, d.temperature),
                duration(env, ENV_KEEP_ALIVE, d.keepAlive),
                duration(env, ENV_CONNECT_TIMEOUT, d.connectTimeout),
                duration(env, ENV_FIRST_TOKEN_TIMEOUT, d.firstTokenTimeout),
                duration(env, ENV_DEADLINE, d.overallDeadline),
                d.failureThreshold,
                d.coolDown,
                integer(env, ENV_NUM_PARALLEL, d.numParallel),
                integer(env, ENV_MAX_QUEUE, d.maxQueued),
                duration(env, ENV_STALL_TIMEOUT, d.stallTimeout),
                raw(env, ENV_WHEN_BUSY) == null ? d.whenBusy : WhenBusy.parse(ENV_WHEN_BUSY, raw(env, ENV_WHEN_BUSY)));
    }

    public OllamaSettings withEnabled(boolean value) {
        return new OllamaSettings(value, baseUrl, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, numParallel, maxQueued,
                stallTimeout, whenBusy);
    }

    public OllamaSettings withBaseUrl(String value) {
        return new OllamaSettings(enabled, value, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, numParallel, maxQueued,
                stallTimeout, whenBusy);
    }

    public OllamaSettings withModel(String value) {
        return new OllamaSettings(enabled, baseUrl, value, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, numParallel, maxQueued,
                stallTimeout, whenBusy);
    }

    public OllamaSettings withTimeouts(Duration connect, Duration firstToken, Duration deadline) {
        return new OllamaSettings(enabled, baseUrl, model, numCtx, temperature, keepAlive, connect, firstToken,
                deadline, failureThreshold, coolDown, numParallel, maxQueued,
                stallTimeout, whenBusy);
    }

    public OllamaSettings withCircuit(int threshold, Duration coolDownPeriod) {
        return new OllamaSettings(enabled, baseUrl, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, threshold, coolDownPeriod, numParallel, maxQueued, stallTimeout,
                whenBusy);
    }

    /** The bulkhead: generations at once and requests that may wait for one. */
    public OllamaSettings withConcurrency(int parallel, int queued) {
        return new OllamaSettings(enabled, baseUrl, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, parallel, queued, stallTimeout, whenBusy);
    }

    /** The longest silence between two tokens once an answer has begun. */
    public OllamaSettings withStallTimeout(Duration value) {
        return new OllamaSettings(enabled, baseUrl, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, numParallel, maxQueued, value, whenBusy);
    }

    public OllamaSettings withWhenBusy(WhenBusy value) {
        return new OllamaSettings(enabled, baseUrl, model, numCtx, temperature, keepAlive, connectTimeout,
                firstTokenTimeout, overallDeadline, failureThreshold, coolDown, numParallel, maxQueued, stallTimeout,
                value);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static String raw(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String v = raw(env, name);
        return v == null ? fallback : v;
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String v = raw(env, name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false: " + v);
        };
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String v = raw(env, name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + v);
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String v = raw(env, name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + v);
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = raw(env, name);
        if (v == null) {
            return fallback;
        }
        try {
            return parseDuration(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 30s, 5m or PT30S: " + v);
        }
    }

    static Duration parseDuration(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
        }
        char unit = s.charAt(s.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
