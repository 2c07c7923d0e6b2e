package vn.trolyso.assistant.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The one door to Ollama: one server, or a pool of them ({@link OllamaPoolSettings}). Streams /api/chat itself
 * ({@link OllamaChatStream}) and calls LangChain4j's {@code OllamaChatModel} (built with {@code maxRetries(0)} and an
 * explicit {@code num_ctx}) with this project's policy: a bulkhead and least-busy routing ({@link OllamaPool}), a
 * circuit breaker per server, a first-token timeout and an overall deadline enforced here (LangChain4j's timeout only
 * bounds the response headers), and every failure turned into an {@link LlmUnavailableException} with a reason and
 * whether tokens already reached the user. With several servers, a call that fails before its first token on one
 * server (refused, model missing, HTTP error) is retried once per other server that has a free slot. Thread-safe.
 */
public final class OllamaGateway {
    private static final Logger LOG = Logger.getLogger(OllamaGateway.class.getName());
    /** Upper bound on a generated answer (Ollama's num_predict); num_ctx must hold it plus the prompt. */
    public static final int MAX_OUTPUT_TOKENS = 700;
    /** Failures that say nothing about the other servers, when no word has reached the user yet. */
    private static final Set<Reason> RETRY_ELSEWHERE = Set.of(Reason.CONNECTION_REFUSED, Reason.MODEL_NOT_PULLED,
            Reason.SERVER_ERROR, Reason.MALFORMED_STREAM, Reason.CIRCUIT_OPEN);

    private final OllamaSettings settings;
    private final OllamaPool pool;

    /** One server ({@code settings}' base URL, OLLAMA_NUM_PARALLEL slots) with the given breaker and probe. */
    public OllamaGateway(OllamaSettings settings, CircuitBreaker breaker, OllamaProbe probe) {
        this.settings = settings;
        this.pool = new OllamaPool(List.of(new OllamaBackend(settings, settings.numParallel(), probe, breaker)),
                settings.maxQueued());
    }

    /** The servers of {@code poolSettings}, each with its own probe and circuit breaker (the settings' policy). */
    public OllamaGateway(OllamaSettings settings, OllamaPoolSettings poolSettings, Clock clock) {
        this.settings = settings;
        List<OllamaBackend> backends = new ArrayList<>();
        for (OllamaPoolSettings.Backend b : poolSettings.backends()) {
            OllamaSettings one = settings.withBaseUrl(b.baseUrl());
            backends.add(new OllamaBackend(one, b.parallel(),
                    new OllamaProbe(one, poolSettings.probeInterval(), clock),
                    new CircuitBreaker(settings.failureThreshold(), settings.coolDown(), clock)));
        }
        this.pool = new OllamaPool(backends, settings.maxQueued());
    }

    /** A gateway to the one server of the settings, with its circuit breaker and a probe refreshed every 30 s. */
    public static OllamaGateway create(OllamaSettings settings) {
        return create(settings, OllamaPoolSettings.single(settings));
    }

    /** A gateway to the servers of {@code pool}. */
    public static OllamaGateway create(OllamaSettings settings, OllamaPoolSettings pool) {
        return new OllamaGateway(settings, pool, Clock.systemUTC());
    }

    public OllamaSettings settings() {
        return settings;
    }

    /** The last known state of Ollama (cached; refreshed in the background): a usable server's, else the first's. */
    public OllamaStatus status() {
        OllamaStatus first = null;
        for (OllamaBackend b : pool.backends()) {
            OllamaStatus s = b.probe().status();
            if (s.usable()) {
                return s;
            }
            first = first == null ? s : first;
        }
        return first;
    }

    /** The circuit of the server that fares best (closed if any is). */
    public CircuitBreaker.State circuitState() {
        return pool.backends().stream().map(b -> b.breaker().state()).min(Enum::compareTo).orElseThrow();
    }

