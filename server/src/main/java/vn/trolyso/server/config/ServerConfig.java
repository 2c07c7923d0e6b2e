package vn.trolyso.server.config;

import io.helidon.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.server.http.ConnectionGuard;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.TrustedProxies;

/**
 * Everything the server is configured with, read once from the configuration tree ({@code application.yaml} with the
 * variables of {@link ConfigVariables} over it) by {@link ConfigReader}. Immutable; tests derive variants with
 * {@link #toBuilder()}.
 *
 * @param webServer        the {@code server} node, handed to Helidon's {@code WebServer.builder().config(…)}
 * @param host             address to listen on
 * @param port             port to listen on (0 = any free port)
 * @param dataDir          where the index, the database and uploads live
 * @param ollama           how to reach and use Ollama (OLLAMA_*)
 * @param ollamaEmbedModel the Ollama embedding model of semantic search (e.g. bge-m3); empty = BM25 alone
 * @param adminToken       Bearer token for admin routes; empty = admin routes closed
 * @param requireApiKey    true = a request without a valid X-API-Key is refused
 * @param anonymousScopes  what a request without a key may do when keys are not required
 * @param apiKeys          the configured API clients
 * @param allowedOrigins   origins allowed to call the API from a browser (same-origin always works)
 * @param limits           size and rate limits
 * @param logQuestions     false keeps question text out of the answer log
 * @param reports          report time zone and retention of the answer log
 * @param trustedProxies   reverse proxies whose Forwarded / X-Forwarded-For header names the client
 * @param connections      read timeouts and the bound on open connections
 * @param learning         target levels and the shares the learning plans ask for
 * @param ollamaPool       the Ollama servers answers are spread over (OLLAMA_BASE_URLS)
 * @param database         the shared PostgreSQL (TROLYSO_DB_URL …), or unset for the embedded H2 under dataDir
 */
