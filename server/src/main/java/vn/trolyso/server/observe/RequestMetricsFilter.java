package vn.trolyso.server.observe;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;

/** Counts and times every request to the API, tagged by the matched route pattern (not the raw path). */
public final class RequestMetricsFilter implements Filter {
    private final ServerMetrics metrics;

    public RequestMetricsFilter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith("/api/")) {
            chain.proceed();
            return;
        }
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            String route = req.matchingPattern().orElse("unmatched");
            metrics.request(req.prologue().method().text(), route, res.status().code(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
