package vn.trolyso.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigNode.ListNode;
import io.helidon.config.spi.ConfigNode.ObjectNode;
import io.helidon.config.spi.ConfigNode.ValueNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The one table from the operator's variable names ({@code TROLYSO_RATE_BURST}, {@code OLLAMA_NUM_CTX}, …, the names
 * the guide documents) to keys of the configuration tree, and the tree itself: {@code application.yaml} with the
 * variables that are set laid over it. Every knob of {@code application.yaml} is here and nowhere else; the readers
 * ({@link ConfigReader}) only see the tree.
 */
public final class ConfigVariables {
    /** Variable → configuration key, in the order of application.yaml. */
    public static final SequencedMap<String, String> ALIASES = aliases(
            "SERVER_HOST", "server.host",
            "SERVER_PORT", "server.port",
            "TROLYSO_MAX_CONNECTIONS", "server.max-tcp-connections",
            "TROLYSO_DATA_DIR", "trolyso.data-dir",
            "TROLYSO_DB_URL", "trolyso.database.url",
            "TROLYSO_DB_USER", "trolyso.database.user",
            "TROLYSO_DB_PASSWORD", "trolyso.database.password",
            "TROLYSO_LOG_QUESTIONS", "trolyso.log-questions",
            "TROLYSO_RETENTION_DAYS", "trolyso.retention-days",
            "TROLYSO_TIME_ZONE", "trolyso.time-zone",
            "OLLAMA_ENABLED", "trolyso.ollama.enabled",
            "OLLAMA_BASE_URL", "trolyso.ollama.base-url",
            "OLLAMA_BASE_URLS", "trolyso.ollama.base-urls",
            "OLLAMA_PROBE_INTERVAL", "trolyso.ollama.probe-interval",
            "OLLAMA_MODEL", "trolyso.ollama.model",
            "OLLAMA_EMBED_MODEL", "trolyso.ollama.embed-model",
            "OLLAMA_NUM_CTX", "trolyso.ollama.num-ctx",
            "OLLAMA_TEMPERATURE", "trolyso.ollama.temperature",
            "OLLAMA_KEEP_ALIVE", "trolyso.ollama.keep-alive",
            "OLLAMA_CONNECT_TIMEOUT", "trolyso.ollama.connect-timeout",
            "OLLAMA_FIRST_TOKEN_TIMEOUT", "trolyso.ollama.first-token-timeout",
            "OLLAMA_DEADLINE", "trolyso.ollama.deadline",
            "OLLAMA_STALL_TIMEOUT", "trolyso.ollama.stall-timeout",
            "OLLAMA_NUM_PARALLEL", "trolyso.ollama.num-parallel",
            "OLLAMA_MAX_QUEUE", "trolyso.ollama.max-queue",
            "OLLAMA_WHEN_BUSY", "trolyso.ollama.when-busy",
            "TROLYSO_ADMIN_TOKEN", "trolyso.security.admin-token",
            "TROLYSO_REQUIRE_API_KEY", "trolyso.security.require-api-key",
            "TROLYSO_ANONYMOUS_SCOPES", "trolyso.security.anonymous-scopes",
            "TROLYSO_API_KEYS", "trolyso.security.api-keys",
            "TROLYSO_ALLOWED_ORIGINS", "trolyso.security.allowed-origins",
            "TROLYSO_TRUSTED_PROXIES", "trolyso.security.trusted-proxies",
            "TROLYSO_MAX_MESSAGE_CHARS", "trolyso.limits.max-message-chars",
            "TROLYSO_MAX_BODY_BYTES", "trolyso.limits.max-body-bytes",
            "TROLYSO_RATE_PER_MINUTE_IP", "trolyso.limits.rate-per-minute-ip",
            "TROLYSO_RATE_PER_MINUTE_KEY", "trolyso.limits.rate-per-minute-key",
            "TROLYSO_RATE_BURST", "trolyso.limits.rate-burst",
            "TROLYSO_ANSWER_TIMEOUT_SECONDS", "trolyso.limits.answer-timeout-seconds",
            "TROLYSO_MAX_UPLOAD_BYTES", "trolyso.limits.max-upload-bytes",
            "TROLYSO_HEADER_TIMEOUT", "trolyso.connections.header-timeout-seconds",
            "TROLYSO_BODY_READ_TIMEOUT", "trolyso.connections.body-read-timeout-seconds",
            "TROLYSO_IDLE_TIMEOUT", "trolyso.connections.idle-timeout-seconds",
            "TROLYSO_LEARNING_STAFF_TARGET_PERCENT", "trolyso.learning.progress-targets.staff-percent",
            "TROLYSO_LEARNING_PUPIL_TARGET_PERCENT", "trolyso.learning.progress-targets.pupil-percent");

    private ConfigVariables() {
    }

    /** The process environment: the one place the code reads it. */
    public static Map<String, String> environment() {
        return System.getenv();
    }

    /**
     * {@code application.yaml} on the classpath with the variables of {@code env} that are set (not blank) laid over
     * it. Other variables are ignored: only the names of {@link #ALIASES} configure the server. A variable whose key
     * is a list in the YAML holds a comma list and replaces the whole list (a plain value would not: Helidon merges a
     * value into a list node without replacing its elements).
     */
    public static Config tree(Map<String, String> env) {
        Config yaml = Config.just(ConfigSources.classpath("application.yaml"));
        ObjectNode.Builder overrides = ObjectNode.builder();
        ALIASES.forEach((variable, key) -> Optional.ofNullable(env.get(variable)).map(String::strip)
                .filter(v -> !v.isEmpty()).ifPresent(v -> {
                    if (yaml.get(key).type() == Config.Type.LIST) {
                        ListNode.Builder list = ListNode.builder();
                        ConfigValues.commaList(v).forEach(item -> list.addValue(ValueNode.create(item)));
                        overrides.addList(key, list.build());
                    } else {
                        overrides.addValue(key, v);
                    }
                }));
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides.build())) // the first source wins
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
    }

    /** How an error names a setting: "TROLYSO_RATE_BURST (trolyso.limits.rate-burst)", or the key alone. */
    static String describe(Config node) {
        String key = node.key().toString();
        return ALIASES.entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst()
                .map(e -> e.getKey() + " (" + key + ")").orElse(key);
    }

    private static SequencedMap<String, String> aliases(String... pairs) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (map.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("duplicate variable " + pairs[i]);
            }
        }
        return java.util.Collections.unmodifiableSequencedMap(map);
    }
}
