package vn.trolyso.server.config;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.trolyso.assistant.llm.OllamaPoolSettings;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.server.http.ConnectionGuard;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.TrustedProxies;

/**
 * Reads the configuration tree into the typed settings the server hands down ({@link ServerConfig} and the records in
 * it). The one reader: defaults are those of application.yaml, the fallbacks here only cover a tree without them.
 */
final class ConfigReader {
    private ConfigReader() {
    }

    static ServerConfig read(Config tree) {
        Config server = tree.get("server");
        Config t = tree.get("trolyso");
        Config sec = t.get("security");
        Config lim = t.get("limits");
        ServerConfig.Limits limits = limits(lim);
        return new ServerConfig(server,
                ConfigValues.text(server.get("host"), "0.0.0.0"),
                ConfigValues.integer(server.get("port"), 8080),
                Path.of(ConfigValues.text(t.get("data-dir"), "./data")),
                ollama(t.get("ollama")),
                ConfigValues.text(t.get("ollama.embed-model")),
                ConfigValues.text(sec.get("admin-token")),
                ConfigValues.bool(sec.get("require-api-key"), false),
                Scope.parse(ConfigValues.list(sec.get("anonymous-scopes")).orElse(List.of("chat", "framework", "learning"))),
                apiKeys(sec.get("api-keys")),
                ConfigValues.list(sec.get("allowed-origins")).orElse(List.of()),
                limits,
                ConfigValues.bool(t.get("log-questions"), true),
                ReportSettings.from(t),
                TrustedProxies.parse(ConfigValues.list(sec.get("trusted-proxies")).orElse(List.of())),
                connections(server, t.get("connections")),
                LearningSettings.from(t.get("learning")),
                new OllamaPoolConfig(ConfigValues.text(t.get("ollama.base-urls"), ""),
                        ConfigValues.duration(t.get("ollama.probe-interval"), OllamaPoolSettings.DEFAULT_PROBE_INTERVAL)),
                new DatabaseSettings(ConfigValues.text(t.get("database.url"), ""),
                        ConfigValues.text(t.get("database.user"), ""),
                        ConfigValues.text(t.get("database.password"), "")));
    }

    private static ServerConfig.Limits limits(Config lim) {
        return new ServerConfig.Limits(ConfigValues.requiredInteger(lim.get("max-message-chars")),
                ConfigValues.requiredInteger(lim.get("max-body-bytes")),
                ConfigValues.requiredInteger(lim.get("rate-per-minute-ip")),
                ConfigValues.requiredInteger(lim.get("rate-per-minute-key")),
                ConfigValues.requiredInteger(lim.get("rate-burst")),
                Duration.ofSeconds(ConfigValues.requiredInteger(lim.get("answer-timeout-seconds"))),
                ConfigValues.requiredInteger(lim.get("max-upload-bytes")));
    }

    /** Ollama's settings from {@code trolyso.ollama}; the assistant's record, built from values read here. */
    static OllamaSettings ollama(Config o) {
        OllamaSettings d = OllamaSettings.defaults();
        try {
            return new OllamaSettings(
                    ConfigValues.bool(o.get("enabled"), d.enabled()),
                    ConfigValues.text(o.get("base-url"), d.baseUrl()),
                    ConfigValues.text(o.get("model"), d.model()),
                    ConfigValues.integer(o.get("num-ctx"), d.numCtx()),
                    ConfigValues.decimal(o.get("temperature"), d.temperature()),
                    ConfigValues.duration(o.get("keep-alive"), d.keepAlive()),
                    ConfigValues.duration(o.get("connect-timeout"), d.connectTimeout()),
                    ConfigValues.duration(o.get("first-token-timeout"), d.firstTokenTimeout()),
                    ConfigValues.duration(o.get("deadline"), d.overallDeadline()),
                    d.failureThreshold(),
                    d.coolDown(),
                    ConfigValues.integer(o.get("num-parallel"), d.numParallel()),
                    ConfigValues.integer(o.get("max-queue"), d.maxQueued()),
                    ConfigValues.duration(o.get("stall-timeout"), d.stallTimeout()),
                    whenBusy(o.get("when-busy"), d.whenBusy()));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("OLLAMA_") ? e
                    : new IllegalArgumentException("invalid OLLAMA_* settings: " + e.getMessage(), e);
        }
    }

    private static OllamaSettings.WhenBusy whenBusy(Config node, OllamaSettings.WhenBusy fallback) {
        return ConfigValues.text(node).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "fallback" -> OllamaSettings.WhenBusy.FALLBACK;
            case "reject" -> OllamaSettings.WhenBusy.REJECT;
            default -> throw new IllegalArgumentException(ConfigVariables.describe(node) + " must be fallback or reject: "
                    + v);
        }).orElse(fallback);
    }

    /** Read timeouts from {@code trolyso.connections}, the bound on open connections from Helidon's own key. */
    private static ConnectionGuard.Settings connections(Config server, Config c) {
        ConnectionGuard.Settings d = ConnectionGuard.Settings.defaults();
        return new ConnectionGuard.Settings(
                ConfigValues.positiveSeconds(c.get("header-timeout-seconds"), d.headerTimeout()),
                ConfigValues.positiveSeconds(c.get("body-read-timeout-seconds"), d.bodyReadTimeout()),
                ConfigValues.positiveSeconds(c.get("idle-timeout-seconds"), d.idleTimeout()),
                (int) ConfigValues.positiveWhole(server.get("max-tcp-connections"), d.maxConnections()),
                d.drainBytes());
    }

    /** A YAML list of {id, sha256, scopes}, or the entries of TROLYSO_API_KEYS: "id:scope+scope:sha256hex". */
    private static List<ApiKey> apiKeys(Config node) {
        if (!node.exists()) {
            return List.of();
        }
        if (node.isLeaf()) {
            return parseKeyList(node.asString().orElse(""));
        }
        List<ApiKey> keys = new ArrayList<>();
        for (Config k : node.asNodeList().orElse(List.of())) {
            if (k.isLeaf()) { // an entry of TROLYSO_API_KEYS
                keys.addAll(parseKeyList(k.asString().orElse("")));
                continue;
            }
            String id = k.get("id").asString().orElseThrow(() -> new IllegalArgumentException("API key without id"));
            List<String> scopes = ConfigValues.list(k.get("scopes"))
                    .orElseGet(() -> List.of(k.get("scope").asString().orElse("widget")));
            keys.add(new ApiKey(id, k.get("sha256").asString().orElse(""), Scope.parse(scopes)));
        }
        return keys;
    }

    static List<ApiKey> parseKeyList(String value) {
        List<ApiKey> keys = new ArrayList<>();
        for (String entry : ConfigValues.commaList(value)) {
            String[] parts = entry.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("TROLYSO_API_KEYS entries are id:scopes:sha256hex, got '"
                        + entry.replaceAll("[0-9a-fA-F]{16,}", "…") + "'");
            }
            keys.add(new ApiKey(parts[0].strip(), parts[2].strip(), Scope.parse(List.of(parts[1]))));
        }
        return keys;
    }

}
