package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.materials.Audience;
import vn.trolyso.knowledge.materials.CheckQuestion;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.materials.MaterialLibrary;

class LearningPathPlannerTest {
    static Material module(String id, List<String> competencies, List<Integer> levels, Set<Audience> audience,
                           int minutes, boolean basic) {
        return new Material(id, "Học phần " + id, competencies, levels, audience, minutes, "Tóm tắt", basic,
                List.of(new Material.Section("Nội dung", "…")),
                List.of(new CheckQuestion("?", List.of("a", "b"), 0), new CheckQuestion("?", List.of("a", "b"), 1)), id + ".md");
    }

    final LearningPathPlanner planner = new LearningPathPlanner(List.of(
            module("z-co-ban", List.of("4.2"), List.of(1, 2), Set.of(Audience.GV, Audience.HS), 10, true),
            module("a-ai-nang-cao", List.of("6.2"), List.of(5), Set.of(Audience.GV), 30, false),
            module("b-thong-tin", List.of("1.1", "6.1"), List.of(3, 4), Set.of(Audience.GV), 20, false),
            module("c-an-toan", List.of("4.1"), List.of(4, 5), Set.of(Audience.GV), 15, false),
            module("d-chi-hoc-sinh", List.of("1.1"), List.of(3, 4), Set.of(Audience.HS), 15, false),
            module("e-qua-thap", List.of("1.2"), List.of(1, 2), Set.of(Audience.GV), 15, false)));

    @Test
    void basicsFirstThenByGapLevelThenDomain() {
        // Teacher, target 5: domain 1 at bậc 2, domain 4 at 3, domain 6 at 3; domains 2, 3, 5 reached.
        LearningPath path = planner.plan(Audience.GV, 5, Map.of("1", 2, "2", 5, "3", 5, "4", 3, "5", 5, "6", 3), Map.of());

        assertEquals(List.of("z-co-ban", "b-thong-tin", "c-an-toan", "a-ai-nang-cao"),
                path.steps().stream().map(s -> s.module().id()).toList());
        LearningPath.Step info = path.steps().get(1);
        assertEquals("gap", info.reason());
        assertEquals(List.of("1", "6"), info.domains());
        assertEquals(3, info.level());
        assertEquals("basic", path.steps().getFirst().reason());
        assertEquals(List.of("1", "4", "6"), path.gaps());
        assertEquals(List.of(), path.uncoveredDomains());
        assertEquals(75, path.totalMinutes());
        assertTrue(path.assessed());
    }

    static ModuleProgress completed(String id) {
        return new ModuleProgress(id, ModuleStatus.COMPLETED, 1, true, Instant.EPOCH);
    }

    @Test
    void readOrFailedModulesAreNotDoneAndDoNotMoveTheNextStep() {
        Map<String, Integer> estimates = Map.of("1", 2, "2", 5, "3", 5, "4", 5, "5", 5, "6", 5);
        LearningPath path = planner.plan(Audience.GV, 5, estimates, Map.of(
                "z-co-ban", new ModuleProgress("z-co-ban", ModuleStatus.READ, 0, null, Instant.EPOCH),
                "b-thong-tin", new ModuleProgress("b-thong-tin", ModuleStatus.ATTEMPTED, 2, false, Instant.EPOCH)));
        assertFalse(path.steps().get(0).done());
        assertEquals("read", path.steps().get(0).status());
        assertFalse(path.steps().get(1).done());
        assertEquals("attempted", path.steps().get(1).status());
        assertEquals(2, path.steps().get(1).attempts());
        assertEquals("z-co-ban", path.next().orElseThrow().module().id());
        assertEquals(30, path.remainingMinutes());
        assertFalse(path.complete());
    }

    @Test
    void doneModulesStayListedAndTheNextStepMoves() {
        Map<String, Integer> estimates = Map.of("1", 2, "2", 5, "3", 5, "4", 5, "5", 5, "6", 5);
        LearningPath before = planner.plan(Audience.GV, 5, estimates, Map.of());
        assertEquals("z-co-ban", before.next().orElseThrow().module().id());
        assertEquals(30, before.remainingMinutes());

        LearningPath after = planner.plan(Audience.GV, 5, estimates, Map.of(
                "z-co-ban", completed("z-co-ban")));
        assertEquals(2, after.steps().size());
        assertTrue(after.steps().getFirst().done());
        assertEquals(Boolean.TRUE, after.steps().getFirst().checksPassed());
        assertEquals("b-thong-tin", after.next().orElseThrow().module().id());
        assertEquals(20, after.remainingMinutes());
        assertFalse(after.complete());

        LearningPath complete = planner.plan(Audience.GV, 5, estimates, Map.of(
                "z-co-ban", completed("z-co-ban"),
                "b-thong-tin", new ModuleProgress("b-thong-tin", ModuleStatus.COMPLETED, 3, false, Instant.EPOCH)));
        assertTrue(complete.complete());
        assertTrue(complete.next().isEmpty());
        assertEquals(0, complete.remainingMinutes());
        assertEquals(30, complete.totalMinutes());
    }

    @Test
    void withoutAssessmentOnlyBasicsAndUncoveredGapsAreNamed() {
        LearningPath unassessed = planner.plan(Audience.HS, 3, Map.of(), Map.of());
        assertFalse(unassessed.assessed());
        assertEquals(List.of("z-co-ban"), unassessed.steps().stream().map(s -> s.module().id()).toList());

        LearningPath pupil = planner.plan(Audience.HS, 3, Map.of("1", 2, "2", 1, "3", 3, "4", 3, "5", 3, "6", 3), Map.of());
        assertEquals(List.of("z-co-ban", "d-chi-hoc-sinh"), pupil.steps().stream().map(s -> s.module().id()).toList());
        assertEquals(List.of("2"), pupil.uncoveredDomains());
    }

    @Test
    void bundledLibraryGivesEveryStaffRoleAPathAcrossTheirGaps() {
        LearningPathPlanner bundled = new LearningPathPlanner(MaterialLibrary.bundled().all());
        LearningPath teacher = bundled.plan(Audience.GV, 5, Map.of("1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 2), Map.of());
        assertEquals(List.of(), teacher.uncoveredDomains());
        assertTrue(teacher.steps().stream().anyMatch(s -> s.module().id().equals("dung-ai-co-trach-nhiem-trong-day-hoc")));
        assertTrue(teacher.steps().getFirst().module().basic());
        LearningPath pupil = bundled.plan(Audience.HS, 1, Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0, "6", 0), Map.of());
        assertTrue(pupil.steps().stream().anyMatch(s -> s.module().id().equals("an-toan-mang-cho-hoc-sinh")));
        assertTrue(pupil.steps().stream().allMatch(s -> s.module().isFor(Audience.HS)));
    }
}