    /**
     * How generative answering fares, for the health endpoint, with each server. One server: the probe's state
     * ({@code disabled}, {@code unreachable}, {@code model_missing}), else {@code degraded} while the circuit breaker
     * is not closed or the latest call (within the last five minutes) failed, else {@code ready}. Several: {@code
     * ready} when all are, {@code degraded} when some are not (the others take the answers) or none is ready but one
     * is only degraded, else the first server's state.
     */
    public GenerativeHealth health() {
        List<OllamaBackend> backends = pool.backends();
        List<GenerativeHealth.Backend> described = backends.stream().map(OllamaBackend::describe).toList();
        List<GenerativeHealth> each = backends.stream().map(OllamaBackend::health).toList();
        if (backends.size() == 1) {
            return each.get(0).withBackends(described);
        }
        long ready = each.stream().filter(GenerativeHealth::ready).count();
        if (ready == backends.size()) {
            return new GenerativeHealth("ready", ready + " of " + backends.size() + " Ollama servers ready",
                    described);
        }
        List<String> notReady = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            if (!each.get(i).ready()) {
                notReady.add(backends.get(i).baseUrl() + " " + each.get(i).state());
            }
        }
        if (ready > 0) {
            return new GenerativeHealth("degraded", notReady.size() + " of " + backends.size()
                    + " Ollama servers not ready (" + String.join(", ", notReady) + "); the others answer", described);
        }
        String state = each.stream().anyMatch(h -> h.state().equals("degraded")) ? "degraded"
                : each.stream().anyMatch(h -> h.state().equals("model_missing")) ? "model_missing"
                : each.get(0).state();
        return new GenerativeHealth(state, "no Ollama server ready (" + String.join(", ", notReady) + ")",
                described);
    }

    /** Configured, and some server reachable with the model pulled (last probe) and its circuit letting calls through. */
    public boolean available() {
        return settings.enabled() && pool.backends().stream().anyMatch(OllamaBackend::inRotation);
    }

    /** Throws the reason generative answering cannot be attempted now (the first server's); returns when it can. */
    public void checkAvailable() throws LlmUnavailableException {
        if (!settings.enabled()) {
            throw failure(Reason.NOT_CONFIGURED, false, "generative mode disabled", null);
        }
        if (pool.backends().stream().anyMatch(OllamaBackend::inRotation)) {
            return;
        }
        OllamaBackend first = pool.backends().get(0);
        if (!first.breaker().isCallPermitted()) {
            throw failure(Reason.CIRCUIT_OPEN, false, "circuit " + first.breaker().state(), null);
        }
        OllamaStatus s = first.probe().status();
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
        OllamaPool.Lease lease = slot(settings.firstTokenTimeout(), sink::onQueued);
        Set<OllamaBackend> tried = new HashSet<>();
        while (true) {
            try (OllamaPool.Lease held = lease) {
                acquire(held.backend());
                long firstTokenBy = System.nanoTime() + settings.firstTokenTimeout().toNanos();
                return streamInSlot(held.backend(), messages, sink, firstTokenBy, deadline);
            } catch (LlmUnavailableException e) {
                lease = elsewhere(lease.backend(), tried, e);
            }
        }
    }

    /** Another server's slot for a call that failed before its first word, or the failure rethrown. */
    private OllamaPool.Lease elsewhere(OllamaBackend failed, Set<OllamaBackend> tried, LlmUnavailableException e)
            throws LlmUnavailableException {
        tried.add(failed);
        if (e.tokensEmitted() || !RETRY_ELSEWHERE.contains(e.reason()) || pool.backends().size() == 1) {
            throw e;
        }
        Optional<OllamaPool.Lease> next = pool.tryAcquireOther(tried);
        if (next.isEmpty()) {
            throw e;
        }
        LOG.log(Level.INFO, "Ollama at {0} failed ({1}); trying {2}",
                new Object[] {failed.baseUrl(), e.reason().apiName(), next.get().backend().baseUrl()});
        return next.get();
    }

    private String streamInSlot(OllamaBackend backend, List<ChatMessage> messages, TokenSink sink, long firstTokenBy,
                                long deadline) throws LlmUnavailableException {
        BlockingQueue<OllamaChatStream.Event> events = new LinkedBlockingQueue<>();
        StringBuilder text = new StringBuilder();
        OllamaChatStream stream;
        try {
            stream = OllamaChatStream.open(backend.http(), backend.settings(), MAX_OUTPUT_TOKENS, messages,
                    events::add);
        } catch (RuntimeException e) {
            throw failed(backend, FailureClassifier.reasonOf(e), false, e);
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
                        throw failed(backend, reason, emitted, null);
                    }
                    case OllamaChatStream.Token token -> {
                        lastTokenAt = System.nanoTime();
                        if (!token.text().isEmpty()) {
                            try {
                                sink.onToken(token.text());
                            } catch (RuntimeException sinkFailure) {
                                // The listener went away (e.g. the browser closed the stream): not Ollama's fault.
                                backend.breaker().release();
                                throw sinkFailure;
                            }
                            text.append(token.text());
                        }
                    }
                    case OllamaChatStream.Done done -> {
                        if (text.toString().isBlank()) {
                            throw failed(backend, Reason.MALFORMED_STREAM, emitted,
                                    new IllegalStateException("empty answer"));
                        }
                        backend.recordSuccess();
                        return text.toString();
                    }
                    case OllamaChatStream.Failed f -> throw failed(backend, FailureClassifier.reasonOf(f.error()),
                            emitted, f.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            backend.breaker().release();
            throw failure(Reason.DEADLINE_EXCEEDED, !text.isEmpty(), "interrupted", e);
        }
    }

    /**
     * One blocking chat completion (no streaming), bounded by {@code deadline}. Used for short internal tasks such as
     * rewriting a follow-up question, and for requests that offer tools.
     */
    public ChatResponse chat(ChatRequest request, Duration deadline) throws LlmUnavailableException {
        OllamaPool.Lease lease = slot(deadline, ahead -> { });
        Set<OllamaBackend> tried = new HashSet<>();
        while (true) {
            try (OllamaPool.Lease held = lease) {
                acquire(held.backend());
                return chatInSlot(held.backend(), request, deadline);
            } catch (LlmUnavailableException e) {
                lease = elsewhere(lease.backend(), tried, e);
            }
        }
    }

    private ChatResponse chatInSlot(OllamaBackend backend, ChatRequest request, Duration deadline)
            throws LlmUnavailableException {
        FutureTask<ChatResponse> call = new FutureTask<>(() -> backend.chatModel().chat(request));
        Thread.ofVirtual().name("ollama-chat").start(call);
        try {
            ChatResponse response = call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            backend.recordSuccess();
            return response;
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw failed(backend, Reason.DEADLINE_EXCEEDED, false, null);
        } catch (ExecutionException e) {
            throw failed(backend, FailureClassifier.reasonOf(e.getCause()), false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            backend.breaker().release();
            throw failure(Reason.DEADLINE_EXCEEDED, false, "interrupted", e);
        }
    }

    /** Generations running at Ollama now (all servers), and requests waiting for one (for health). */
    public int inFlight() {
        return pool.inFlight();
    }

    public int waiting() {
        return pool.waiting();
    }

    /** A generation slot; refused (not an Ollama failure, so no circuit breaker is told) when all are busy. */
    private OllamaPool.Lease slot(Duration maxWait, java.util.function.IntConsumer onQueued)
            throws LlmUnavailableException {
        if (!settings.enabled()) {
            throw failure(Reason.NOT_CONFIGURED, false, "generative mode disabled", null);
        }
        try {
            return pool.acquire(maxWait, onQueued);
        } catch (OllamaPool.Refused e) {
            LOG.log(Level.INFO, "Ollama busy: {0}", e.getMessage());
            throw failure(Reason.BUSY, false, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Reason.DEADLINE_EXCEEDED, false, "interrupted while queued", e);
        }
    }

    private void acquire(OllamaBackend backend) throws LlmUnavailableException {
        if (!backend.breaker().tryAcquire()) {
            throw failure(Reason.CIRCUIT_OPEN, false, "circuit " + backend.breaker().state(), null);
        }
    }

    /** Records the failure with the server's circuit breaker and builds the exception. */
    private LlmUnavailableException failed(OllamaBackend backend, Reason reason, boolean emitted, Throwable cause) {
        backend.recordFailure(reason, cause);
        String detail = cause == null ? "no answer in time" : FailureClassifier.describe(cause);
        LOG.log(Level.WARNING, "Ollama call to {0} failed: {1} ({2}); circuit {3}",
                new Object[] {backend.baseUrl(), reason.apiName(), detail, backend.breaker().state()});
        return failure(reason, emitted, detail, cause);
    }

    private LlmUnavailableException failure(Reason reason, boolean emitted, String detail, Throwable cause) {
        return LlmUnavailableException.of(reason, emitted, settings.model(), detail, cause);
    }
}
