package vn.trolyso.server.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import vn.trolyso.assistant.AnswerMode;

/**
 * The service's own meters, published at /observe/metrics: requests by route and status, request latency by route,
 * answers by mode, LLM fallbacks.
 */
public final class ServerMetrics {
    private final MeterRegistry registry;

    public ServerMetrics() {
        this(Metrics.globalRegistry());
    }

    ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void request(String method, String route, int status, Duration elapsed) {
        registry.getOrCreate(Counter.builder("trolyso.requests")
                .description("HTTP requests by route and status")
                .tags(List.of(Tag.create("method", method), Tag.create("route", route),
                        Tag.create("status", Integer.toString(status))))).increment();
        registry.getOrCreate(Timer.builder("trolyso.request.duration")
                .description("HTTP request latency by route")
                .tags(List.of(Tag.create("method", method), Tag.create("route", route)))).record(elapsed);
    }

    public void answer(AnswerMode mode, boolean llmFallback, Duration elapsed) {
        registry.getOrCreate(Counter.builder("trolyso.answers")
                .description("Answers given, by mode")
                .tags(List.of(Tag.create("mode", mode.apiName())))).increment();
        registry.getOrCreate(Timer.builder("trolyso.answer.duration")
                .description("Time to produce a whole answer, by mode")
                .tags(List.of(Tag.create("mode", mode.apiName())))).record(elapsed);
        if (llmFallback) {
            registry.getOrCreate(Counter.builder("trolyso.llm.fallbacks")
                    .description("Answers given in no-LLM mode because the configured LLM failed")).increment();
        }
    }

    public long answers(AnswerMode mode) {
        return registry.counter("trolyso.answers", List.of(Tag.create("mode", mode.apiName())))
                .map(Counter::count).orElse(0L);
    }
}
