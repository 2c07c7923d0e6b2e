package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.Role;

/**
 * The adaptive walk against the full form on generated answer patterns: every one of the 3^6 = 729 ways of answering
 * one domain's six statements, given to all six domains at once, for three forms (levels 1–3, 2–4, 4–6).
 */
class AdaptiveAssessmentTest {
    final SelfAssessment assessment = new SelfAssessment(SelfAssessmentTest.FRAMEWORK,
            new TargetLevels(SelfAssessmentTest.FRAMEWORK, Map.of()));
    static final AnswerChoice[] CHOICES = {AnswerChoice.CO, AnswerChoice.MOT_PHAN, AnswerChoice.CHUA};

    /** Figures for one form over the 729 patterns. */
    record Figures(int patterns, int consistent, int differing, int maxAsked, double meanAskedConsistent,
                   int minAsked) {
    }

    /** Answers the walk asks for, taking each answer from {@code full}, until it is finished. */
    static Map<String, AnswerChoice> walk(SelfAssessment.Form form, Map<String, AnswerChoice> full) {
        Map<String, AnswerChoice> asked = new LinkedHashMap<>();
        for (int guard = 0; guard <= form.statements().size(); guard++) {
            AdaptiveAssessment.Progress p = AdaptiveAssessment.progress(form, asked);
            assertTrue(p.expected() >= p.asked() && p.expected() <= form.statements().size());
            if (p.finished()) {
                return asked;
            }
            String id = p.next().orElseThrow().id();
            assertFalse(asked.containsKey(id), "never asks the same statement twice");
            asked.put(id, full.get(id));
        }
        throw new AssertionError("the walk did not finish");
    }

    Figures figures(SelfAssessment.Form form) {
        Map<String, List<Statement>> byDomain = new LinkedHashMap<>();
        form.statements().forEach(s -> byDomain.computeIfAbsent(s.domainCode(), k -> new ArrayList<>()).add(s));
        int consistent = 0;
        int differing = 0;
        int maxAsked = 0;
        int minAsked = Integer.MAX_VALUE;
        long askedConsistent = 0;
        for (int pattern = 0; pattern < 729; pattern++) {
            Map<String, AnswerChoice> full = new HashMap<>();
            for (List<Statement> statements : byDomain.values()) {
                int code = pattern;
                for (Statement s : statements) { // statements are in level order, two per level
                    full.put(s.id(), CHOICES[code % 3]);
                    code /= 3;
                }
            }
            List<SelfAssessment.DomainResult> fullResult = assessment.score(form, full);
            Map<String, AnswerChoice> asked = walk(form, full);
            List<SelfAssessment.DomainResult> adaptive = assessment.score(form, asked);
            boolean isConsistent = downwardClosed(form, byDomain.values().iterator().next(), full);
            boolean same = fullResult.stream().map(SelfAssessment.DomainResult::estimatedLevel).toList()
                    .equals(adaptive.stream().map(SelfAssessment.DomainResult::estimatedLevel).toList());
            if (isConsistent) {
                consistent++;
                askedConsistent += asked.size();
                assertTrue(same, "a consistent pattern must give the full form's estimate: " + full);
            }
            if (!same) {
                differing++;
            }
            maxAsked = Math.max(maxAsked, asked.size());
            minAsked = Math.min(minAsked, asked.size());
        }
        return new Figures(729, consistent, differing, maxAsked, askedConsistent / (double) consistent, minAsked);
    }

    /** Whether the levels reached (mean credit ≥ ¾) are "downward closed": a reached level has every lower one reached. */
    static boolean downwardClosed(SelfAssessment.Form form, List<Statement> statements, Map<String, AnswerChoice> answers) {
        boolean failedBelow = false;
        for (int level : form.levels()) {
            double mean = statements.stream().filter(s -> s.level() == level).mapToDouble(s -> answers.get(s.id()).credit())
                    .average().orElse(0);
            boolean reached = mean >= SelfAssessment.REACHED_SHARE;
            if (reached && failedBelow) {
                return false;
            }
            failedBelow |= !reached;
        }
        return true;
    }

