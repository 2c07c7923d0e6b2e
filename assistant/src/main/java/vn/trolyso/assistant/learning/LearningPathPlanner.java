package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.trolyso.knowledge.materials.Audience;
import vn.trolyso.knowledge.materials.Material;

/**
 * Orders the modules that close the gap between a person's estimated and target level.
 *
 * <p>A module is on the path when it is written for the person's audience and either is a basic module of that
 * audience, or serves a gap domain at a level above the estimate and up to the target. Order: basic modules first,
 * then by the lowest gap level served (fill the lower levels first), then by domain, then by id.
 */
public final class LearningPathPlanner {
    private final List<Material> materials;

    public LearningPathPlanner(List<Material> materials) {
        this.materials = List.copyOf(materials);
    }

    /**
     * @param audience  the person's audience
     * @param target    their target level
     * @param estimates estimated level per domain code from their latest self-assessment; empty when not assessed
     * @param progress  what they have done, by module id
     */
    public LearningPath plan(Audience audience, int target, Map<String, Integer> estimates,
                             Map<String, ModuleProgress> progress) {
        List<String> gaps = estimates.entrySet().stream().filter(e -> e.getValue() < target).map(Map.Entry::getKey)
                .sorted().toList();
        List<LearningPath.Step> steps = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Material m : materials) {
            if (!m.isFor(audience)) {
                continue;
            }
            List<String> domains = new ArrayList<>();
            int lowest = Integer.MAX_VALUE;
            for (String domain : gaps) {
                if (!m.domains().contains(domain)) {
                    continue;
                }
                int estimate = estimates.get(domain);
                int level = m.levels().stream().filter(l -> l > estimate && l <= target).findFirst().orElse(-1);
                if (level > 0) {
                    domains.add(domain);
                    lowest = Math.min(lowest, level);
                }
            }
            if (m.basic() || !domains.isEmpty()) {
                covered.addAll(domains);
                steps.add(new LearningPath.Step(m, m.basic() ? "basic" : "gap", domains,
                        domains.isEmpty() ? 0 : lowest, progress.get(m.id())));
            }
        }
        steps.sort(Comparator.comparing((LearningPath.Step s) -> !s.module().basic())
                .thenComparingInt(LearningPath.Step::level)
                .thenComparing(s -> s.domains().isEmpty() ? "" : s.domains().getFirst())
                .thenComparing(s -> s.module().id()));
        List<String> uncovered = gaps.stream().filter(d -> !covered.contains(d)).toList();
        return new LearningPath(target, !estimates.isEmpty(), steps, gaps, uncovered);
    }
}
