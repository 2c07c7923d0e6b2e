package vn.trolyso.assistant.llm;

import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds out whether Ollama is reachable and has the configured model, with one cheap {@code GET /api/tags}. The
 * result is cached: {@link #status()} answers from the cache and, once it is older than the refresh interval,
 * re-probes in the background so no question ever waits for the probe (only the very first call probes inline).
 */
public final class OllamaProbe {
    private static final Logger LOG = Logger.getLogger(OllamaProbe.class.getName());

    private final OllamaSettings settings;
    private final Duration refreshInterval;
    private final Clock clock;
    private final OllamaModels models;
    private final AtomicReference<OllamaStatus> last = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** The latest failed probe's finding in plain words ("" after a probe that found Ollama usable). */
    private volatile String lastFailure = "";

    public OllamaProbe(OllamaSettings settings, Duration refreshInterval, Clock clock) {
        this.settings = settings;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.models = settings.enabled()
                ? OllamaModels.builder().baseUrl(settings.baseUrl()).timeout(settings.connectTimeout())
                        .maxRetries(0).build()
                : null;
    }

    public OllamaProbe(OllamaSettings settings) {
        this(settings, OllamaPoolSettings.DEFAULT_PROBE_INTERVAL, Clock.systemUTC());
    }

    /** What the latest probe found wrong, in plain words for an operator; "" when it found Ollama usable. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The cached status; probes inline only when there is none yet, otherwise refreshes in the background. */
    public OllamaStatus status() {
        OllamaStatus s = last.get();
        if (s == null) {
            return probeNow();
        }
        if (!clock.instant().isBefore(s.checkedAt().plus(refreshInterval))) {
            refreshSoon();
        }
        return s;
    }

    /** Re-probes in the background now (unless a probe is already running), e.g. after a refused connection. */
    public void refreshSoon() {
        if (settings.enabled() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ollama-probe").start(() -> {
                try {
                    probeNow();
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    /** Probes Ollama now (blocking, bounded by the connect timeout) and caches the result. */
    public OllamaStatus probeNow() {
        OllamaStatus s = probe();
        if (s.usable() || !s.enabled()) {
            lastFailure = "";
        }
        OllamaStatus previous = last.getAndSet(s);
        if (previous == null || !previous.state().equals(s.state())) {
            LOG.info(() -> "Ollama at " + settings.baseUrl() + ": " + s.state() + " (" + s.detail() + ")");
        }
        return s;
    }

    private OllamaStatus probe() {
        Instant now = clock.instant();
        String model = settings.model();
        if (!settings.enabled()) {
            return new OllamaStatus(false, false, false, model, List.of(), "generative mode disabled",
                    LlmUnavailableException.messageFor(LlmUnavailableException.Reason.NOT_CONFIGURED, false, model),
                    now);
        }
        List<String> names;
        try {
            names = models.availableModels().content().stream().map(OllamaModel::getName).toList();
        } catch (RuntimeException e) {
            LlmUnavailableException.Reason reason = FailureClassifier.reasonOf(e);
            LOG.log(Level.FINE, "Ollama probe failed", e);
            lastFailure = FailureClassifier.plainWords(reason, e, model);
            return new OllamaStatus(true, false, false, model, List.of(),
                    reason.apiName() + ": " + FailureClassifier.describe(e),
                    LlmUnavailableException.messageFor(reason, false, model), now);
        }
        boolean pulled = names.stream().anyMatch(n -> sameModel(n, model));
        if (!pulled) {
            lastFailure = FailureClassifier.plainWords(LlmUnavailableException.Reason.MODEL_NOT_PULLED, null, model);
        }
        return new OllamaStatus(true, true, pulled, model, names,
                pulled ? "model " + model + " available" : "model " + model + " not pulled",
                pulled ? "Mô hình ngôn ngữ " + model + " đã sẵn sàng."
                        : LlmUnavailableException.messageFor(LlmUnavailableException.Reason.MODEL_NOT_PULLED, false,
                                model),
                now);
    }

    /** Ollama names a model without a tag as {@code name:latest}. */
    static boolean sameModel(String listed, String configured) {
        return withTag(listed).equals(withTag(configured));
    }

    private static String withTag(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.contains(":") ? n : n + ":latest";
    }
}