    @Test
    void adaptiveEstimateEqualsTheFullFormOnEveryConsistentPattern() {
        SelfAssessment.Form grade7 = assessment.form(Role.HOC_SINH, 7);
        SelfAssessment.Form grade1 = assessment.form(Role.HOC_SINH, 1);
        SelfAssessment.Form teacher = assessment.form(Role.GIAO_VIEN, null);
        assertEquals(List.of(2, 3, 4), grade7.levels());   // target 3: the walk starts in the middle
        assertEquals(List.of(1, 2, 3), grade1.levels());   // target 1: starts at the bottom
        assertEquals(List.of(3, 4, 5), teacher.levels());  // target 5: starts at the top
        Figures g7 = figures(grade7);
        Figures g1 = figures(grade1);
        Figures t = figures(teacher);
        System.out.println("adaptive vs full form: grade 7 " + g7 + "; grade 1 " + g1 + "; teacher " + t);
        // Figures documented in docs/hoc-tap.md. 405 of the 729 patterns are consistent (downward closed); on every
        // one of them the estimates are equal (asserted inside figures()). The inconsistent ones differ where the walk
        // presumed a lower level reached that the answers say is not: starting in the middle, half of them; starting
        // at the top, all; starting at the bottom the walk is the full form's own rule, so none.
        assertEquals(new Figures(729, 405, 162, 24, g7.meanAskedConsistent(), 12), g7);
        assertEquals(new Figures(729, 405, 0, 36, g1.meanAskedConsistent(), 6), g1);
        assertEquals(new Figures(729, 405, 324, 36, t.meanAskedConsistent(), 12), t);
    }

    /** Statements asked of someone who answers "có" up to level {@code reached} and "chưa" above. */
    int askedOfPersonAt(SelfAssessment.Form form, int reached) {
        return walk(form, SelfAssessmentTest.answerAll(form, s -> s.level() <= reached ? AnswerChoice.CO : AnswerChoice.CHUA)).size();
    }

    @Test
    void statementsAskedOfConsistentPeopleAroundTheTarget() {
        SelfAssessment.Form grade7 = assessment.form(Role.HOC_SINH, 7);
        assertEquals(List.of(12, 18, 18, 24), List.of(askedOfPersonAt(grade7, 1), askedOfPersonAt(grade7, 2),
                askedOfPersonAt(grade7, 3), askedOfPersonAt(grade7, 4)));
        SelfAssessment.Form teacher = assessment.form(Role.GIAO_VIEN, null);
        assertEquals(List.of(18, 24, 18, 12), List.of(askedOfPersonAt(teacher, 2), askedOfPersonAt(teacher, 3),
                askedOfPersonAt(teacher, 4), askedOfPersonAt(teacher, 5)));
    }

    @Test
    void aPupilAtTargetAnswersEighteenStatements() {
        SelfAssessment.Form form = assessment.form(Role.HOC_SINH, 7);
        // Reaches bậc 2 and 3, not 4: "có" up to the target, "chưa" above.
        Map<String, AnswerChoice> full = SelfAssessmentTest.answerAll(form, s -> s.level() <= 3 ? AnswerChoice.CO : AnswerChoice.CHUA);
        Map<String, AnswerChoice> asked = walk(form, full);
        assertEquals(18, asked.size(), "per domain: two at bậc 3, one 'chưa' at bậc 4");
        assessment.score(form, asked).forEach(r -> assertEquals(3, r.estimatedLevel()));
        AdaptiveAssessment.Progress first = AdaptiveAssessment.progress(form, Map.of());
        assertEquals(3, first.next().orElseThrow().level(), "starts at the target level");
        assertEquals(24, first.expected());
    }

    @Test
    void anUnfinishedWalkIsIncomplete() {
        SelfAssessment.Form form = assessment.form(Role.HOC_SINH, 7);
        Statement first = AdaptiveAssessment.progress(form, Map.of()).next().orElseThrow();
        LearningException e = org.junit.jupiter.api.Assertions.assertThrows(LearningException.class,
                () -> assessment.score(form, Map.of(first.id(), AnswerChoice.CO)));
        assertEquals("incomplete_assessment", e.code());
    }
}
