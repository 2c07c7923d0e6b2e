package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import vn.trolyso.assistant.store.LearningStore;
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
            LearningService.CheckResult check = learning.submitCheck(id, firstModule, right).check();
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
            assertEquals("completed", done.status());
            assertEquals(Boolean.TRUE, done.checksPassed());
            assertNotEquals(firstModule, path.next().orElseThrow().module().id());
        }
    }

    @Test
    void onlyAPassedCheckCompletesAModule() {
        try (Database db = Database.inMemory("learning-recheck")) {
            LearningService learning = service(db);
            String id = learning.createProfile(Role.GIAO_VIEN, null, null, null).id();
            String basic = "mat-khau-va-bao-ve-tai-khoan"; // on every unassessed teacher's path (basic module), 3 questions
            String nextBefore = learning.path(id).next().orElseThrow().module().id();
            assertEquals(ModuleStatus.READ, learning.markRead(id, basic).status());
            assertFalse(step(learning, id, basic).done(), "read is not completed");
            assertEquals("check_required", assertThrows(LearningException.class,
                    () -> learning.submitCheck(id, basic, null)).code());

            LearningService.Attempt wrong = learning.submitCheck(id, basic, List.of(0, 1, 1));
            assertEquals(new LearningService.CheckResult(1, 3, 2, false, List.of(false, false, true), List.of(2, 0, 1)),
                    wrong.check());
            assertEquals(ModuleStatus.ATTEMPTED, wrong.progress().status());
            assertFalse(step(learning, id, basic).done(), "a failed check does not complete");
            assertEquals(nextBefore, learning.path(id).next().orElseThrow().module().id());
            long completed = learning.path(id).steps().stream().filter(LearningPath.Step::done).count();
            assertEquals(0, completed);

            LearningService.Attempt allButOne = learning.submitCheck(id, basic, List.of(2, 0, 0));
            assertTrue(allButOne.check().passed(), "all but one right passes a 3-question check");
            assertEquals(2, allButOne.progress().attempts());
            assertTrue(step(learning, id, basic).done());
            assertEquals(Boolean.TRUE, step(learning, id, basic).checksPassed());

            learning.markRead(id, basic);
            learning.submitCheck(id, basic, List.of(0, 1, 0));
            assertTrue(step(learning, id, basic).done(), "a completion is kept after a later read or failed attempt");
            assertEquals(Boolean.FALSE, step(learning, id, basic).checksPassed());
        }
    }

    @Test
    void passMarkIsAllButOneFromThreeQuestionsElseAll() {
        assertEquals(2, PassMark.required(2));
        assertEquals(2, PassMark.required(3));
        assertEquals(3, PassMark.required(4));
        assertFalse(PassMark.passed(1, 2));
        assertTrue(PassMark.passed(3, 4));
        assertFalse(PassMark.passed(2, 4));
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
                    () -> learning.markRead(id, "khong-co")).code());
            assertEquals("invalid_check_answers", assertThrows(LearningException.class,
                    () -> learning.submitCheck(id, "xu-ly-su-co-ky-thuat", List.of(1))).code());
            assertEquals("invalid_check_answers", assertThrows(LearningException.class,
                    () -> learning.submitCheck(id, "xu-ly-su-co-ky-thuat", List.of(1, 0, 7))).code());
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
                    .forEach(m -> learning.submitCheck(a, m.id(), m.checkQuestions().stream().map(q -> q.correctIndex()).toList()));
            String read = learning.createProfile(Role.NHAN_VIEN, null, null, "Trường A").id();
            MaterialLibrary.bundled().all().stream().filter(m -> m.basic() && m.isFor(TargetLevels.audienceOf(Role.NHAN_VIEN)))
                    .forEach(m -> learning.markRead(read, m.id()));

            ProgressReport schoolA = learning.report("Trường A");
            assertEquals("Trường A", schoolA.school());
            assertEquals(2, schoolA.groups().get(0).people());
            assertEquals(1, schoolA.groups().get(0).rows().getFirst().reached(), "only the one who passed the checks");
            assertEquals(1, schoolA.groups().get(1).people());
            assertEquals(0, schoolA.groups().get(1).rows().getFirst().reached());
            assertEquals(3, learning.report(" ").groups().get(0).people());
        }
    }
}
