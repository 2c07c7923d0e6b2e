package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.materials.MaterialLibrary;

class LearningServiceTest {
    @TempDir
    Path dataDir;

    static LearningService service(Database db) {
        CompetencyFramework framework = FrameworkLoader.loadBundled();
        return new LearningService(MaterialLibrary.bundled(), framework, new TargetLevels(framework, Map.of()),
                ProgressTargets.DEFAULT, new LearningStore(db, Clock.systemUTC()));
    }

    @Test
    void profileAssessmentAndProgressSurviveARestart() {
        String id;
        String firstModule;
        try (Database db = Database.open(dataDir)) {
            LearningService learning = service(db);
            Profile p = learning.createProfile(Role.HOC_SINH, 7, "  Lan ", "THCS Đoàn Lập");
            id = p.id();
            assertEquals("Lan", p.displayName());
            SelfAssessment.Form form = learning.assessmentForm(Role.HOC_SINH, 7);
            learning.assess(id, SelfAssessmentTest.answerAll(form, s -> s.level() <= 2 ? AnswerChoice.CO : AnswerChoice.CHUA));
            LearningPath path = learning.path(id);
            assertTrue(path.assessed());
            firstModule = path.next().orElseThrow().module().id();
            Material m = learning.material(firstModule);
            List<Integer> right = m.checkQuestions().stream().map(q -> q.correctIndex()).toList();
            LearningService.CheckResult check = learning.markDone(id, firstModule, right);
            assertTrue(check.passed());
        }
        try (Database db = Database.open(dataDir)) {
            LearningService learning = service(db);
            Profile p = learning.profile(id);
            assertEquals(Role.HOC_SINH, p.role());
            assertEquals(7, p.grade());
            assertEquals("THCS Đoàn Lập", p.school());
            List<SelfAssessment.DomainResult> latest = learning.latestResult(id).orElseThrow();
            assertEquals(6, latest.size());
            latest.forEach(r -> assertEquals(2, r.estimatedLevel()));
            LearningPath path = learning.path(id);
            LearningPath.Step done = path.steps().stream().filter(s -> s.module().id().equals(firstModule)).findFirst().orElseThrow();
            assertTrue(done.done());
            assertEquals(Boolean.TRUE, done.checksPassed());
            assertNotEquals(firstModule, path.next().orElseThrow().module().id());
        }
    }

    @Test
    void markingDoneAgainWithoutAnswersKeepsTheCheckResult() {
        try (Database db = Database.inMemory("learning-recheck")) {
            LearningService learning = service(db);
            String id = learning.createProfile(Role.GIAO_VIEN, null, null, null).id();
            String basic = "mat-khau-va-bao-ve-tai-khoan"; // on every unassessed teacher's path (basic module)
            LearningService.CheckResult wrong = learning.markDone(id, basic, List.of(0, 1, 0));
            assertEquals(new LearningService.CheckResult(0, 3, false, List.of(2, 0, 1)), wrong);
            assertNull(learning.markDone(id, basic, null));
            assertEquals(Boolean.FALSE, step(learning, id, basic).checksPassed());
            assertTrue(step(learning, id, basic).done());
            assertTrue(learning.markDone(id, basic, List.of(2, 0, 1)).passed());
            assertEquals(Boolean.TRUE, step(learning, id, basic).checksPassed());
        }
    }

    private static LearningPath.Step step(LearningService learning, String profileId, String moduleId) {
        return learning.path(profileId).steps().stream().filter(s -> s.module().id().equals(moduleId)).findFirst()
                .orElseThrow();
    }

    @Test
    void clearErrorsForBadInput() {
        try (Database db = Database.inMemory("learning-errors")) {
            LearningService learning = service(db);
            assertEquals("invalid_role", assertThrows(LearningException.class, () -> LearningService.role("hieu_truong")).code());
            assertEquals("grade_required", assertThrows(LearningException.class,
                    () -> learning.createProfile(Role.HOC_SINH, null, null, null)).code());
            assertEquals("invalid_grade", assertThrows(LearningException.class,
                    () -> learning.createProfile(Role.GIAO_VIEN, 13, null, null)).code());
            LearningException unknown = assertThrows(LearningException.class, () -> learning.path("khong-co"));
            assertEquals("unknown_profile", unknown.code());
            assertTrue(unknown.notFound());
            String id = learning.createProfile(Role.NHAN_VIEN, null, null, "Trường A").id();
            assertEquals("unknown_module", assertThrows(LearningException.class,
                    () -> learning.markDone(id, "khong-co", null)).code());
            assertEquals("invalid_check_answers", assertThrows(LearningException.class,
                    () -> learning.markDone(id, "xu-ly-su-co-ky-thuat", List.of(1))).code());
            assertEquals("invalid_check_answers", assertThrows(LearningException.class,
                    () -> learning.markDone(id, "xu-ly-su-co-ky-thuat", List.of(1, 0, 7))).code());
            assertEquals("invalid_answer", assertThrows(LearningException.class,
                    () -> LearningService.answers(List.of(Map.entry("1.1.CB1a", "vang")))).code());
            assertEquals("invalid_school", assertThrows(LearningException.class,
                    () -> learning.createProfile(Role.NHAN_VIEN, null, null, "x".repeat(201))).code());
        }
    }

    @Test
    void reportCountsStoredLearnersPerSchool() {
        try (Database db = Database.inMemory("learning-report")) {
            LearningService learning = service(db);
            String a = learning.createProfile(Role.NHAN_VIEN, null, null, "Trường A").id();
            learning.createProfile(Role.GIAO_VIEN, null, null, "Trường B");
            learning.createProfile(Role.HOC_SINH, 3, null, "Trường A");
            MaterialLibrary.bundled().all().stream().filter(m -> m.basic() && m.isFor(TargetLevels.audienceOf(Role.NHAN_VIEN)))
                    .forEach(m -> learning.markDone(a, m.id(), null));

            ProgressReport schoolA = learning.report("Trường A");
            assertEquals("Trường A", schoolA.school());
            assertEquals(1, schoolA.groups().get(0).people());
            assertEquals(1, schoolA.groups().get(0).rows().getFirst().reached());
            assertEquals(1, schoolA.groups().get(1).people());
            assertEquals(0, schoolA.groups().get(1).rows().getFirst().reached());
            assertEquals(2, learning.report(" ").groups().get(0).people());
        }
    }
}
