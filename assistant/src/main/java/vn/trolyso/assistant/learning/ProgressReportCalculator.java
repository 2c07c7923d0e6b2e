package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
     * @param modules     progress by module id (only completed modules, i.e. passed checks, count as done)
     */
    public record Learner(Role role, int targetLevel, Map<String, Integer> estimates, Map<String, ModuleProgress> modules) {
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
        rows.add(new ProgressReport.Row("basic_modules", "Hoàn thành các học phần cơ bản", basicsDone, people.size(), target,
                checks(people, Material::basic, true), checks(people, Material::basic, false)));
        for (Domain domain : framework.domains()) {
            int reached = (int) people.stream()
                    .filter(l -> l.estimates().getOrDefault(domain.code(), 0) >= l.targetLevel()).count();
            Predicate<Material> serves = m -> m.domains().contains(domain.code());
            rows.add(new ProgressReport.Row("domain_" + domain.code(), "Đạt bậc mục tiêu – miền " + domain.code() + ". "
                    + domain.name(), reached, people.size(), target, checks(people, serves, true), checks(people, serves, false)));
        }
        return new ProgressReport.Group(key, label, people.size(), target, rows);
    }

    /** Completed every basic module of their audience, i.e. passed each one's check. */
    private boolean completedBasics(Learner learner) {
        Audience audience = TargetLevels.audienceOf(learner.role());
        return materials.stream().filter(m -> m.basic() && m.isFor(audience))
                .allMatch(m -> learner.modules().containsKey(m.id()) && learner.modules().get(m.id()).completed());
    }

    /**
     * Module checks, among the modules of each person's audience that {@code which} selects: passed ones when
     * {@code passed}, else attempted ones (at least one attempt, passed or not).
     */
    private int checks(List<Learner> people, Predicate<Material> which, boolean passed) {
        int count = 0;
        for (Learner l : people) {
            Audience audience = TargetLevels.audienceOf(l.role());
            for (Material m : materials) {
                ModuleProgress p = l.modules().get(m.id());
                if (p != null && m.isFor(audience) && which.test(m) && (passed ? p.completed() : p.attempts() > 0)) {
                    count++;
                }
            }
        }
        return count;
    }
}