public record ServerConfig(Config webServer, String host, int port, Path dataDir, OllamaSettings ollama,
                           Optional<String> ollamaEmbedModel, Optional<String> adminToken, boolean requireApiKey,
                           Set<Scope> anonymousScopes, List<ApiKey> apiKeys, List<String> allowedOrigins,
                           Limits limits, boolean logQuestions, ReportSettings reports,
                           TrustedProxies trustedProxies, ConnectionGuard.Settings connections,
                           LearningSettings learning, OllamaPoolConfig ollamaPool, DatabaseSettings database) {

    /**
     * @param maxMessageChars  longest accepted chat message, in characters (code points)
     * @param maxBodyBytes     largest accepted request body
     * @param ratePerMinuteIp  sustained requests per minute from one IP address to /api
     * @param ratePerMinuteKey sustained requests per minute with one API key
     * @param rateBurst        requests accepted at once before the sustained rate applies
     * @param answerTimeout    overall bound on producing one answer
     * @param maxUploadBytes   largest accepted document upload (the file itself; the request may add framing)
     */
    public record Limits(int maxMessageChars, int maxBodyBytes, int ratePerMinuteIp, int ratePerMinuteKey,
                         int rateBurst, Duration answerTimeout, int maxUploadBytes) {
        public static final int DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

        public Limits {
            positive("max-message-chars", maxMessageChars);
            positive("max-body-bytes", maxBodyBytes);
            positive("rate-per-minute-ip", ratePerMinuteIp);
            positive("rate-per-minute-key", ratePerMinuteKey);
            positive("rate-burst", rateBurst);
            positive("max-upload-bytes", maxUploadBytes);
        }

        /** Limits with the default upload size. */
        public Limits(int maxMessageChars, int maxBodyBytes, int ratePerMinuteIp, int ratePerMinuteKey,
                      int rateBurst, Duration answerTimeout) {
            this(maxMessageChars, maxBodyBytes, ratePerMinuteIp, ratePerMinuteKey, rateBurst, answerTimeout,
                    DEFAULT_MAX_UPLOAD_BYTES);
        }

        public Limits withMaxUploadBytes(int bytes) {
            return new Limits(maxMessageChars, maxBodyBytes, ratePerMinuteIp, ratePerMinuteKey, rateBurst,
                    answerTimeout, bytes);
        }

        private static void positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("trolyso.limits." + name + " must be positive: " + value);
            }
        }
    }

    public ServerConfig {
        Objects.requireNonNull(webServer, "webServer");
        Objects.requireNonNull(ollama, "ollama");
        ollamaEmbedModel = ollamaEmbedModel.map(String::strip).filter(m -> !m.isEmpty());
        adminToken = adminToken.filter(t -> !t.isBlank());
        anonymousScopes = Set.copyOf(anonymousScopes);
        apiKeys = List.copyOf(apiKeys);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(ollamaPool, "ollamaPool");
        Objects.requireNonNull(database, "database");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port must be 0-65535: " + port);
        }
        if (apiKeys.stream().map(ApiKey::id).distinct().count() != apiKeys.size()) {
            throw new IllegalArgumentException("API key ids must be unique");
        }
        allowedOrigins.forEach(ServerConfig::checkOrigin);
    }

    /** The configuration of this process: application.yaml plus the real environment. */
    public static ServerConfig load() {
        return load(ConfigVariables.environment());
    }

    /** application.yaml with the variables of {@code env} (names as in {@link ConfigVariables#ALIASES}) over it. */
    public static ServerConfig load(Map<String, String> env) {
        return ConfigReader.read(ConfigVariables.tree(env));
    }

    /** Ollama's address. */
    public URI ollamaBaseUrl() {
        return URI.create(ollama.baseUrl());
    }

    /** The Ollama model answers come from. */
    public String ollamaModel() {
        return ollama.model();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void checkOrigin(String origin) {
        if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException("Allowed origins look like https://host[:port] (no path): " + origin);
        }
    }

    /** A variant of a configuration: set what differs, then {@link #build()}. */
    public static final class Builder {
        private final Config webServer;
        private String host;
        private int port;
        private Path dataDir;
        private OllamaSettings ollama;
        private Optional<String> ollamaEmbedModel;
        private Optional<String> adminToken;
        private boolean requireApiKey;
        private Set<Scope> anonymousScopes;
        private List<ApiKey> apiKeys;
        private List<String> allowedOrigins;
        private Limits limits;
        private boolean logQuestions;
        private ReportSettings reports;
        private TrustedProxies trustedProxies;
        private ConnectionGuard.Settings connections;
        private LearningSettings learning;
        private OllamaPoolConfig ollamaPool;
        private DatabaseSettings database;

        private Builder(ServerConfig c) {
            webServer = c.webServer;
            host = c.host;
            port = c.port;
            dataDir = c.dataDir;
            ollama = c.ollama;
            ollamaEmbedModel = c.ollamaEmbedModel;
            adminToken = c.adminToken;
            requireApiKey = c.requireApiKey;
            anonymousScopes = c.anonymousScopes;
            apiKeys = c.apiKeys;
            allowedOrigins = c.allowedOrigins;
            limits = c.limits;
            logQuestions = c.logQuestions;
            reports = c.reports;
            trustedProxies = c.trustedProxies;
            connections = c.connections;
            learning = c.learning;
            ollamaPool = c.ollamaPool;
            database = c.database;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder ollama(OllamaSettings value) {
            ollama = value;
            return this;
        }

        /** Ollama at {@code baseUrl} answering with {@code model}. */
        public Builder ollama(URI baseUrl, String model) {
            ollama = ollama.withBaseUrl(baseUrl.toString()).withModel(model);
            return this;
        }

        public Builder ollamaEmbedModel(String model) {
            ollamaEmbedModel = Optional.ofNullable(model);
            return this;
        }

        /** {@code null} or blank closes the admin routes. */
        public Builder adminToken(String token) {
            adminToken = Optional.ofNullable(token);
            return this;
        }

        public Builder apiKeys(boolean required, List<ApiKey> keys) {
            requireApiKey = required;
            apiKeys = keys;
            return this;
        }

        public Builder anonymousScopes(Set<Scope> scopes) {
            anonymousScopes = scopes;
            return this;
        }

        public Builder allowedOrigins(List<String> origins) {
            allowedOrigins = origins;
            return this;
        }

        public Limits limits() {
            return limits;
        }

        public Builder limits(Limits value) {
            limits = value;
            return this;
        }

        public Builder logQuestions(boolean value) {
            logQuestions = value;
            return this;
        }

        public Builder reports(ReportSettings value) {
            reports = value;
            return this;
        }

        /** Addresses or CIDR ranges, as TROLYSO_TRUSTED_PROXIES lists them. */
        public Builder trustedProxies(List<String> proxies) {
            trustedProxies = TrustedProxies.parse(proxies);
            return this;
        }

        public Builder connections(ConnectionGuard.Settings value) {
            connections = value;
            return this;
        }

        public Builder learning(LearningSettings value) {
            learning = value;
            return this;
        }

        public Builder ollamaPool(OllamaPoolConfig value) {
            ollamaPool = value;
            return this;
        }

        public Builder database(DatabaseSettings value) {
            database = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(webServer, host, port, dataDir, ollama, ollamaEmbedModel, adminToken,
                    requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports,
                    trustedProxies, connections, learning, ollamaPool, database);
        }
    }
}
