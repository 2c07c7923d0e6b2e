package vn.trolyso.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.TrustedProxies;

/**
 * Everything the server is configured with: {@code application.yaml} on the classpath, overridden by environment
 * variables (see the yaml file for the names). Immutable; build variants for tests with the {@code with…} methods.
 *
 * @param host                 address to listen on
 * @param port                 port to listen on (0 = any free port)
 * @param dataDir              where the index, the database and uploads live
 * @param ollamaBaseUrl        the Ollama server to use when it answers
 * @param ollamaModel          the Ollama model name
 * @param ollamaEmbedModel     the Ollama embedding model of semantic search (e.g. bge-m3); empty = BM25 alone
 * @param adminToken           Bearer token for admin routes; empty = admin routes closed
 * @param requireApiKey        true = a request without a valid X-API-Key is refused
 * @param anonymousScopes      what a request without a key may do when keys are not required
 * @param apiKeys              the configured API clients
 * @param allowedOrigins       origins allowed to call the API from a browser (same-origin always works)
 * @param limits               size and rate limits
 * @param logQuestions         false keeps question text out of the answer log
 * @param reports              report time zone and retention of the answer log
 * @param trustedProxies       reverse proxies whose Forwarded / X-Forwarded-For header names the client
 */
public record ServerConfig(String host, int port, Path dataDir, URI ollamaBaseUrl, String ollamaModel,
                           Optional<String> ollamaEmbedModel, Optional<String> adminToken, boolean requireApiKey,
                           Set<Scope> anonymousScopes, List<ApiKey> apiKeys, List<String> allowedOrigins,
                           Limits limits, boolean logQuestions, ReportSettings reports,
                           TrustedProxies trustedProxies) {

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
        adminToken = adminToken.filter(t -> !t.isBlank());
        anonymousScopes = Set.copyOf(anonymousScopes);
        apiKeys = List.copyOf(apiKeys);
        allowedOrigins = List.copyOf(allowedOrigins);
        java.util.Objects.requireNonNull(reports, "reports");
        java.util.Objects.requireNonNull(trustedProxies, "trustedProxies");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port must be 0-65535: " + port);
        }
        if (apiKeys.stream().map(ApiKey::id).distinct().count() != apiKeys.size()) {
            throw new IllegalArgumentException("API key ids must be unique");
        }
    }

    /** The configuration of this process: application.yaml plus the real environment. */
    public static ServerConfig load() {
        return load(environment());
    }

    /**
     * The process environment. The one place the code reads it: the other settings (Ollama, connections, learning,
     * eval's options) take their variables from here, so a later single configuration tree has one reader to replace.
     */
    public static Map<String, String> environment() {
        return System.getenv();
    }

    /** application.yaml on the classpath with {@code env} overriding it. */
    public static ServerConfig load(Map<String, String> env) {
        Config yaml = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        return from(yaml, env);
    }

    static ServerConfig from(Config yaml, Map<String, String> env) {
        Function<String, Optional<String>> envValue = name -> Optional.ofNullable(env.get(name))
                .map(String::strip).filter(v -> !v.isEmpty());
        Config t = yaml.get("trolyso");
        Config sec = t.get("security");
        Config lim = t.get("limits");

        String host = envValue.apply("SERVER_HOST").orElseGet(() -> yaml.get("server.host").asString().orElse("0.0.0.0"));
        int port = envValue.apply("SERVER_PORT").map(v -> parseInt("SERVER_PORT", v))
                .orElseGet(() -> yaml.get("server.port").asInt().orElse(8080));
        Path dataDir = Path.of(envValue.apply("TROLYSO_DATA_DIR")
                .orElseGet(() -> t.get("data-dir").asString().orElse("./data")));
        URI ollama = URI.create(envValue.apply("OLLAMA_BASE_URL")
                .orElseGet(() -> t.get("ollama.base-url").asString().orElse("http://localhost:11434")));
        String model = envValue.apply("OLLAMA_MODEL")
                .orElseGet(() -> t.get("ollama.model").asString().orElse(vn.trolyso.assistant.llm.OllamaSettings.DEFAULT_MODEL));
        Optional<String> embedModel = envValue.apply("OLLAMA_EMBED_MODEL")
                .or(() -> t.get("ollama.embed-model").asString().asOptional()).map(String::strip)
                .filter(m -> !m.isEmpty());
        Optional<String> adminToken = envValue.apply("TROLYSO_ADMIN_TOKEN")
                .or(() -> sec.get("admin-token").asString().asOptional());
        boolean requireKey = envValue.apply("TROLYSO_REQUIRE_API_KEY").map(v -> parseBoolean("TROLYSO_REQUIRE_API_KEY", v))
                .orElseGet(() -> sec.get("require-api-key").asBoolean().orElse(false));
        Set<Scope> anonymous = Scope.parse(envValue.apply("TROLYSO_ANONYMOUS_SCOPES").map(ServerConfig::commaList)
                .orElseGet(() -> sec.get("anonymous-scopes").asList(String.class).orElse(List.of("chat", "framework", "learning"))));
        List<ApiKey> keys = envValue.apply("TROLYSO_API_KEYS").map(ServerConfig::parseKeyList)
                .orElseGet(() -> yamlKeys(sec.get("api-keys")));
        List<String> origins = envValue.apply("TROLYSO_ALLOWED_ORIGINS").map(ServerConfig::commaList)
                .orElseGet(() -> sec.get("allowed-origins").asList(String.class).orElse(List.of()));
        origins.forEach(ServerConfig::checkOrigin);
        Function<String, Integer> limit = key -> envValue.apply("TROLYSO_" + key.toUpperCase().replace('-', '_'))
                .map(v -> parseInt(key, v)).orElseGet(() -> lim.get(key).asInt().orElseThrow(
                        () -> new IllegalArgumentException("Missing trolyso.limits." + key)));
        Limits limits = new Limits(limit.apply("max-message-chars"), limit.apply("max-body-bytes"),
                limit.apply("rate-per-minute-ip"), limit.apply("rate-per-minute-key"), limit.apply("rate-burst"),
                Duration.ofSeconds(limit.apply("answer-timeout-seconds")), limit.apply("max-upload-bytes"));
        boolean logQuestions = envValue.apply("TROLYSO_LOG_QUESTIONS").map(v -> parseBoolean("TROLYSO_LOG_QUESTIONS", v))
                .orElseGet(() -> t.get("log-questions").asBoolean().orElse(true));
        TrustedProxies proxies = TrustedProxies.parse(envValue.apply("TROLYSO_TRUSTED_PROXIES").map(ServerConfig::commaList)
                .orElseGet(() -> sec.get("trusted-proxies").asList(String.class).orElse(List.of())));
        return new ServerConfig(host, port, dataDir, ollama, model, embedModel, adminToken, requireKey, anonymous, keys,
                origins, limits, logQuestions, ReportSettings.from(t, envValue), proxies);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(host, port, newDataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withOllama(URI baseUrl, String model) {
        return new ServerConfig(host, port, dataDir, baseUrl, model, ollamaEmbedModel, adminToken, requireApiKey,
                anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withOllamaEmbedModel(String model) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, Optional.ofNullable(model), adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel,
                Optional.ofNullable(token), requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits,
                logQuestions, reports, trustedProxies);
    }

    public ServerConfig withApiKeys(boolean required, List<ApiKey> keys) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken, required,
                anonymousScopes, keys, allowedOrigins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withAllowedOrigins(List<String> origins) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, origins, limits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, newLimits, logQuestions, reports, trustedProxies);
    }

    public ServerConfig withLogQuestions(boolean log) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, log, reports, trustedProxies);
    }

    public ServerConfig withTrustedProxies(List<String> proxies) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, reports,
                TrustedProxies.parse(proxies));
    }

    public ServerConfig withReports(ReportSettings newReports) {
        return new ServerConfig(host, port, dataDir, ollamaBaseUrl, ollamaModel, ollamaEmbedModel, adminToken,
                requireApiKey, anonymousScopes, apiKeys, allowedOrigins, limits, logQuestions, newReports, trustedProxies);
    }

    private static List<ApiKey> yamlKeys(Config node) {
        List<ApiKey> keys = new ArrayList<>();
        for (Config k : node.asNodeList().orElse(List.of())) {
            String id = k.get("id").asString().orElseThrow(() -> new IllegalArgumentException("API key without id"));
            List<String> scopes = k.get("scopes").asList(String.class)
                    .orElseGet(() -> List.of(k.get("scope").asString().orElse("widget")));
            keys.add(new ApiKey(id, k.get("sha256").asString().orElse(""), Scope.parse(scopes)));
        }
        return keys;
    }

    /** "id:scope+scope:sha256hex,…". */
    static List<ApiKey> parseKeyList(String value) {
        List<ApiKey> keys = new ArrayList<>();
        for (String entry : commaList(value)) {
            String[] parts = entry.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("TROLYSO_API_KEYS entries are id:scopes:sha256hex, got '"
                        + entry.replaceAll("[0-9a-fA-F]{16,}", "…") + "'");
            }
            keys.add(new ApiKey(parts[0].strip(), parts[2].strip(), Scope.parse(List.of(parts[1]))));
        }
        return keys;
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void checkOrigin(String origin) {
        if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException("Allowed origins look like https://host[:port] (no path): " + origin);
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.strip().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
        };
    }
}
