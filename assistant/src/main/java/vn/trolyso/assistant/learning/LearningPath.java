package vn.trolyso.assistant.learning;

import java.util.List;
import java.util.Optional;
import vn.trolyso.knowledge.materials.Material;

/**
 * The ordered modules a person should study, and how far they are.
 *
 * @param targetLevel      the level the person should reach
 * @param assessed         false until the person has taken the self-assessment (then only the basic modules are listed)
 * @param steps            the modules in study order
 * @param gaps             domains where the estimate is below the target, in framework order
 * @param uncoveredDomains gap domains no module of the library serves yet for this audience
 */
public record LearningPath(int targetLevel, boolean assessed, List<Step> steps, List<String> gaps,
                           List<String> uncoveredDomains) {

    /**
     * One module of the path.
     *
     * @param module       the module
     * @param reason       why it is on the path: "basic" (basic module of the audience) or "gap" (closes a gap)
     * @param domains      the gap domains it serves (empty for a basic module outside the gaps)
     * @param level        the lowest level of the gap it serves (0 for basic modules outside the gaps)
     * @param done         marked done
     * @param checksPassed check questions all right at the last attempt; null when never attempted
     */
    public record Step(Material module, String reason, List<String> domains, int level, boolean done, Boolean checksPassed) {
    }

    public LearningPath {
        steps = List.copyOf(steps);
        gaps = List.copyOf(gaps);
        uncoveredDomains = List.copyOf(uncoveredDomains);
    }

    public int totalMinutes() {
        return steps.stream().mapToInt(s -> s.module().durationMinutes()).sum();
    }

    public int remainingMinutes() {
        return steps.stream().filter(s -> !s.done()).mapToInt(s -> s.module().durationMinutes()).sum();
    }

    /** The first module not done yet. */
    public Optional<Step> next() {
        return steps.stream().filter(s -> !s.done()).findFirst();
    }

    public boolean complete() {
        return steps.stream().allMatch(Step::done);
    }
}
