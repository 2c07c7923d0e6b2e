package vn.trolyso.assistant.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;

/**
 * The one door to Ollama. Wraps LangChain4j's {@link OllamaStreamingChatModel} and {@link OllamaChatModel} (built
 * with {@code maxRetries(0)} and an explicit {@code num_ctx}) with this project's policy: a circuit breaker, a
 * first-token timeout and an overall deadline enforced here (LangChain4j's timeout only bounds the response headers),
 * and every failure turned into an {@link LlmUnavailableException} with a reason and whether tokens already reached
 * the user. Thread-safe.
 */
public final class OllamaGateway {
    private static final Logger LOG = Logger.getLogger(OllamaGateway.class.getName());
    /** Upper bound on a generated answer (Ollama's num_predict); num_ctx must hold it plus the prompt. */
    public static final int MAX_OUTPUT_TOKENS = 700;

    private final OllamaSettings settings;
    private final CircuitBreaker breaker;
    private final OllamaProbe probe;
    /** Streams /api/chat itself (see {@link OllamaChatStream} for why not through LangChain4j). */
    private final java.net.http.HttpClient http;
    private final ChatModel chatModel;
    private final GenerationSlots slots;
    private final RecentOutcomes recent = new RecentOutcomes(Duration.ofMinutes(5));

