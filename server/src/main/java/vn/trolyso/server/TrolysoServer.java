package vn.trolyso.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.util.logging.Logger;
import vn.trolyso.assistant.llm.GenerativeHealth;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ConnectionGuard;
import vn.trolyso.server.http.DisconnectLogFilter;
import vn.trolyso.server.observe.RequestMetricsFilter;
import vn.trolyso.server.ops.RunFile;
import vn.trolyso.server.security.AccessFilter;
import vn.trolyso.server.security.AdminAuth;
import vn.trolyso.server.security.CorsFilter;
import vn.trolyso.server.security.RouteTable;

/**
 * Builds and starts the web server around {@link AppServices}: API routes, CORS and access filters, static
 * files (the widget and pages under {@code web/}), health and metrics. Used by {@link Main}, the tests and eval.
 */
public final class TrolysoServer {
    private static final Logger LOG = Logger.getLogger(TrolysoServer.class.getName());

    private TrolysoServer() {
    }

    /** A started server; {@link #stop()} also closes the services. */
    public record Running(WebServer webServer, AppServices services) implements AutoCloseable {
        public int port() {
            return webServer.port();
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }

        public void stop() {
            try {
                RunFile.deleteIfOurs(services.config().dataDir(), port());
                webServer.stop();
            } finally {
                services.close();
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** Builds the services from the configuration and starts the server. */
    public static Running start(ServerConfig config) {
        AppServices services = AppServices.create(config);
        try {
            return start(config, services);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Starts the server around already-built services (tests, eval), connections guarded as configured. */
    public static Running start(ServerConfig config, AppServices services) {
        return start(config, services, config.connections());
    }

    /**
     * As {@link #start(ServerConfig, AppServices)} with these connection limits. Helidon's own settings bound the
     * connections open at once and close a connection that sends no request line for the idle timeout; the header and
     * body read timeouts, which Helidon's NIO connections do not apply, come from {@link ConnectionGuard}.
     */
    public static Running start(ServerConfig config, AppServices services, ConnectionGuard.Settings connections) {
        AdminAuth admin = new AdminAuth(config.adminToken());
        ConnectionGuard.configure(connections);
        Duration idle = connections.idleTimeout();
        WebServer server = WebServer.builder()
                .config(config.webServer()) // application.yaml's server node, as Helidon reads it
                .host(config.host()) // the typed values win: a test's variant may move the port
                .port(config.port())
                .featuresDiscoverServices(false)
                .shutdownHook(false)
                .maxTcpConnections(connections.maxConnections())
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(idle.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                        : idle.dividedBy(4))
                .addProtocol(Http1Config.builder().addReceiveListener(ConnectionGuard.headerListener()).build())
                .addFeature(observe(services))
                .addFeature(StaticContentFeature.builder()
                        .addClasspath(cp -> cp.location("web").context("/").welcome("index.html"))
                        .build())
                .routing(routing -> routing(routing, config, services, admin))
                .build()
                .start();
        DisconnectLogFilter.install(); // after the start: Helidon resets the logging configuration when it starts
        if (!server.isRunning() || server.port() < 0) {
            // Helidon logs a failed bind and returns a server without a port instead of throwing.
            server.stop();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port()
                    + " (port already in use, or not allowed)");
        }
        RunFile.write(config.dataDir(), config.host(), server.port());
        return new Running(server, services);
    }

    private static void routing(HttpRouting.Builder routing, ServerConfig config, AppServices services,
                                AdminAuth admin) {
        ApiErrors.register(routing);
        RouteTable routes = new RouteTable(admin); // filled by ApiRoutes below, read by AccessFilter per request
        routing.addFilter(new RequestMetricsFilter(services.metrics()))
                // before AccessFilter: its refusals carry CORS
                .addFilter(new CorsFilter(config.allowedOrigins(), services.apiKeys()))
                .addFilter(new AccessFilter(config, admin, services.apiKeys(), routes));
        ApiRoutes.register(routing, services, routes);
    }

    private static ObserveFeature observe(AppServices services) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addCheck(() -> HealthCheckResponse.builder().status(true).build(), HealthCheckType.LIVENESS, "server")
                .addCheck(() -> readiness(services), HealthCheckType.READINESS, "knowledge")
                .build();
        return ObserveFeature.builder()
                .cors(c -> c.enabled(false))
                .addObserver(health)
                .addObserver(MetricsObserver.create())
                .build();
    }

    /** Ready = the index is loaded. Ollama is only a detail: the no-LLM mode serves without it. */
    private static HealthCheckResponse readiness(AppServices services) {
        GenerativeHealth generative = services.ollamaGateway().health();
        HealthCheckResponse.Builder b = HealthCheckResponse.builder()
                .status(services.ready())
                .detail("index", services.ready() ? "loaded" : services.loadError().isEmpty() ? "loading" : "failed")
                .detail("ollama", generative.state())
                .detail("mode", services.ollamaGateway().available() ? "generative" : "no-llm");
        if (!generative.ready()) {
            b.detail("ollama_detail", generative.detail());
        }
        b.detail("ollama_backends", vn.trolyso.server.observe.OllamaBackendsJson.of(generative));
        services.knowledgeBase().ifPresent(kb -> b.detail("documents", kb.status().documents())
                .detail("passages", kb.status().chunks()));
        b.detail("semantic_search", services.semanticSearch().map(r -> describe(r.coverage())).orElse("off"));
        if (!services.loadError().isEmpty()) {
            b.detail("error", services.loadError());
        }
        return b.build();
    }

    /** "bge-m3: 130/130 passages", with the last failure when embedding stopped short. */
    private static String describe(EmbeddingRetriever.Coverage c) {
        return c.model() + ": " + c.embedded() + "/" + c.passages() + " passages"
                + (c.lastError().isEmpty() ? "" : " (" + c.lastError() + ")");
    }
}
