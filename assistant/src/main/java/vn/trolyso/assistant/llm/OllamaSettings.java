package vn.trolyso.assistant.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and use the local Ollama server. Every limit is explicit so that tests can shrink them to milliseconds
 * and a school can tune them for its hardware. The server reads them from its configuration (application.yaml and the
 * OLLAMA_* variables) and hands them in; this module does not read configuration itself.
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
        FALLBACK, REJECT
    }

    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "qwen2.5:7b-instruct";
    /** Ollama's own upper default for OLLAMA_NUM_PARALLEL. */
    public static final int DEFAULT_NUM_PARALLEL = 4;
    /** Enough for a class asking at once; each waiter holds only a virtual thread. */
    public static final int DEFAULT_MAX_QUEUE = 64;

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
}
