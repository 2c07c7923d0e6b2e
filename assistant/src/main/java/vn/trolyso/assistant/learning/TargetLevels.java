package vn.trolyso.assistant.learning;

import java.util.EnumMap;
import java.util.Map;
import vn.trolyso.assistant.Role;
import vn.trolyso.knowledge.materials.Audience;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Level;

/**
 * The level (bậc) each person should reach. Pupils: the level the framework assigns to their grade (lớp 1–3 → 1,
 * 4–5 → 2, 6–7 → 3, 8–9 → 4, 10–12 → 5). Everyone else: a target per role, configurable per deployment.
 *
 * <p>Defaults for adults, on the framework's own scale (it is written for learners, the plans give no level for staff):
 * managers and teachers bậc 5 (Nâng cao 1, "hướng dẫn người khác": they must be able to guide the oldest pupils and
 * their colleagues); other staff bậc 4 (Trung cấp 2, independent on well-defined, non-routine tasks); parents bậc 3
 * (Trung cấp 1, independent on simple problems: enough to accompany a child online).
 */
public final class TargetLevels {
    public static final Map<Role, Integer> DEFAULTS = Map.of(
            Role.CAN_BO_QUAN_LY, 5, Role.GIAO_VIEN, 5, Role.NHAN_VIEN, 4, Role.PHU_HUYNH, 3);

    private final CompetencyFramework framework;
    private final Map<Role, Integer> byRole;

    /** @param overrides role targets replacing the defaults (pupils' targets always come from their grade) */
    public TargetLevels(CompetencyFramework framework, Map<Role, Integer> overrides) {
        this.framework = framework;
        Map<Role, Integer> merged = new EnumMap<>(DEFAULTS);
        overrides.forEach((role, level) -> {
            if (role == Role.HOC_SINH) {
                throw new IllegalArgumentException("Pupils' target level comes from their grade, not from configuration");
            }
            if (level < 1 || level > Level.HIGHEST_DESCRIBED) {
                throw new IllegalArgumentException("Target level for " + role.apiName() + " must be 1–"
                        + Level.HIGHEST_DESCRIBED + ": " + level);
            }
            merged.put(role, level);
        });
        this.byRole = Map.copyOf(merged);
    }

    /** The level a person with this role (and, for pupils, grade) should reach. */
    public int target(Role role, Integer grade) {
        if (role == Role.HOC_SINH) {
            if (grade == null) {
                throw LearningException.invalid("grade_required", "Học sinh cần cho biết lớp (1–12) để xác định bậc năng lực mục tiêu.");
            }
            return framework.levelForGrade(grade).orElseThrow().number();
        }
        return byRole.get(role);
    }

    /** Which audience of the training materials a role belongs to. */
    public static Audience audienceOf(Role role) {
        return switch (role) {
            case CAN_BO_QUAN_LY -> Audience.CBQL;
            case GIAO_VIEN -> Audience.GV;
            case NHAN_VIEN -> Audience.NV;
            case HOC_SINH -> Audience.HS;
            case PHU_HUYNH -> Audience.PHHS;
        };
    }
}
