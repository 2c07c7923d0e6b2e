package vn.trolyso.server.learning;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.learning.ProgressTargets;
import vn.trolyso.server.config.ServerConfig;

/**
 * The learning configuration under {@code trolyso.learning} in application.yaml: target levels per role and the
 * shares the plans ask for (overall and per school). The two overall shares can be overridden by environment variables
 * TROLYSO_LEARNING_STAFF_TARGET_PERCENT and TROLYSO_LEARNING_PUPIL_TARGET_PERCENT.
 */
record LearningSettings(Map<Role, Integer> targetLevels, ProgressTargets progressTargets) {

    static LearningSettings load() {
        Config yaml = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        return from(yaml.get("trolyso.learning"), ServerConfig.environment());
    }

    static LearningSettings from(Config learning, Map<String, String> env) {
        Map<Role, Integer> levels = new EnumMap<>(Role.class);
        for (Config node : learning.get("target-levels").asNodeList().orElse(java.util.List.of())) {
            Role role = Role.fromApiName(node.name()).orElseThrow(() -> new IllegalArgumentException(
                    "trolyso.learning.target-levels: unknown role '" + node.name() + "'"));
            levels.put(role, node.asInt().get());
        }
        Function<String, Optional<Double>> envPercent = name -> Optional.ofNullable(env.get(name)).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> {
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " must be a number 0–100: " + v);
                    }
                });
        Config targets = learning.get("progress-targets");
        double staff = envPercent.apply("TROLYSO_LEARNING_STAFF_TARGET_PERCENT")
                .orElseGet(() -> targets.get("staff-percent").asDouble().orElse(95.0));
        double pupils = envPercent.apply("TROLYSO_LEARNING_PUPIL_TARGET_PERCENT")
                .orElseGet(() -> targets.get("pupil-percent").asDouble().orElse(100.0));
        ProgressTargets.Targets defaults = new ProgressTargets.Targets(staff, pupils);
        Map<String, ProgressTargets.Targets> bySchool = new LinkedHashMap<>();
        for (Config school : targets.get("schools").asNodeList().orElse(java.util.List.of())) {
            String name = school.get("name").asString().orElseThrow(() -> new IllegalArgumentException(
                    "trolyso.learning.progress-targets.schools: every entry needs a name"));
            bySchool.put(name, new ProgressTargets.Targets(
                    school.get("staff-percent").asDouble().orElse(staff),
                    school.get("pupil-percent").asDouble().orElse(pupils)));
        }
        return new LearningSettings(Map.copyOf(levels), new ProgressTargets(defaults, bySchool));
    }
}
