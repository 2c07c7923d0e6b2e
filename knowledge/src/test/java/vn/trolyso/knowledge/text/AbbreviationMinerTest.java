package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbbreviationMinerTest {
    @Test
    void learnsDefinitionsInParenthesesAndGlossaryLines() {
        Map<String, String> learned = AbbreviationMiner.learn(List.of(
                "Tổ chức tập huấn cho đội ngũ giáo viên cốt cán (GVCC) của các trường.",
                "Các chữ viết tắt:\nTKB: Thời khóa biểu\n- BGH – Ban giám hiệu\nPhòng Giáo dục và Đào tạo (PGDĐT) chủ trì."));
        assertEquals("giáo viên cốt cán", learned.get("GVCC"));
        assertEquals("Thời khóa biểu", learned.get("TKB"));
        assertEquals("Ban giám hiệu", learned.get("BGH"));
        assertEquals("Phòng Giáo dục và Đào tạo", learned.get("PGDĐT"), "'và' may be skipped");
    }

    @Test
    void ignoresParenthesesAndLabelsThatDoNotSpellTheAbbreviation() {
        Map<String, String> learned = AbbreviationMiner.learn(List.of(
                "Trường: Trường THCS Ngô Quyền", "Báo cáo kết quả (PHỤ LỤC) gửi về trước ngày 10.",
                "Ghi chú (HS): không bắt buộc"));
        assertTrue(learned.isEmpty(), learned::toString);
        assertFalse(AbbreviationMiner.spells("của giáo viên", "CGV"), "a connector never starts a full form");
    }

    @Test
    void learnedAbbreviationsWidenQueriesButTheBundledListWins() {
        Abbreviations known = Abbreviations.defaults().withLearned(Map.of(
                "GVCC", "giáo viên cốt cán", "CBQL", "cán bộ quận lý", "TT", "trung tâm"));
        assertTrue(known.expansionsFor("Tập huấn GVCC").contains("giáo viên cốt cán"));
        assertTrue(known.expansionsFor("giáo viên cốt cán được tập huấn").contains("GVCC"));
        assertEquals("cán bộ quản lý", known.expansion("CBQL"));
        assertNull(known.expansion("TT"), "ambiguous abbreviations stay contextual");
    }
}
