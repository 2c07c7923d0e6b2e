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
     * @param progress     what the person has done with it; null when not started
     */
    public record Step(Material module, String reason, List<String> domains, int level, ModuleProgress progress) {
        /** Completed: its check was passed ({@link PassMark}). Reading it or failing its check is not enough. */
        public boolean done() {
            return progress != null && progress.completed();
        }

        /** "not_started", "read", "attempted" or "completed". */
        public String status() {
            return progress == null ? "not_started" : progress.status().apiName();
        }

        public int attempts() {
            return progress == null ? 0 : progress.attempts();
        }

        /** Whether the last check attempt passed; null when never attempted. */
        public Boolean checksPassed() {
            return progress == null ? null : progress.checksPassed();
        }
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

    /** The first module not completed yet. */
    public Optional<Step> next() {
        return steps.stream().filter(s -> !s.done()).findFirst();
    }

    public boolean complete() {
        return steps.stream().allMatch(Step::done);
    }
}
