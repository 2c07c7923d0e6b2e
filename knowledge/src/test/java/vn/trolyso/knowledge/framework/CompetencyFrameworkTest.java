package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompetencyFrameworkTest {
    private static CompetencyFramework f;

    @BeforeAll
    static void load() {
        f = FrameworkLoader.loadBundled();
    }

    @ParameterizedTest(name = "lớp {0} → bậc {1}")
    @CsvSource({"1,1,CB1", "2,1,CB1", "3,1,CB1", "4,2,CB2", "5,2,CB2", "6,3,TC1", "7,3,TC1", "8,4,TC2", "9,4,TC2",
            "10,5,NC1", "11,5,NC1", "12,5,NC1"})
    void everyGradeMapsToItsLevel(int grade, int level, String symbol) {
        Level l = f.levelForGrade(grade).orElseThrow();
        assertEquals(level, l.number());
        assertEquals(symbol, l.symbol());
    }

    @Test
    void gradesOutsideSchoolHaveNoLevel() {
        assertTrue(f.levelForGrade(0).isEmpty());
        assertTrue(f.levelForGrade(13).isEmpty());
    }

    @Test
    void everyCompetencyHasDescriptorsAndIndicatorsForLevelsOneToFive() {
        int cells = 0;
        for (Competency c : f.competencies()) {
            for (int level = 1; level <= 5; level++) {
                if (c.code().equals("6.1") && level == 1) {
                    assertTrue(c.descriptor(1).isEmpty(), "6.1 bậc 1 has no descriptor in the data");
                    continue;
                }
                assertFalse(c.descriptor(level).orElseThrow().isBlank(), c.code() + " level " + level);
                assertFalse(c.indicators(level).isEmpty(), c.code() + " level " + level);
                String symbol = f.level(level).orElseThrow().symbol();
                for (Indicator i : c.indicators(level)) {
                    assertTrue(i.code().startsWith(c.code() + "." + symbol), i.code());
                }
                cells++;
            }
            for (int level = 6; level <= 8; level++) {
                assertTrue(c.descriptor(level).isEmpty());
            }
        }
        assertEquals(24 * 5 - 1, cells);
    }

    @ParameterizedTest
    @CsvSource({"3,3", "bậc 3,3", "bac 3,3", "Bậc 8,8", "TC1,3", "tc 1,3", "cb2,2", "NC1,5", "Trung cấp 1,3",
            "trung cap 2,4", "Cơ bản 1,1", "Nâng cao 2,6", "chuyên sâu 2,8"})
    void levelsFoundByNumberSymbolOrName(String reference, int expected) {
        assertEquals(expected, f.findLevel(reference).orElseThrow().number());
    }

    @Test
    void unknownLevelsAreEmpty() {
        assertTrue(f.findLevel("bậc 9").isEmpty());
        assertTrue(f.findLevel("0").isEmpty());
        assertTrue(f.findLevel("XY3").isEmpty());
        assertTrue(f.level(9).isEmpty());
    }

    @Test
    void tiersGroupTwoLevels() {
        assertEquals(List.of("Cơ bản", "Trung cấp", "Nâng cao", "Chuyên sâu"), f.tiers().stream().map(Tier::name).toList());
        assertEquals("Trung cấp", f.tierOf(f.level(4).orElseThrow()).name());
        assertEquals(List.of(5, 6), f.findTier("nang cao").orElseThrow().levels());
    }

    @ParameterizedTest
    @CsvSource({"4.2,4.2", "năng lực 4.2,4.2", "bao ve du lieu ca nhan,4.2", "Bảo vệ dữ liệu cá nhân và quyền riêng tư,4.2",
            "BẢO VỆ DỮ LIỆU CÁ NHÂN,4.2", "lap trinh,3.4", "Lập trình,3.4", "quản lý danh tính số,2.6",
            "Thực hiện quy tắc ứng xử trên mạng,2.5", "su dung tri tue nhan tao,6.2", "Đánh giá các công cụ AI,6.3",
            "năng lực lập trình ở bậc 3,3.4"})
    void competenciesFoundByCodeOrNameWithOrWithoutDiacritics(String reference, String code) {
        assertEquals(code, f.findCompetency(reference).orElseThrow().code());
    }

    @Test
    void ambiguousOrUnknownCompetencyNamesFindNothing() {
        assertTrue(f.findCompetency("bảo vệ").isEmpty(), "matches 4.1–4.4");
        assertTrue(f.findCompetency("9.9").isEmpty());
        assertTrue(f.findCompetency("abc").isEmpty());
        assertTrue(f.competency("7.1").isEmpty());
    }

    @Test
    void domainsListTheirCompetencies() {
        assertEquals(List.of("4.1", "4.2", "4.3", "4.4"), f.competenciesOf("4").stream().map(Competency::code).toList());
        assertEquals("An toàn", f.findDomain("an toan").orElseThrow().name());
        assertEquals("6", f.findDomain("Miền 6").orElseThrow().code());
        assertEquals(List.of(3, 6, 4, 4, 4, 3), f.domains().stream().map(d -> d.competencies().size()).toList());
        assertTrue(f.competenciesOf("7").isEmpty());
    }

    @Test
    void comparesTwoLevelsOfOneCompetency() {
        LevelComparison cmp = f.compare("6.2", 3, 4).orElseThrow();
        assertEquals(f.competency("6.2").orElseThrow().descriptor(3), cmp.firstDescriptor());
        assertEquals(f.competency("6.2").orElseThrow().descriptor(4), cmp.secondDescriptor());
        assertTrue(f.compare("6.2", 5, 7).orElseThrow().secondDescriptor().isEmpty());
        assertTrue(f.compare("9.9", 1, 2).isEmpty());
        assertTrue(f.compare("1.1", 1, 9).isEmpty());
    }

    @Test
    void levelsSixToEightCarryNoSymbolNoGradesAndTheirVerificationMarker() {
        for (int n = 6; n <= 8; n++) {
            Level l = f.level(n).orElseThrow();
            assertFalse(l.hasDescriptors());
            assertTrue(l.grades().isEmpty());
            assertEquals("chua_xac_minh", l.status());
            assertTrue(l.note().contains("Chưa xác minh"));
        }
    }
}
