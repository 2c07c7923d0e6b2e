package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The variants the cleaner, the chunker and the splitter use for one idea, and how they differ. */
class LineGrammarTest {
    @Test
    void theCleanersParagraphStartKnowsRomanLAndArticlesTheSplittersItemStartDoesNot() {
        assertTrue(LineGrammar.PARAGRAPH_START.matcher("L. Năm mươi").lookingAt());
        assertFalse(LineGrammar.ITEM_START.matcher("L. Năm mươi").lookingAt());
        assertTrue(LineGrammar.PARAGRAPH_START.matcher("Điều 3. Phạm vi").lookingAt());
        assertFalse(LineGrammar.ITEM_START.matcher("Điều 3. Phạm vi").lookingAt());
        assertTrue(LineGrammar.ITEM_START.matcher("12\tTập huấn").lookingAt(), "a numbered table row");
        assertTrue(LineGrammar.PARAGRAPH_START.matcher("• Chấm").lookingAt());
        assertTrue(LineGrammar.ITEM_START.matcher("• Chấm").lookingAt());
    }

    @Test
    void onlyTheCleanersSentenceEndLooksPastClosingQuotes() {
        assertTrue(LineGrammar.endsSentenceOrQuote("Phong trào “Bình dân học vụ số.”"));
        assertFalse(LineGrammar.endsSentence("Phong trào “Bình dân học vụ số.”"));
        assertTrue(LineGrammar.endsSentence("như sau: "));
        assertFalse(LineGrammar.endsWithFullStop("như sau:"));
        assertTrue(LineGrammar.endsWithFullStop("các Trạm gửi báo cáo."));
    }

    @Test
    void theChunkerCutsLongParagraphsWhereTheSplitterKeepsOneSentence() {
        String text = "Các nội dung gồm: tập huấn; 2 buổi thực hành.";
        assertEquals(2, LineGrammar.LONG_PARAGRAPH_CUT.split(text).length);
        assertEquals(1, LineGrammar.SENTENCE_BREAK.split(text).length);
        assertEquals(List.of("Xem (phụ lục).", "(Hết)"),
                List.of(LineGrammar.SENTENCE_BREAK.split("Xem (phụ lục). (Hết)")));
    }

    @Test
    void headingsByCase() {
        assertTrue(LineGrammar.isHeading("KẾ HOẠCH Số 12/KH"), "mostly capitals");
        assertFalse(LineGrammar.isAllCaps("KẾ HOẠCH Số 12/KH"), "the cleaner wants no lower-case letter");
        assertTrue(LineGrammar.isAllCaps("II. MỤC TIÊU"));
        assertTrue(LineGrammar.isHeading("## Chuẩn bị"));
        assertFalse(LineGrammar.isHeading("AI"), "too few letters");
        assertTrue(LineGrammar.isNumberedTitle("2. Mục tiêu đến năm 2030"));
        assertFalse(LineGrammar.isNumberedTitle("2. Mục tiêu: đến năm 2030"));
        assertTrue(LineGrammar.opensNumberedHeading("Điều 3. Phạm vi điều chỉnh"));
    }

    @Test
    void periodsThatEndNoSentence() {
        assertTrue(LineGrammar.periodEndsNoSentence("do TP."));
        assertTrue(LineGrammar.periodEndsNoSentence("II."));
        assertTrue(LineGrammar.periodEndsNoSentence("1.2."));
        assertTrue(LineGrammar.periodEndsNoSentence("ông Nguyễn V."));
        assertFalse(LineGrammar.periodEndsNoSentence("do Thành phố quản lý."));
        assertFalse(LineGrammar.periodEndsNoSentence("TP"));
    }

    @Test
    void markersTabsAndFootnotes() {
        assertEquals("1. Từ ngày", LineGrammar.untabMarker("1.\tTừ ngày"));
        assertEquals("Điều 2. Một số", LineGrammar.untabMarker("Điều 2.\tMột số"));
        assertEquals("Nội dung\tThời gian", LineGrammar.untabMarker("Nội dung\tThời gian"));
        assertTrue(LineGrammar.footnoteMarker("1", "chương trình Day of AI1 là").find());
        assertFalse(LineGrammar.footnoteMarker("1", "năm 2021 là").find());
        assertTrue(LineGrammar.LEADING_MARKERS.matcher("- a) Thành lập").lookingAt());
        assertEquals("Thành lập", LineGrammar.LEADING_MARKERS.matcher("- a) Thành lập").replaceFirst(""));
    }
}
