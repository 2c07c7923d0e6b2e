package vn.trolyso.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.trolyso.server.security.Secrets;

/**
 * Every variable of the alias table (the table the operator guide documents) reaches its own setting: setting it to a
 * value other than the default changes exactly what it names.
 */
class ConfigVariablesTest {
    private record Case(String value, Function<ServerConfig, Object> setting) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void is(String variable, String value, Function<ServerConfig, Object> setting) {
        CASES.put(variable, new Case(value, setting));
    }

    static {
        is("SERVER_HOST", "127.0.0.1", ServerConfig::host);
        is("SERVER_PORT", "9090", ServerConfig::port);
        is("TROLYSO_MAX_CONNECTIONS", "50", c -> c.connections().maxConnections());
        is("TROLYSO_DATA_DIR", "/srv/trolyso", ServerConfig::dataDir);
        is("TROLYSO_DB_URL", "jdbc:postgresql://db:5432/trolyso", c -> c.database().url());
        is("TROLYSO_DB_USER", "trolyso", c -> c.database().user());
        is("TROLYSO_DB_PASSWORD", "s3cret", c -> c.database().password());
        is("TROLYSO_LOG_QUESTIONS", "false", ServerConfig::logQuestions);
        is("TROLYSO_RETENTION_DAYS", "30", c -> c.reports().retentionDays());
        is("TROLYSO_TIME_ZONE", "UTC", c -> c.reports().timeZone());
        is("OLLAMA_ENABLED", "false", c -> c.ollama().enabled());
        is("OLLAMA_BASE_URL", "http://gpu:11434", c -> c.ollama().baseUrl());
        is("OLLAMA_BASE_URLS", "http://gpu1:11434=4,http://gpu2:11434", c -> c.ollamaPool().baseUrls());
        is("OLLAMA_PROBE_INTERVAL", "5s", c -> c.ollamaPool().probeInterval());
        is("OLLAMA_MODEL", "gemma3:4b", c -> c.ollama().model());
        is("OLLAMA_EMBED_MODEL", "bge-m3", ServerConfig::ollamaEmbedModel);
        is("OLLAMA_NUM_CTX", "8192", c -> c.ollama().numCtx());
        is("OLLAMA_TEMPERATURE", "0.3", c -> c.ollama().temperature());
        is("OLLAMA_KEEP_ALIVE", "10m", c -> c.ollama().keepAlive());
        is("OLLAMA_CONNECT_TIMEOUT", "500ms", c -> c.ollama().connectTimeout());
        is("OLLAMA_FIRST_TOKEN_TIMEOUT", "PT45S", c -> c.ollama().firstTokenTimeout());
        is("OLLAMA_DEADLINE", "90", c -> c.ollama().overallDeadline());
        is("OLLAMA_STALL_TIMEOUT", "5s", c -> c.ollama().stallTimeout());
        is("OLLAMA_NUM_PARALLEL", "2", c -> c.ollama().numParallel());
        is("OLLAMA_MAX_QUEUE", "10", c -> c.ollama().maxQueued());
        is("OLLAMA_WHEN_BUSY", "reject", c -> c.ollama().whenBusy());
        is("TROLYSO_ADMIN_TOKEN", "t0ken", ServerConfig::adminToken);
        is("TROLYSO_REQUIRE_API_KEY", "yes", ServerConfig::requireApiKey);
        is("TROLYSO_ANONYMOUS_SCOPES", "chat", ServerConfig::anonymousScopes);
        is("TROLYSO_API_KEYS", "cong:portal:" + Secrets.sha256Hex("k"), ServerConfig::apiKeys);
        is("TROLYSO_ALLOWED_ORIGINS", "https://a.edu.vn,https://b.edu.vn", ServerConfig::allowedOrigins);
        is("TROLYSO_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8", ServerConfig::trustedProxies);
        is("TROLYSO_MAX_MESSAGE_CHARS", "1000", c -> c.limits().maxMessageChars());
        is("TROLYSO_MAX_BODY_BYTES", "1024", c -> c.limits().maxBodyBytes());
        is("TROLYSO_RATE_PER_MINUTE_IP", "60", c -> c.limits().ratePerMinuteIp());
        is("TROLYSO_RATE_PER_MINUTE_KEY", "60", c -> c.limits().ratePerMinuteKey());
        is("TROLYSO_RATE_BURST", "7", c -> c.limits().rateBurst());
        is("TROLYSO_ANSWER_TIMEOUT_SECONDS", "30", c -> c.limits().answerTimeout());
        is("TROLYSO_MAX_UPLOAD_BYTES", "1000000", c -> c.limits().maxUploadBytes());
        is("TROLYSO_HEADER_TIMEOUT", "3", c -> c.connections().headerTimeout());
        is("TROLYSO_BODY_READ_TIMEOUT", "4s", c -> c.connections().bodyReadTimeout());
        is("TROLYSO_IDLE_TIMEOUT", "5", c -> c.connections().idleTimeout());
        is("TROLYSO_LEARNING_STAFF_TARGET_PERCENT", "80",
                c -> c.learning().progressTargets().defaults().staffPercent());
        is("TROLYSO_LEARNING_PUPIL_TARGET_PERCENT", "90",
                c -> c.learning().progressTargets().defaults().pupilPercent());
    }

    @Test
    void everyVariableIsCoveredHereAndInTheGuide() throws Exception {
        assertEquals(new TreeSet<>(ConfigVariables.ALIASES.keySet()), new TreeSet<>(CASES.keySet()));
        TreeSet<String> documented = new TreeSet<>(ConfigurationDocsTest.documented().keySet());
        documented.remove("TROLYSO_HEAP"); // the ./trolyso script's, not the server's
        assertEquals(documented, new TreeSet<>(ConfigVariables.ALIASES.keySet()));
    }

    @Test
    void everyVariableChangesItsSetting() {
        ServerConfig defaults = ServerConfig.load(Map.of());
        CASES.forEach((variable, c) -> {
            ServerConfig set = ServerConfig.load(Map.of(variable, c.value()));
            assertNotEquals(c.setting().apply(defaults), c.setting().apply(set), variable + "=" + c.value());
            for (Map.Entry<String, Case> other : CASES.entrySet()) { // and nothing else
                if (!other.getKey().equals(variable)) {
                    assertEquals(other.getValue().setting().apply(defaults), other.getValue().setting().apply(set),
                            variable + " must not change what " + other.getKey() + " sets");
                }
            }
        });
    }


    @Test
    void blankVariablesAreUnset() {
        ServerConfig defaults = ServerConfig.load(Map.of());
        CASES.forEach((variable, c) -> assertEquals(c.setting().apply(defaults),
                c.setting().apply(ServerConfig.load(Map.of(variable, "  "))), variable));
    }
}
