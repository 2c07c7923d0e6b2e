package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ChatShorthandTest {
    @Test
    void writesOutChatShorthandWithTheQuestionsOwnDiacritics() {
        assertEquals("Lớp tập huấn ở Đồ Sơn khoảng bao nhiêu người?",
                ChatShorthand.expand("Lớp tập huấn ở Đồ Sơn khoảng bn người?"));
        assertEquals("kinh phí lấy từ đâu vậy", ChatShorthand.expand("kinh phí lấy từ đâu v"));
        // Typed without diacritics, the question stays so: it is read as unaccented.
        assertEquals("kinh phi lay tu dau vay", ChatShorthand.expand("kinh phi lay tu dau v"));
        assertEquals("co duoc nghi khong", ChatShorthand.expand("co dc nghi k"));
        // "ki", "qui" are spellings, not diacritics: still typed without them.
        assertEquals("hoc ki nay co duoc nghi khong", ChatShorthand.expand("hoc ki nay co dc nghi k"));
        assertEquals("bạn cho mình hỏi kế hoạch", ChatShorthand.expand("bn cho mk hỏi kế hoạch"));
        assertEquals("có dùng ứng dụng AI miễn phí không", ChatShorthand.expand("có dùng app AI free k"));
        assertEquals("chỉ tiêu năm học 2026-2027 là gì", ChatShorthand.expand("chỉ tiêu năm học 26-27 là gì"));
        assertEquals("nam hoc 2025-2026", ChatShorthand.expand("nam hoc 25-26"));
        assertEquals("năm học 25-30", ChatShorthand.expand("năm học 25-30"), "not one school year");
        assertEquals("thẻ đó có gắn gì vô không vậy", ChatShorthand.expand("thẻ đó có gắn gì vô hông zậy"));
    }

    @Test
    void leavesCapitalsAbbreviationsAndFiguresAlone() {
        String q = "Mục V của KH, lớp 6k, phòng KT, HT&ĐT và P.ĐTĐH làm gì?";
        assertSame(q, ChatShorthand.expand(q));
        assertEquals("Ngày 10/10 hằng năm là ngày gì", ChatShorthand.expand("Ngày 10/10 hằng năm là ngày j"));
    }
}
