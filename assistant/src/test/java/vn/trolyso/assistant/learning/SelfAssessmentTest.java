package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.Role;

class SelfAssessmentTest {
    static final CompetencyFramework FRAMEWORK = FrameworkLoader.loadBundled();
    final SelfAssessment assessment = new SelfAssessment(FRAMEWORK, new TargetLevels(FRAMEWORK, Map.of()));

    @Test
    void rewordsIndicatorsInTheFirstPerson() {
        assertEquals("Tôi có thể xác định nhu cầu thông tin.", SelfAssessment.firstPerson("Xác định được nhu cầu thông tin."));
        assertEquals("Tôi có thể thực hiện đánh giá được độ tin cậy.",
                SelfAssessment.firstPerson("Thực hiện đánh giá được độ tin cậy."), "only the marker right after the verb goes");
        assertEquals("Tôi có thể mô tả dữ liệu mà mình thu được.", SelfAssessment.firstPerson("Mô tả dữ liệu mà bạn thu được."));
        assertEquals("Tôi có thể AI hỗ trợ.", SelfAssessment.firstPerson("AI hỗ trợ."), "acronyms keep their case");
        assertEquals("Tôi có thể đánh giá độ tin cậy của các nguồn dữ liệu và tiến hành đánh giá được các dữ liệu khác nhau.",
                SelfAssessment.firstPerson("Đánh giá được độ tin cậy và độ tin cậy của các nguồn dữ liệu. Tiến hành đánh giá"
                        + " được các dữ liệu khác nhau."), "a phrase repeated in the source is said once; sentences joined");
    }

    @Test
    void noStatementOfAnyFormRepeatsAPhraseOrHasASecondSentence() {
        for (int grade = 1; grade <= 12; grade++) {
            for (Statement s : assessment.form(Role.HOC_SINH, grade).statements()) {
                assertTrue(!s.text().matches("(?U).*\\b(\\w+ \\w+(?: \\w+)?) và \\1\\b.*"), s.text());
                assertTrue(!s.text().substring(0, s.text().length() - 1).contains(". "), s.text());
            }
        }
    }

    @Test
    void formAsksAboutLevelsAroundTheTargetInEveryDomain() {
        assertEquals(List.of(1, 2, 3), assessment.form(Role.HOC_SINH, 2).levels());
        assertEquals(List.of(2, 3, 4), assessment.form(Role.HOC_SINH, 6).levels());
        assertEquals(List.of(3, 4, 5), assessment.form(Role.HOC_SINH, 11).levels());
        assertEquals(List.of(3, 4, 5), assessment.form(Role.GIAO_VIEN, null).levels(), "shifted below the highest level");
        assertEquals(List.of(2, 3, 4), assessment.form(Role.PHU_HUYNH, null).levels());

        SelfAssessment.Form form = assessment.form(Role.HOC_SINH, 8);
        assertEquals(4, form.targetLevel());
        assertEquals(6 * 3 * SelfAssessment.STATEMENTS_PER_LEVEL, form.statements().size());
        assertEquals(form.statements().size(), form.statements().stream().map(Statement::id).distinct().count());
        for (Statement s : form.statements()) {
            assertTrue(s.text().startsWith("Tôi có thể "), s.text());
            assertTrue(s.id().startsWith(s.competencyCode() + "."), s.id());
            assertTrue(s.competencyCode().startsWith(s.domainCode() + "."), s.id());
        }
        Map<String, Set<String>> competenciesPerDomainLevel = form.statements().stream().collect(Collectors.groupingBy(
                s -> s.domainCode() + "@" + s.level(), Collectors.mapping(Statement::competencyCode, Collectors.toSet())));
        competenciesPerDomainLevel.values().forEach(c -> assertEquals(2, c.size(), "two different competencies"));
    }

    @Test
    void pupilWithoutGradeIsRejected() {
        LearningException e = assertThrows(LearningException.class, () -> assessment.form(Role.HOC_SINH, null));
        assertEquals("grade_required", e.code());
    }

    @Test
    void allChuaGivesTheLevelBelowTheForm() {
        SelfAssessment.Form form = assessment.form(Role.HOC_SINH, 6); // levels 2, 3, 4
        List<SelfAssessment.DomainResult> results = assessment.score(form, answerAll(form, s -> AnswerChoice.CHUA));
        assertEquals(6, results.size());
        results.forEach(r -> assertEquals(1, r.estimatedLevel()));
        results.forEach(r -> assertEquals(3, r.targetLevel()));
        assertEquals("Cơ bản 1", results.getFirst().levelName());

        SelfAssessment.Form youngest = assessment.form(Role.HOC_SINH, 1); // levels 1, 2, 3
        SelfAssessment.DomainResult none = assessment.score(youngest, answerAll(youngest, s -> AnswerChoice.CHUA)).getFirst();
        assertEquals(0, none.estimatedLevel());
        assertEquals("Chưa đạt bậc 1", none.levelName());
    }

