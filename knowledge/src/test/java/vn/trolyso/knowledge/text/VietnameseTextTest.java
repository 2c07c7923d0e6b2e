package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {
    @Test
    void decomposedInputBecomesComposed() {
        String nfd = Normalizer.normalize("Khung năng lực số", Normalizer.Form.NFD);
        assertTrue(nfd.length() > "Khung năng lực số".length(), "the input really is decomposed");
        assertEquals("Khung năng lực số", VietnameseText.normalize(nfd));
    }

    @ParameterizedTest
    @CsvSource({
            "hoà, hòa", "hòa, hòa", "Hoà Bình, Hòa Bình", "khoẻ, khỏe", "xoè, xòe", "uỷ ban, ủy ban", "Uỷ, Ủy",
            "UỶ BAN, ỦY BAN", "thuý, thúy", "luỹ kế, lũy kế", "hoá học, hóa học", "tích luỹ, tích lũy",
            "văn hoá - xã hội, văn hóa - xã hội"})
    void openSyllablesGetOneToneMarkPlacement(String written, String canonical) {
        assertEquals(canonical, VietnameseText.normalize(written));
    }

    @ParameterizedTest
    @CsvSource({"quý", "quỷ", "qúy", "giỏi", "già", "hoàng", "toán", "khuyến", "huỳnh", "hoài", "ngoài", "khuya"})
    void quGiClosedSyllablesAndTriphthongsKeepTheirMark(String word) {
        String expected = word.equals("qúy") ? "quý" : word;
        assertEquals(expected, VietnameseText.normalize(word));
    }

    @Test
    void lookAlikeEthBecomesDStroke() {
        assertEquals("Đào tạo đầy đủ", VietnameseText.normalize("\u00D0ào tạo \u00F0ầy \u0111ủ"));
        assertEquals("Đ", VietnameseText.normalize("\u0189"));
        assertEquals("d", VietnameseText.fold("\u00D0"));
    }

    @Test
    void invisibleCharactersAreRemovedAndControlsBecomeSpaces() {
        assertEquals("giáo viên", VietnameseText.normalize("giáo\u200B viên\u00AD\uFEFF"));
        assertEquals("a b", VietnameseText.normalize("a\u0007b"));
        assertEquals("", VietnameseText.normalize(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sở GD&ĐT Hải Phòng|Sở GDĐT Hải Phòng", "Sở GD-ĐT TP.HCM|Sở GDĐT TP.HCM", "ngành GD ĐT|ngành GDĐT",
            "Bộ GD & ĐT|Bộ GDĐT", "SGD&ĐT|SGDĐT", "phòng gd&đt|phòng GDĐT", "GD&amp;ĐT|GDĐT", "GDĐT|GDĐT"})
    void educationAuthorityFormsBecomeOne(String written, String canonical) {
        assertEquals(canonical, VietnameseText.normalize(written));
    }

    @Test
    void foldRemovesEveryDiacriticAndCase() {
        assertEquals("khung nang luc so", VietnameseText.fold("Khung năng lực số"));
        assertEquals("ngay hoi toan dan hoc tap so", VietnameseText.fold("Ngày hội toàn dân học tập số"));
        assertEquals(VietnameseText.fold("Uỷ ban"), VietnameseText.fold("ủy ban"));
        assertEquals("dao tao gddt", VietnameseText.fold("Đào tạo GD&ĐT"));
    }

    @Test
    void knowsWhetherAQueryWasTypedWithDiacritics() {
        assertTrue(VietnameseText.hasDiacritics("khung năng lực"));
        assertTrue(VietnameseText.hasDiacritics("đi"));
        assertFalse(VietnameseText.hasDiacritics("khung nang luc so"));
        assertFalse(VietnameseText.hasDiacritics("hoc ki nay qui dinh ti le"), "i/y spelling is no diacritic");
    }

    @ParameterizedTest
    @CsvSource({"kĩ năng, kỹ năng", "học kì, học kỳ", "Kí tên, Ký tên", "lí do, lý do", "tỉ lệ, tỷ lệ",
            "thẩm mĩ, thẩm mỹ", "bác sĩ, bác sỹ", "qui định, quy định", "Quí, Quý", "hoc ki, hoc ky", "KĨ, KỸ"})
    void syllablesSpelledWithIOrYMatchAsOne(String withI, String withY) {
        assertEquals(VietnameseText.matchingForm(withY), VietnameseText.matchingForm(withI));
        assertEquals(VietnameseText.fold(withY), VietnameseText.fold(withI));
        assertEquals(withI, VietnameseText.normalize(withI), "what is shown keeps its spelling");
    }

    @Test
    void aFiguresLeadingZerosDoNotMatter() {
        assertEquals(VietnameseText.matchingForm("1 sáng kiến, 6 học kỳ, ngày 7/1/2026"),
                VietnameseText.matchingForm("01 sáng kiến, 06 học kỳ, ngày 07/01/2026"));
        String kept = "0,5 ngày, 1.050 người, năm 2025, 0 điểm";
        assertEquals(kept, VietnameseText.matchingForm(kept));
        assertEquals("01 sáng kiến", VietnameseText.normalize("01 sáng kiến"), "what is shown keeps its zeros");
    }

    @ParameterizedTest
    @CsvSource({"khi", "thi", "đơn vị", "kim", "chi", "nghĩ", "ghi", "phí", "mới", "lợi", "quỹ"})
    void otherSyllablesWithIStay(String word) {
        assertEquals(VietnameseText.normalize(word), VietnameseText.matchingForm(word));
    }

    @Test
    void stripDiacriticsKeepsCaseAndPunctuation() {
        assertEquals("Kho hoc GD&DT, Dao tao!", VietnameseText.stripDiacritics("Khó học GD&ĐT, Đào tạo!"));
        assertEquals("khung nang luc so", VietnameseText.stripDiacritics(
                Normalizer.normalize("khung năng lực số", Normalizer.Form.NFD)));
    }

    @Test
    void slugIsLowercaseAsciiJoinedByHyphens() {
        assertEquals("ke-hoach-so-12-doi-moi", VietnameseText.slug("Kế hoạch số 12: Đổi mới"));
        assertEquals("gd-dt", VietnameseText.slug("  GD&ĐT  "), "a slug does not follow normalize's GDĐT rule");
        assertEquals("", VietnameseText.slug("…"));
    }
}
