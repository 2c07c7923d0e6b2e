package vn.trolyso.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;

/**
 * Starts real servers on a free port for tests, and calls them. Reusable by every area's server tests:
 * <pre>
 * try (var server = TestServers.start(tempDir, c -> c.adminToken("secret"))) {   // real wiring, real corpus
 *     var r = TestServers.get(server, "/api/v1/documents");
 * }
 * </pre>
 */
public final class TestServers {
    /** An address where nothing listens: Ollama is "unreachable" unless a test points it at WireMock. */
    public static final URI NO_OLLAMA = URI.create("http://127.0.0.1:9");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServers() {
    }

    /** The default configuration (application.yaml, no environment) on a free loopback port with its own data dir. */
    public static ServerConfig config(Path dataDir) {
        return ServerConfig.load(Map.of("SERVER_HOST", "127.0.0.1", "SERVER_PORT", "0",
                "TROLYSO_DATA_DIR", dataDir.toString(), "OLLAMA_BASE_URL", NO_OLLAMA.toString()));
    }

    /** Starts the production wiring ({@link TrolysoServer#start(ServerConfig)}) on {@code dataDir}, once ready. */
    public static TrolysoServer.Running start(Path dataDir, UnaryOperator<ServerConfig.Builder> configure) {
        TrolysoServer.Running server = TrolysoServer.start(configure.apply(config(dataDir).toBuilder()).build());
        awaitReady(server);
        return server;
    }

    /**
     * Starts a server around services assembled by {@code services} (e.g. {@code b -> b.framework(f)}); the knowledge
     * base is not loaded, so routes that need it answer 503 — enough for routes that do not.
     */
    public static TrolysoServer.Running start(Path dataDir, UnaryOperator<ServerConfig.Builder> configure,
                                              UnaryOperator<AppServices.Builder> services) {
        ServerConfig config = configure.apply(config(dataDir).toBuilder()).build();
        Database db = Database.open(config.dataDir());
        return TrolysoServer.start(config,
                services.apply(AppServices.builder(config).database(db).closeOnShutdown(db)).build());
    }

    /**
     * Starts a server whose knowledge (knowledge base + assistant) comes from {@code knowledge}, loaded before the
     * server starts; {@code null} leaves the server "not ready" (index still loading).
     */
    public static TrolysoServer.Running startWithKnowledge(Path dataDir, UnaryOperator<ServerConfig.Builder> configure,
                                                           Function<AppServices, AppServices.Knowledge> knowledge) {
        ServerConfig config = configure.apply(config(dataDir).toBuilder()).build();
        Database db = Database.open(config.dataDir());
        AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db).build();
        if (knowledge != null) {
            services.load(knowledge);
        }
        return TrolysoServer.start(config, services);
    }

    /**
     * The production wiring (real corpus, generative assistant) with Ollama at {@code ollama} and its settings adjusted
     * by {@code settings} (e.g. shorter timeouts), once the index is loaded and the probe has found the model.
     */
    public static TrolysoServer.Running startWithOllama(Path dataDir, URI ollama, String model,
                                                        UnaryOperator<OllamaSettings> settings) {
        ServerConfig config = config(dataDir).toBuilder().ollama(ollama, model).build();
        Database db = Database.open(config.dataDir());
        AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db)
                .ollama(OllamaGateway.create(settings.apply(AppServices.ollamaSettings(config)))).build();
        services.load(AppServices::defaultKnowledge);
        TrolysoServer.Running server = TrolysoServer.start(config, services);
        awaitOllamaReady(server);
        return server;
    }

    /**
     * As {@link #startWithOllama}, with the Ollama pool read from {@code poolEnv} (OLLAMA_BASE_URLS,
     * OLLAMA_PROBE_INTERVAL) as the production wiring reads the environment; {@code ollama} is OLLAMA_BASE_URL.
     */
    public static TrolysoServer.Running startWithOllamaPool(Path dataDir, URI ollama, String model,
                                                            Map<String, String> poolEnv,
                                                            UnaryOperator<OllamaSettings> settings) {
        // The pool goes through the production path: the alias table and the configuration reader.
        ServerConfig config = config(dataDir).toBuilder().ollama(ollama, model)
                .ollamaPool(ServerConfig.load(poolEnv).ollamaPool()).build();
        Database db = Database.open(config.dataDir());
        OllamaSettings s = settings.apply(AppServices.ollamaSettings(config));
        AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db)
                .ollama(OllamaGateway.create(s, config.ollamaPool().resolve(s))).build();
        services.load(AppServices::defaultKnowledge);
        return TrolysoServer.start(config, services);
    }

    /**
     * A node of a multi-node deployment: the production wiring on its own data directory, on {@code shared}
     * (a schema of the test PostgreSQL, {@link #sharedTestSchema}).
     */
    public static TrolysoServer.Running startNode(Path dataDir, vn.trolyso.assistant.store.DatabaseSettings shared,
                                                  UnaryOperator<ServerConfig.Builder> configure) {
        ServerConfig config = configure.apply(config(dataDir).toBuilder().database(shared)).build();
        Database db = Database.open(dataDir, shared);
        AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db).build();
        services.load(AppServices::defaultKnowledge);
        return TrolysoServer.start(config, services);
    }

    /** A fresh schema, named {@code prefix_…}, on the test PostgreSQL cluster (system property trolyso.test.db.url). */
    public static vn.trolyso.assistant.store.DatabaseSettings sharedTestSchema(String prefix) throws Exception {
        String url = System.getProperty("trolyso.test.db.url");
        String user = System.getProperty("trolyso.test.db.user", "");
        String schema = prefix + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new vn.trolyso.assistant.store.DatabaseSettings(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, "");
    }

    /** The real knowledge base of the default sources under the server's data directory. */
    public static KnowledgeBase corpus(AppServices services) {
        Path dir = services.config().dataDir();
        return KnowledgeBase.open(dir, KnowledgeSources.defaults(dir));
    }

    /** Waits until the server's Ollama probe has found the model (a probe runs at start, in the background). */
    public static void awaitOllamaReady(TrolysoServer.Running server) {
        await(() -> server.services().ollamaStatus().usable(), () -> false, Duration.ofSeconds(60),
                () -> "Ollama stub never became ready: " + server.services().ollamaStatus());
    }

    /** Waits until the background loading has finished; a loading error fails at once. */
    public static void awaitReady(TrolysoServer.Running server) {
        await(() -> server.services().ready(), () -> !server.services().loadError().isEmpty(), Duration.ofSeconds(120),
                () -> "server did not become ready: " + server.services().loadError());
    }

    /** Polls {@code done} every 50 ms; throws with {@code why} once {@code failed} holds or the time is up. */
    private static void await(BooleanSupplier done, BooleanSupplier failed, Duration timeout, Supplier<String> why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (failed.getAsBoolean() || System.nanoTime() > deadline) {
                throw new IllegalStateException(why.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static HttpClient client() {
        return CLIENT;
    }

    public static HttpRequest.Builder request(TrolysoServer.Running server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    public static HttpResponse<String> get(TrolysoServer.Running server, String path) {
        return send(request(server, path).GET().build());
    }

    public static HttpResponse<String> postJson(TrolysoServer.Running server, String path, String json) {
        return send(request(server, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
