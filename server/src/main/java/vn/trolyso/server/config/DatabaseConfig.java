package vn.trolyso.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.assistant.store.DatabaseSettings;

/**
 * The database a node uses: {@code trolyso.database} of application.yaml, overridden by TROLYSO_DB_URL,
 * TROLYSO_DB_USER and TROLYSO_DB_PASSWORD. No URL = the embedded H2 under the data directory (one school's machine);
 * a {@code jdbc:postgresql://…} URL = a PostgreSQL shared by every node of a ward or province.
 */
public final class DatabaseConfig {
    private DatabaseConfig() {
    }

    public static DatabaseSettings load(Map<String, String> env) {
        Config yaml = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml"))
                .build()
                .get("trolyso.database");
        return new DatabaseSettings(value(env, "TROLYSO_DB_URL", yaml.get("url")),
                value(env, "TROLYSO_DB_USER", yaml.get("user")),
                value(env, "TROLYSO_DB_PASSWORD", yaml.get("password")));
    }

    private static String value(Map<String, String> env, String variable, Config node) {
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank())
                .orElseGet(() -> node.asString().orElse(""));
    }
}
