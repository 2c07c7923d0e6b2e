package vn.trolyso.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * One Ollama server of the pool: its address and parallelism, its own probe and circuit breaker (a server that fails
 * is taken out of rotation without pausing the others), the HTTP clients that talk to it, and the last thing that
 * went wrong with it, in plain words. The in-flight count is kept by {@link OllamaPool} under its lock.
 */
final class OllamaBackend {
    private final OllamaSettings settings;
    private final int capacity;
    private final OllamaProbe probe;
    private final CircuitBreaker breaker;
    private final HttpClient http;
    private final ChatModel chatModel;
    private final RecentOutcomes recent = new RecentOutcomes(Duration.ofMinutes(5));
    /** Guarded by the pool's lock; volatile so health can read it without the lock. */
    private volatile int inFlight;
    private volatile String lastCallError = "";
    private volatile long lastCallErrorAt;

    OllamaBackend(OllamaSettings settings, int capacity, OllamaProbe probe, CircuitBreaker breaker) {
        this.settings = settings;
        this.capacity = capacity;
        this.probe = probe;
        this.breaker = breaker;
        if (settings.enabled()) {
            OllamaChatRequestParameters parameters = OllamaChatRequestParameters.builder()
                    .modelName(settings.model())
                    .temperature(settings.temperature())
                    .numCtx(settings.numCtx())
                    .maxOutputTokens(OllamaGateway.MAX_OUTPUT_TOKENS)
                    .keepAlive((int) Math.min(Integer.MAX_VALUE, settings.keepAlive().toSeconds()))
                    .build();
            this.http = OllamaChatStream.newClient(settings);
            this.chatModel = OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .defaultRequestParameters(parameters)
                    .timeout(settings.overallDeadline())
                    .maxRetries(0)
                    .build();
        } else {
            this.http = null;
            this.chatModel = null;
        }
    }

    /** The settings with this server's address (what the stream and the chat model use). */
    OllamaSettings settings() {
        return settings;
    }

    String baseUrl() {
        return settings.baseUrl();
    }

    int capacity() {
        return capacity;
    }

    int inFlight() {
        return inFlight;
    }

    void inFlight(int value) {
        inFlight = value;
    }

    OllamaProbe probe() {
        return probe;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    HttpClient http() {
        return http;
    }

    ChatModel chatModel() {
        return chatModel;
    }

    RecentOutcomes recent() {
        return recent;
    }

    /** The last probe found it answering with the model, and its circuit lets calls through. */
    boolean inRotation() {
        return probe.status().usable() && breaker.isCallPermitted();
    }

    void recordSuccess() {
        breaker.recordSuccess();
        recent.record(null);
    }

    /** Records a failed call; a refused connection has the server re-probed at once so it leaves rotation now. */
    void recordFailure(LlmUnavailableException.Reason reason, Throwable cause) {
        breaker.recordFailure();
        recent.record(reason);
        lastCallError = FailureClassifier.plainWords(reason, cause, settings.model());
        lastCallErrorAt = System.nanoTime();
        if (reason == LlmUnavailableException.Reason.CONNECTION_REFUSED) {
            probe.refreshSoon();
        }
    }

    /**
     * What is wrong with it now (the probe's finding), else the last failed call with its age, else "". Plain words
     * for an operator, never an exception's class name.
     */
    String lastError() {
        OllamaStatus s = probe.status();
        if (s.enabled() && !s.usable()) {
            return probe.lastFailure();
        }
        if (lastCallError.isEmpty()) {
            return "";
        }
        long ago = (System.nanoTime() - lastCallErrorAt) / 1_000_000_000L;
        return lastCallError + " (" + ago + " s ago)";
    }

    /** Today's health of this one server (see {@link OllamaGateway#health()}). */
    GenerativeHealth health() {
        OllamaStatus s = probe.status();
        if (!s.usable()) {
            return new GenerativeHealth(s.state(), s.detail());
        }
        CircuitBreaker.State circuit = breaker.state();
        if (circuit != CircuitBreaker.State.CLOSED) {
            return new GenerativeHealth("degraded", "circuit " + circuit.name().toLowerCase(Locale.ROOT)
                    + " after repeated failures; answers come from the no-LLM mode");
        }
        return recent.lastFailure()
                .map(f -> new GenerativeHealth("degraded", "last call to Ollama failed: " + f))
                .orElseGet(() -> new GenerativeHealth("ready", s.detail()));
    }

    GenerativeHealth.Backend describe() {
        return new GenerativeHealth.Backend(baseUrl(), inFlight, capacity, inRotation(), health().state(),
                lastError());
    }
}
