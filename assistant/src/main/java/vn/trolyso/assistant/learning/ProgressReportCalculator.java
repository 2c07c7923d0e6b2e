package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.trolyso.assistant.Role;
import vn.trolyso.knowledge.materials.Audience;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;

/**
 * Computes the {@link ProgressReport} from every learner's state. Parents are not counted: the plans report on staff
 * and pupils. A person who has not taken the self-assessment has not reached their target in any domain.
 */
public final class ProgressReportCalculator {
    private final CompetencyFramework framework;
    private final List<Material> materials;

    public ProgressReportCalculator(CompetencyFramework framework, List<Material> materials) {
        this.framework = framework;
        this.materials = List.copyOf(materials);
    }

    /**
     * What the report needs about one person.
     *
     * @param estimates   estimated level per domain from the latest self-assessment (empty when never assessed)
     * @param doneModules ids of the modules marked done
     */
    public record Learner(Role role, int targetLevel, Map<String, Integer> estimates, Set<String> doneModules) {
    }

    public ProgressReport report(String school, ProgressTargets.Targets targets, List<Learner> learners) {
        List<Learner> staff = learners.stream().filter(l -> TargetLevels.audienceOf(l.role()).isStaff()).toList();
        List<Learner> pupils = learners.stream().filter(l -> l.role() == Role.HOC_SINH).toList();
        return new ProgressReport(school, List.of(
                group("staff", "Cán bộ quản lý, giáo viên, nhân viên", staff, targets.staffPercent()),
                group("pupils", "Học sinh", pupils, targets.pupilPercent())));
    }

    private ProgressReport.Group group(String key, String label, List<Learner> people, double target) {
        List<ProgressReport.Row> rows = new ArrayList<>();
        int basicsDone = (int) people.stream().filter(this::completedBasics).count();
        rows.add(new ProgressReport.Row("basic_modules", "Hoàn thành các học phần cơ bản", basicsDone, people.size(), target));
        for (Domain domain : framework.domains()) {
            int reached = (int) people.stream()
                    .filter(l -> l.estimates().getOrDefault(domain.code(), 0) >= l.targetLevel()).count();
            rows.add(new ProgressReport.Row("domain_" + domain.code(), "Đạt bậc mục tiêu – miền " + domain.code() + ". "
                    + domain.name(), reached, people.size(), target));
        }
        return new ProgressReport.Group(key, label, people.size(), target, rows);
    }

    private boolean completedBasics(Learner learner) {
        Audience audience = TargetLevels.audienceOf(learner.role());
        return materials.stream().filter(m -> m.basic() && m.isFor(audience))
                .allMatch(m -> learner.doneModules().contains(m.id()));
    }
}
