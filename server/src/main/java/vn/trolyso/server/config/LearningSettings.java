package vn.trolyso.server.config;

import io.helidon.config.Config;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.learning.ProgressTargets;

/**
 * The learning configuration under {@code trolyso.learning}: target levels per role and the shares the plans ask for
 * (overall and per school). The two overall shares have variables (TROLYSO_LEARNING_STAFF_TARGET_PERCENT and
 * TROLYSO_LEARNING_PUPIL_TARGET_PERCENT, see {@link ConfigVariables}).
 */
public record LearningSettings(Map<Role, Integer> targetLevels, ProgressTargets progressTargets) {

    static LearningSettings from(Config learning) {
        Map<Role, Integer> levels = new EnumMap<>(Role.class);
        for (Config node : learning.get("target-levels").asNodeList().orElse(List.of())) {
            Role role = Role.fromApiName(node.name()).orElseThrow(() -> new IllegalArgumentException(
                    "trolyso.learning.target-levels: unknown role '" + node.name() + "'"));
            levels.put(role, ConfigValues.requiredInteger(node));
        }
        Config targets = learning.get("progress-targets");
        double staff = percent(targets.get("staff-percent"), 95.0);
        double pupils = percent(targets.get("pupil-percent"), 100.0);
        Map<String, ProgressTargets.Targets> bySchool = new LinkedHashMap<>();
        for (Config school : targets.get("schools").asNodeList().orElse(List.of())) {
            String name = school.get("name").asString().orElseThrow(() -> new IllegalArgumentException(
                    "trolyso.learning.progress-targets.schools: every entry needs a name"));
            bySchool.put(name, new ProgressTargets.Targets(percent(school.get("staff-percent"), staff),
                    percent(school.get("pupil-percent"), pupils)));
        }
        return new LearningSettings(Map.copyOf(levels),
                new ProgressTargets(new ProgressTargets.Targets(staff, pupils), bySchool));
    }

    private static double percent(Config node, double fallback) {
        return ConfigValues.text(node).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ConfigVariables.describe(node) + " must be a number 0–100: " + v);
            }
        }).orElse(fallback);
    }
}
