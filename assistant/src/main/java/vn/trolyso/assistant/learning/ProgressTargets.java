package vn.trolyso.assistant.learning;

import java.util.Map;

/**
 * The shares the plans ask schools to reach, configurable per school. Defaults: 95 % of staff (Đoàn Lập's target for
 * 2025–2026) and 100 % of pupils (every pupil knows the basics of safe internet use).
 *
 * @param defaults targets of any school without its own
 * @param bySchool targets of named schools (key: the school name as profiles write it)
 */
public record ProgressTargets(Targets defaults, Map<String, Targets> bySchool) {
    public static final ProgressTargets DEFAULT = new ProgressTargets(new Targets(95, 100), Map.of());

    /** Target shares in percent. */
    public record Targets(double staffPercent, double pupilPercent) {
        public Targets {
            if (staffPercent < 0 || staffPercent > 100 || pupilPercent < 0 || pupilPercent > 100) {
                throw new IllegalArgumentException("Target percentages must be 0–100");
            }
        }
    }

    public ProgressTargets {
        bySchool = Map.copyOf(bySchool);
    }

    public Targets forSchool(String school) {
        return school == null ? defaults : bySchool.getOrDefault(school, defaults);
    }
}