    @Test
    void allCoGivesTheHighestLevelOfTheForm() {
        SelfAssessment.Form form = assessment.form(Role.GIAO_VIEN, null);
        List<SelfAssessment.DomainResult> results = assessment.score(form, answerAll(form, s -> AnswerChoice.CO));
        results.forEach(r -> assertEquals(5, r.estimatedLevel()));
        results.forEach(r -> assertTrue(r.reachedTarget()));
        SelfAssessment.DomainResult first = results.getFirst();
        assertEquals("1", first.domainCode());
        assertEquals("Khai thác dữ liệu và thông tin", first.domainName());
        assertEquals("Nâng cao 1", first.levelName());
        assertTrue(first.levelWording().startsWith("Các nhiệm vụ và vấn đề khác nhau"), first.levelWording());
        assertEquals(3, first.descriptors().size());
        assertTrue(first.descriptors().getFirst().startsWith("1.1 Duyệt, tìm kiếm"), first.descriptors().getFirst());
    }

    @Test
    void mixedAnswersCountLevelsCumulativelyWithTheThreeQuarterThreshold() {
        SelfAssessment.Form form = assessment.form(Role.HOC_SINH, 6); // levels 2, 3, 4; two statements each
        Map<String, AnswerChoice> answers = answerAll(form, s -> switch (s.domainCode()) {
            // có + một phần = 0.75 at every level: reached everywhere
            case "1" -> isFirstOfLevel(form, s) ? AnswerChoice.CO : AnswerChoice.MOT_PHAN;
            // một phần everywhere = 0.5: nothing reached
            case "2" -> AnswerChoice.MOT_PHAN;
            // level 2 yes, level 3 no, level 4 yes: stops at the first unreached level
            case "3" -> s.level() == 3 ? AnswerChoice.CHUA : AnswerChoice.CO;
            // có + chưa = 0.5 at level 2: not reached
            case "4" -> isFirstOfLevel(form, s) ? AnswerChoice.CO : AnswerChoice.CHUA;
            // levels 2 and 3 yes, level 4 no
            default -> s.level() <= 3 ? AnswerChoice.CO : AnswerChoice.CHUA;
        });
        Map<String, Integer> estimates = assessment.score(form, answers).stream()
                .collect(Collectors.toMap(SelfAssessment.DomainResult::domainCode, SelfAssessment.DomainResult::estimatedLevel));
        assertEquals(Map.of("1", 4, "2", 1, "3", 2, "4", 1, "5", 3, "6", 3), estimates);
    }

    @Test
    void unknownAndMissingStatementsAreRejected() {
        SelfAssessment.Form form = assessment.form(Role.NHAN_VIEN, null);
        Map<String, AnswerChoice> answers = answerAll(form, s -> AnswerChoice.CO);
        // Domain 1 unanswered: neither the whole form nor a finished adaptive walk.
        form.statements().stream().filter(s -> s.domainCode().equals("1")).forEach(s -> answers.remove(s.id()));
        LearningException missing = assertThrows(LearningException.class, () -> assessment.score(form, answers));
        assertEquals("incomplete_assessment", missing.code());
        assertTrue(missing.getMessage().contains(AdaptiveAssessment.progress(form, answers).next().orElseThrow().id()));

        answers.put(form.statements().getFirst().id(), AnswerChoice.CO);
        answers.put("9.9.XX1a", AnswerChoice.CO);
        assertEquals("unknown_statement", assertThrows(LearningException.class, () -> assessment.score(form, answers)).code());
    }

    private static boolean isFirstOfLevel(SelfAssessment.Form form, Statement s) {
        return form.statements().stream().filter(o -> o.domainCode().equals(s.domainCode()) && o.level() == s.level())
                .findFirst().orElseThrow().equals(s);
    }

    static Map<String, AnswerChoice> answerAll(SelfAssessment.Form form, Function<Statement, AnswerChoice> choice) {
        Map<String, AnswerChoice> answers = new HashMap<>();
        form.statements().forEach(s -> answers.put(s.id(), choice.apply(s)));
        return answers;
    }
}