    public OllamaGateway(OllamaSettings settings, CircuitBreaker breaker, OllamaProbe probe) {
        this.settings = settings;
        this.breaker = breaker;
        this.probe = probe;
        this.slots = new GenerationSlots(settings.numParallel(), settings.maxQueued());
        if (settings.enabled()) {
            OllamaChatRequestParameters parameters = OllamaChatRequestParameters.builder()
                    .modelName(settings.model())
                    .temperature(settings.temperature())
                    .numCtx(settings.numCtx())
                    .maxOutputTokens(MAX_OUTPUT_TOKENS)
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

    /** A gateway with the settings' circuit breaker and a probe refreshed every 30 seconds. */
    public static OllamaGateway create(OllamaSettings settings) {
        return new OllamaGateway(settings,
                new CircuitBreaker(settings.failureThreshold(), settings.coolDown(), Clock.systemUTC()),
                new OllamaProbe(settings));
    }

    public OllamaSettings settings() {
        return settings;
    }

    /** The last known state of Ollama (cached; refreshed in the background). */
    public OllamaStatus status() {
        return probe.status();
    }

    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    /**
     * How generative answering fares, for the health endpoint: the probe's state ({@code disabled},
     * {@code unreachable}, {@code model_missing}), else {@code degraded} while the circuit breaker is not closed or
     * the latest call to Ollama (within the last five minutes) failed, else {@code ready}.
     */
    public GenerativeHealth health() {
        OllamaStatus s = probe.status();
        if (!s.usable()) {
            return new GenerativeHealth(s.state(), s.detail());
        }
        CircuitBreaker.State circuit = breaker.state();
        if (circuit != CircuitBreaker.State.CLOSED) {
            return new GenerativeHealth("degraded", "circuit " + circuit.name().toLowerCase(java.util.Locale.ROOT)
                    + " after repeated failures; answers come from the no-LLM mode");
        }
        return recent.lastFailure()
                .map(f -> new GenerativeHealth("degraded", "last call to Ollama failed: " + f))
                .orElseGet(() -> new GenerativeHealth("ready", s.detail()));
    }

    /** Configured, Ollama reachable with the model pulled (last probe), and the circuit letting calls through. */
    public boolean available() {
        return settings.enabled() && breaker.isCallPermitted() && probe.status().usable();
    }

    /** Throws the reason generative answering cannot be attempted now; returns when it can. */
    public void checkAvailable() throws LlmUnavailableException {
        if (!settings.enabled()) {
            throw failure(Reason.NOT_CONFIGURED, false, "generative mode disabled", null);
        }
        if (!breaker.isCallPermitted()) {
            throw failure(Reason.CIRCUIT_OPEN, false, "circuit " + breaker.state(), null);
        }
        OllamaStatus s = probe.status();
        if (!s.reachable()) {
            throw failure(Reason.CONNECTION_REFUSED, false, s.detail(), null);
        }
        if (!s.modelPulled()) {
            throw failure(Reason.MODEL_NOT_PULLED, false, s.detail(), null);
        }
    }

    /**
     * Streams one chat completion, handing each piece of text to {@code sink} as it arrives, and returns the whole
     * text. Blocks at most the overall deadline.
     *
     * @throws LlmUnavailableException when Ollama fails, is too slow, or the circuit is open; its
     *                                 {@code tokensEmitted()} says whether {@code sink} already received text
     */
    public String stream(List<ChatMessage> messages, TokenSink sink) throws LlmUnavailableException {
        long deadline = System.nanoTime() + settings.overallDeadline().toNanos();
        // A request waits for a slot at most as long as it would wait for a first token; once Ollama has it, the
        // first-token timeout starts afresh (the overall deadline still bounds the whole answer).
        try (GenerationSlots.Slot slot = slot(settings.firstTokenTimeout(), sink::onQueued)) {
            acquire();
            long firstTokenBy = System.nanoTime() + settings.firstTokenTimeout().toNanos();
            return streamInSlot(messages, sink, firstTokenBy, deadline);
        }
    }

    private String streamInSlot(List<ChatMessage> messages, TokenSink sink, long firstTokenBy, long deadline)
            throws LlmUnavailableException {
        BlockingQueue<OllamaChatStream.Event> events = new LinkedBlockingQueue<>();
        StringBuilder text = new StringBuilder();
        OllamaChatStream stream;
        try {
            stream = OllamaChatStream.open(http, settings, MAX_OUTPUT_TOKENS, messages, events::add);
        } catch (RuntimeException e) {
            throw failed(FailureClassifier.reasonOf(e), false, e);
        }
        // Every way out closes the stream, so Ollama stops generating an answer nobody reads.
        try (stream) {
            long stall = settings.stallTimeout().toNanos();
            long lastTokenAt = 0;
            while (true) {
                boolean emitted = !text.isEmpty();
                // Before the first token Ollama may be loading the model; once the answer has begun, a silence
                // longer than the stall timeout means the runner stopped, and the words already sent are kept.
                long waitUntil = emitted ? Math.min(deadline, lastTokenAt + stall) : Math.min(firstTokenBy, deadline);
                OllamaChatStream.Event event = events.poll(waitUntil - System.nanoTime(), TimeUnit.NANOSECONDS);
                switch (event) {
                    case null -> {
                        Reason reason = emitted ? (waitUntil < deadline ? Reason.STALLED : Reason.DEADLINE_EXCEEDED)
                                : deadline <= firstTokenBy ? Reason.DEADLINE_EXCEEDED : Reason.FIRST_TOKEN_TIMEOUT;
                        throw failed(reason, emitted, null);
                    }
                    case OllamaChatStream.Token token -> {
                        lastTokenAt = System.nanoTime();
                        if (!token.text().isEmpty()) {
                            try {
                                sink.onToken(token.text());
                            } catch (RuntimeException sinkFailure) {
                                // The listener went away (e.g. the browser closed the stream): not Ollama's fault.
                                breaker.release();
                                throw sinkFailure;
                            }
                            text.append(token.text());
                        }
                    }
                    case OllamaChatStream.Done done -> {
                        if (text.toString().isBlank()) {
                            throw failed(Reason.MALFORMED_STREAM, emitted,
                                    new IllegalStateException("empty answer"));
                        }
                        succeeded();
                        return text.toString();
                    }
                    case OllamaChatStream.Failed f -> throw failed(FailureClassifier.reasonOf(f.error()), emitted,
                            f.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.release();
            throw failure(Reason.DEADLINE_EXCEEDED, !text.isEmpty(), "interrupted", e);
        }
    }

    /**
     * One blocking chat completion (no streaming), bounded by {@code deadline}. Used for short internal tasks such as
     * rewriting a follow-up question, and for requests that offer tools.
     */
    public ChatResponse chat(ChatRequest request, Duration deadline) throws LlmUnavailableException {
        try (GenerationSlots.Slot slot = slot(deadline, ahead -> { })) {
            acquire();
            return chatInSlot(request, deadline);
        }
    }

    private ChatResponse chatInSlot(ChatRequest request, Duration deadline) throws LlmUnavailableException {
        FutureTask<ChatResponse> call = new FutureTask<>(() -> chatModel.chat(request));
        Thread.ofVirtual().name("ollama-chat").start(call);
        try {
            ChatResponse response = call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            succeeded();
            return response;
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw failed(Reason.DEADLINE_EXCEEDED, false, null);
        } catch (ExecutionException e) {
            throw failed(FailureClassifier.reasonOf(e.getCause()), false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            breaker.release();
            throw failure(Reason.DEADLINE_EXCEEDED, false, "interrupted", e);
        }
    }

    /** Generations running at Ollama now, and requests waiting for one (for health). */
    public int inFlight() {
        return slots.inFlight();
    }

    public int waiting() {
        return slots.waiting();
    }

    /** A generation slot; refused (not an Ollama failure, so the circuit breaker is not told) when all are busy. */
    private GenerationSlots.Slot slot(Duration maxWait, java.util.function.IntConsumer onQueued)
            throws LlmUnavailableException {
        if (!settings.enabled()) {
            throw failure(Reason.NOT_CONFIGURED, false, "generative mode disabled", null);
        }
        try {
            return slots.acquire(maxWait, onQueued);
        } catch (GenerationSlots.Refused e) {
            LOG.log(Level.INFO, "Ollama busy: {0}", e.getMessage());
            throw failure(Reason.BUSY, false, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Reason.DEADLINE_EXCEEDED, false, "interrupted while queued", e);
        }
    }

    private void acquire() throws LlmUnavailableException {
        if (!settings.enabled()) {
            throw failure(Reason.NOT_CONFIGURED, false, "generative mode disabled", null);
        }
        if (!breaker.tryAcquire()) {
            throw failure(Reason.CIRCUIT_OPEN, false, "circuit " + breaker.state(), null);
        }
    }

    private void succeeded() {
        breaker.recordSuccess();
        recent.record(null);
    }

    /** Records the failure with the circuit breaker and builds the exception. */
    private LlmUnavailableException failed(Reason reason, boolean emitted, Throwable cause) {
        breaker.recordFailure();
        recent.record(reason);
        String detail = cause == null ? "no answer in time" : FailureClassifier.describe(cause);
        LOG.log(Level.WARNING, "Ollama call failed: {0} ({1}); circuit {2}",
                new Object[] {reason.apiName(), detail, breaker.state()});
        return failure(reason, emitted, detail, cause);
    }

    private LlmUnavailableException failure(Reason reason, boolean emitted, String detail, Throwable cause) {
        return LlmUnavailableException.of(reason, emitted, settings.model(), detail, cause);
    }
}
