package vn.trolyso.knowledge.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaterialParserTest {
    static final String VALID = """
            ---
            id: thu-nghiem
            title: "Học phần thử nghiệm"
            competencies: ["4.2", 1.1]
            levels: [3, 1, 2]
            audience: [GV, HS]
            duration_minutes: 10
            basic: true
            summary: Tóm tắt ngắn.
            ---

            ## Phần một

            Nội dung phần một.

            ## Phần hai

            - Ý thứ nhất

            ## Câu hỏi kiểm tra

            1. Câu thứ nhất?
               - [ ] Sai
               - [x] Đúng
            2. Câu thứ hai?
               - [X] Đúng
               - [ ] Sai
               - [ ] Cũng sai
            """;

    @Test
    void parsesFrontMatterSectionsAndCheckQuestions() throws Exception {
        Material m = MaterialParser.parse("thu-nghiem.md", VALID);
        assertEquals("thu-nghiem", m.id());
        assertEquals("Học phần thử nghiệm", m.title());
        assertEquals(List.of("4.2", "1.1"), m.competencies());
        assertEquals(List.of(1, 2, 3), m.levels());
        assertEquals(Set.of(Audience.GV, Audience.HS), m.audience());
        assertEquals(10, m.durationMinutes());
        assertTrue(m.basic());
        assertEquals(List.of("Phần một", "Phần hai"), m.sections().stream().map(Material.Section::heading).toList());
        assertEquals("Nội dung phần một.", m.sections().getFirst().text());
        assertEquals(2, m.checkQuestions().size());
        assertEquals(new CheckQuestion("Câu thứ nhất?", List.of("Sai", "Đúng"), 1), m.checkQuestions().get(0));
        assertEquals(0, m.checkQuestions().get(1).correctIndex());
        assertEquals(Set.of("4", "1"), m.domains());
    }

    @Test
    void basicDefaultsToFalseAndCrLfIsAccepted() throws Exception {
        Material m = MaterialParser.parse("x.md", VALID.replace("basic: true\n", "").replace("\n", "\r\n"));
        assertFalse(m.basic());
    }

    @Test
    void reportsEveryBadFieldWithItsName() {
        String bad = VALID.replace("id: thu-nghiem", "id: Thử Nghiệm")
                .replace("levels: [3, 1, 2]", "levels: [0, 9]")
                .replace("audience: [GV, HS]", "audience: [GV, SV]")
                .replace("duration_minutes: 10", "duration_minutes: mười")
                .replace("title: \"Học phần thử nghiệm\"\n", "")
                .replace("competencies: [\"4.2\", 1.1]", "competencies: [\"4.5\"]")
                .replace("summary: Tóm tắt ngắn.", "summary: Tóm tắt ngắn.\nduration: 5");
        InvalidMaterialException e = assertThrows(InvalidMaterialException.class, () -> MaterialParser.parse("bad.md", bad));
        List<String> fields = e.problems().stream().map(MaterialProblem::field).toList();
        assertTrue(fields.containsAll(List.of("id", "title", "competencies", "levels", "audience", "duration_minutes", "duration")), fields.toString());
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals("bad.md")));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("audience") && p.message().contains("SV")));
        assertEquals(2, e.problems().stream().filter(p -> p.field().equals("levels")).count(), "one problem per bad level");
    }

    @Test
    void missingOrBrokenFrontMatterIsReported() {
        InvalidMaterialException none = assertThrows(InvalidMaterialException.class,
                () -> MaterialParser.parse("a.md", "## Chỉ có nội dung\n"));
        assertEquals("front matter", none.problems().getFirst().field());
        InvalidMaterialException unclosed = assertThrows(InvalidMaterialException.class,
                () -> MaterialParser.parse("b.md", "---\nid: a\n## Nội dung\n"));
        assertTrue(unclosed.problems().getFirst().message().contains("kết thúc"));
        InvalidMaterialException yaml = assertThrows(InvalidMaterialException.class,
                () -> MaterialParser.parse("c.md", VALID.replace("levels: [3, 1, 2]", "levels: [3, 1")));
        assertEquals("front matter", yaml.problems().getFirst().field());
        assertTrue(yaml.problems().getFirst().message().startsWith("YAML không hợp lệ"), yaml.problems().toString());
    }

    @Test
    void checkQuestionsMustBeWellFormed() {
        String twoTicks = VALID.replace("   - [ ] Sai\n   - [x] Đúng", "   - [x] Sai\n   - [x] Đúng");
        assertProblem(twoTicks, "Câu 1 phải có đúng một lựa chọn");
        String oneQuestion = VALID.substring(0, VALID.indexOf("2. Câu thứ hai?"));
        assertProblem(oneQuestion, "Cần từ 2 đến 4 câu hỏi kiểm tra, hiện có 1");
        String stray = VALID.replace("   - [ ] Cũng sai", "   Cũng sai");
        assertProblem(stray, "Dòng không phải câu hỏi");
        String noSection = VALID.substring(0, VALID.indexOf("## Câu hỏi kiểm tra"));
        assertProblem(noSection, "phải kết thúc bằng mục");
    }

    private static void assertProblem(String content, String expected) {
        InvalidMaterialException e = assertThrows(InvalidMaterialException.class, () -> MaterialParser.parse("q.md", content));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains(expected)), e.problems().toString());
    }
}
