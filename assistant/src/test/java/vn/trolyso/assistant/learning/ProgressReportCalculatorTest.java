package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.Role;
import vn.trolyso.knowledge.materials.Audience;

class ProgressReportCalculatorTest {
    final ProgressReportCalculator calculator = new ProgressReportCalculator(SelfAssessmentTest.FRAMEWORK, List.of(
            LearningPathPlannerTest.module("cds", List.of("5.2"), List.of(2), Set.of(Audience.GV, Audience.NV, Audience.CBQL), 20, true),
            LearningPathPlannerTest.module("mk", List.of("4.1"), List.of(1), Set.of(Audience.GV, Audience.HS, Audience.CBQL, Audience.NV), 15, true),
            LearningPathPlannerTest.module("hs", List.of("4.2"), List.of(1), Set.of(Audience.HS), 15, true),
            LearningPathPlannerTest.module("them", List.of("1.1"), List.of(3), Set.of(Audience.GV), 15, false)));

    static Map<String, Integer> all(int level) {
        return Map.of("1", level, "2", level, "3", level, "4", level, "5", level, "6", level);
    }

    /** Modules whose check was passed. */
    static Map<String, ModuleProgress> passed(String... ids) {
        Map<String, ModuleProgress> m = new java.util.HashMap<>();
        for (String id : ids) {
            m.put(id, LearningPathPlannerTest.completed(id));
        }
        return m;
    }

    @Test
    void onlyPassedChecksCountAsCompletedAndAttemptsAreCounted() {
        Map<String, ModuleProgress> readAndFailed = Map.of(
                "cds", new ModuleProgress("cds", ModuleStatus.READ, 0, null, java.time.Instant.EPOCH),
                "mk", new ModuleProgress("mk", ModuleStatus.ATTEMPTED, 2, false, java.time.Instant.EPOCH));
        ProgressReport report = calculator.report(null, new ProgressTargets.Targets(95, 100), List.of(
                new ProgressReportCalculator.Learner(Role.GIAO_VIEN, 5, all(5), readAndFailed),
                new ProgressReportCalculator.Learner(Role.GIAO_VIEN, 5, all(5), passed("cds", "mk"))));
        ProgressReport.Row basics = report.groups().get(0).rows().get(0);
        assertEquals(1, basics.reached(), "read and failed modules do not complete the basics");
        assertEquals(2, basics.checksPassed());
        assertEquals(3, basics.checksAttempted(), "one failed attempt + two passed");
        ProgressReport.Row safety = report.groups().get(0).rows().get(4);
        assertEquals("domain_4", safety.key());
        assertEquals(1, safety.checksPassed(), "mk serves 4.1");
        assertEquals(2, safety.checksAttempted());
    }

    @Test
    void sharesMatchHandComputedFixture() {
        List<ProgressReportCalculator.Learner> learners = List.of(
                // staff: 4 people; basics (cds + mk) done by the first two; parent and optional module do not count
                new ProgressReportCalculator.Learner(Role.GIAO_VIEN, 5, all(5), passed("cds", "mk")),
                new ProgressReportCalculator.Learner(Role.CAN_BO_QUAN_LY, 5, Map.of("1", 5, "2", 4), passed("cds", "mk", "them")),
                new ProgressReportCalculator.Learner(Role.NHAN_VIEN, 4, all(4), passed("cds")),
                new ProgressReportCalculator.Learner(Role.GIAO_VIEN, 5, Map.of(), passed()),
                new ProgressReportCalculator.Learner(Role.PHU_HUYNH, 3, all(5), passed("mk")),
                // pupils: 3 people; basics (mk + hs) done by two; domain 1 reached by one (target 2 vs estimates 2, 1, none)
                new ProgressReportCalculator.Learner(Role.HOC_SINH, 2, all(2), passed("mk", "hs")),
                new ProgressReportCalculator.Learner(Role.HOC_SINH, 2, all(1), passed("hs", "mk", "cds")),
                new ProgressReportCalculator.Learner(Role.HOC_SINH, 5, Map.of(), passed("hs")));

        ProgressReport report = calculator.report(null, new ProgressTargets.Targets(95, 100), learners);

        ProgressReport.Group staff = report.groups().get(0);
        assertEquals("staff", staff.key());
        assertEquals(4, staff.people());
        ProgressReport.Row basics = staff.rows().get(0);
        assertEquals("basic_modules", basics.key());
        assertEquals(2, basics.reached());
        assertEquals(50.0, basics.percent());
        assertFalse(basics.met());
        assertEquals(7, staff.rows().size());
        assertEquals(3, staff.rows().get(1).reached(), "domain 1: GV 5≥5, CBQL 5≥5, NV 4≥4");
        assertEquals(75.0, staff.rows().get(1).percent());
        assertEquals(2, staff.rows().get(2).reached(), "domain 2: CBQL 4<5 misses");
        assertEquals(2, staff.rows().get(3).reached(), "domain 3: CBQL has no estimate");
        assertEquals("domain_6", staff.rows().get(6).key());

        ProgressReport.Group pupils = report.groups().get(1);
        assertEquals(3, pupils.people());
        assertEquals(2, pupils.rows().get(0).reached());
        assertEquals(66.7, pupils.rows().get(0).percent());
        assertEquals(1, pupils.rows().get(1).reached());
        assertEquals(33.3, pupils.rows().get(1).percent());
        assertEquals(100.0, pupils.targetPercent());
    }

    @Test
    void targetIsComparedExactlyAndEmptyGroupsNeverMeetIt() {
        assertTrue(new ProgressReport.Row("k", "l", 19, 20, 95, 0, 0).met());
        assertFalse(new ProgressReport.Row("k", "l", 18, 20, 95, 0, 0).met());
        assertFalse(new ProgressReport.Row("k", "l", 199, 210, 95, 0, 0).met(), "94.76 % rounds to 94.8, below 95");
        assertFalse(new ProgressReport.Row("k", "l", 0, 0, 0, 0, 0).met());
        assertEquals(0.0, new ProgressReport.Row("k", "l", 0, 0, 95, 0, 0).percent());
    }

    @Test
    void csvHasOneLinePerGroupAndMetric() {
        ProgressReport report = calculator.report("THCS Đoàn Lập", new ProgressTargets.Targets(80, 100), List.of(
                new ProgressReportCalculator.Learner(Role.GIAO_VIEN, 5, all(5), passed("cds", "mk"))));
        List<String> lines = report.toCsv().lines().toList();
        assertEquals(1 + 2 * 7, lines.size());
        assertEquals("nhom,chi_so,noi_dung,so_dat,tong_so,ty_le_phan_tram,chi_tieu_phan_tram,dat_chi_tieu,so_kiem_tra_dat,so_kiem_tra_da_lam", lines.get(0));
        assertEquals("staff,basic_modules,Hoàn thành các học phần cơ bản,1,1,100.0,80.0,co,2,2", lines.get(1));
        assertEquals("pupils,basic_modules,Hoàn thành các học phần cơ bản,0,0,0.0,100.0,chua,0,0", lines.get(8));
        assertTrue(lines.get(2).startsWith("staff,domain_1,Đạt bậc mục tiêu – miền 1. Khai thác dữ liệu và thông tin,1,1,"));
    }
}
