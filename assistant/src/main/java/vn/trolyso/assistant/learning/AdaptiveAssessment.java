package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shorter self-assessment: the statements of the full {@link SelfAssessment.Form}, asked adaptively. Per domain
 * it starts at the level of the form closest to the person's target and walks: a level reached → one level up, until
 * a level is not reached or the form has no higher level; a level not reached → one level down, until one is reached
 * or there is none lower. A level is decided as soon as its remaining answers cannot change the outcome (with two
 * statements, a first "chưa" fails the level at once).
 *
 * <p>The estimate is the highest level reached on the walk (lowest level − 1 when none is). The full form's rule is
 * cumulative (every level up to the estimate reached); the walk presumes the levels below a reached level are
 * reached. So both agree on every answer pattern whose reached levels are "downward closed" (someone who reaches a
 * level also reaches the easier ones), and may differ only on inconsistent patterns: see AdaptiveAssessmentTest for
 * the figures.
 */
public final class AdaptiveAssessment {
    private AdaptiveAssessment() {
    }

    /**
     * Where the walk stands for a set of answers.
     *
     * @param next      the next statement to ask, empty when every domain is decided
     * @param asked     statements answered that the walk used
     * @param expected  asked + an estimate of those still to come (each open domain: the rest of its current level,
     *                  plus one more level of statements while it is still at its first level)
     * @param estimates estimated level per domain code, for the decided domains
     */
    public record Progress(Optional<Statement> next, int asked, int expected, Map<String, Integer> estimates) {
        public boolean finished() {
            return next.isEmpty();
        }
    }

    public static Progress progress(SelfAssessment.Form form, Map<String, AnswerChoice> answers) {
        Map<String, List<Statement>> byDomain = new LinkedHashMap<>();
        form.statements().forEach(s -> byDomain.computeIfAbsent(s.domainCode(), k -> new ArrayList<>()).add(s));
        int start = startIndex(form);
        Statement next = null;
        int asked = 0;
        int expected = 0;
        Map<String, Integer> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, List<Statement>> domain : byDomain.entrySet()) {
            Walk walk = walk(form.levels(), start, domain.getValue(), answers);
            asked += walk.asked();
            expected += walk.asked() + walk.remaining();
            if (walk.next() != null) {
                if (next == null) {
                    next = walk.next();
                }
            } else {
                estimates.put(domain.getKey(), walk.estimate());
            }
        }
        return new Progress(Optional.ofNullable(next), asked, expected, estimates);
    }

    /** The form level the walk starts at: the target, or the nearest level the form has. */
    static int startIndex(SelfAssessment.Form form) {
        List<Integer> levels = form.levels();
        int best = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (Math.abs(levels.get(i) - form.targetLevel()) < Math.abs(levels.get(best) - form.targetLevel())) {
                best = i;
            }
        }
        return best;
    }

    /** One domain's walk: the next statement (null when decided), the estimate once decided. */
    private record Walk(Statement next, int estimate, int asked, int remaining) {
    }

    private static Walk walk(List<Integer> levels, int start, List<Statement> statements,
                             Map<String, AnswerChoice> answers) {
        int i = start;
        int asked = 0;
        Boolean direction = null; // true: going up, false: going down
        while (true) {
            int level = levels.get(i);
            List<Statement> atLevel = statements.stream().filter(s -> s.level() == level).toList();
            double sum = 0;
            int answered = 0;
            Boolean reached = null;
            Statement next = null;
            for (Statement s : atLevel) {
                reached = decided(sum, answered, atLevel.size());
                if (reached != null) {
                    break;
                }
                AnswerChoice a = answers.get(s.id());
                if (a == null) {
                    next = s;
                    break;
                }
                sum += a.credit();
                answered++;
                asked++;
            }
            if (next == null && reached == null) {
                reached = decided(sum, answered, atLevel.size());
            }
            if (next != null) {
                int rest = atLevel.size() - answered + (direction == null ? 2 : 0);
                return new Walk(next, 0, asked, rest);
            }
            if (reached) {
                if (direction == Boolean.FALSE || i == levels.size() - 1) {
                    return new Walk(null, level, asked, 0);
                }
                direction = true;
                i++;
            } else {
                if (direction == Boolean.TRUE) {
                    return new Walk(null, levels.get(i - 1), asked, 0);
                }
                if (i == 0) {
                    return new Walk(null, level - 1, asked, 0);
                }
                direction = false;
                i--;
            }
        }
    }

    /**
     * Whether a level is reached (mean credit ≥ {@link SelfAssessment#REACHED_SHARE}) already decided by the answers
     * so far: TRUE/FALSE when the rest cannot change it, null when it can.
     */
    private static Boolean decided(double sum, int answered, int total) {
        if (total == 0) {
            return false;
        }
        double atLeast = sum / total;
        double atMost = (sum + (total - answered)) / total;
        if (atLeast >= SelfAssessment.REACHED_SHARE) {
            return true;
        }
        if (atMost < SelfAssessment.REACHED_SHARE) {
            return false;
        }
        return answered == total ? Boolean.valueOf(atLeast >= SelfAssessment.REACHED_SHARE) : null;
    }
}
