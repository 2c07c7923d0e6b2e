package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbbreviationsTest {
    private final Abbreviations abbreviations = Abbreviations.defaults();

    @Test
    void expandsAttestedAbbreviations() {
        assertTrue(abbreviations.size() > 30);
        assertEquals("cán bộ quản lý", abbreviations.expansion("CBQL"));
        assertEquals("kinh phí", abbreviations.expansion("KP"));
        assertTrue(abbreviations.expansionsFor("Đối tượng là CBQL, GV các trường THCS").contains("cán bộ quản lý"));
        assertTrue(abbreviations.expansionsFor("CBQL GV").contains("giáo viên"));
        assertTrue(abbreviations.expansionsFor("Sở GD&ĐT").contains("Giáo dục và Đào tạo"));
        assertTrue(abbreviations.expansionsFor("cbql").contains("cán bộ quản lý"), "long forms in lowercase too");
        // the ones parents and staff type in chat
        assertTrue(abbreviations.expansionsFor("tỷ lệ PH đồng thuận").contains("phụ huynh"));
        assertTrue(abbreviations.expansionsFor("PGD Phú Nhuận").contains("Phòng Giáo dục"));
    }

    @Test
    void shortAbbreviationsOnlyInCapitals() {
        assertTrue(abbreviations.expansionsFor("ứng dụng AI").contains("trí tuệ nhân tạo"));
        assertFalse(abbreviations.expansionsFor("đối tượng là ai").contains("trí tuệ nhân tạo"));
    }

    @Test
    void fullFormsAddTheirAbbreviation() {
        assertTrue(abbreviations.expansionsFor("ủy ban nhân dân phường").contains("UBND"));
        assertTrue(abbreviations.expansionsFor("uy ban nhan dan phuong").contains("UBND"));
    }

    @Test
    void ambiguousAbbreviationsNeedContext() {
        assertEquals("", abbreviations.expansionsFor("TT"));
        assertTrue(abbreviations.expansionsFor("theo TT 02/2025").contains("Thông tư"));
        assertTrue(abbreviations.expansionsFor("trường TH Đoàn Lập").contains("tiểu học"));
        assertFalse(abbreviations.expansionsFor("TH và THCS").contains("tiểu học"));
    }
}
