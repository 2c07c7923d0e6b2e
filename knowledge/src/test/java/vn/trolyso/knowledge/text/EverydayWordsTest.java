package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EverydayWordsTest {
    private final EverydayWords words = new EverydayWords(Map.of("tiền", List.of("kinh phí", "ngân sách"),
            "hạn chót", List.of("thời hạn"), "thầy cô", List.of("giáo viên"), "thầy cô giáo", List.of("giáo viên")));

    @Test
    void addsTheDocumentsWordsForEverydayOnes() {
        assertEquals("kinh phí ngân sách", words.expansionsFor("Tiền tập huấn lấy từ đâu?"));
        assertEquals("thời hạn", words.expansionsFor("Hạn chót nộp báo cáo là ngày nào?"));
        assertEquals("", words.expansionsFor("Kinh phí tập huấn lấy từ đâu?"));
    }

    @Test
    void aSingleSyllableMatchesOnlyWithItsDiacriticsAPhraseAlsoWithout() {
        // "tien" may be tiền, tiến or tiên; "han chot" can only be hạn chót.
        assertEquals("", words.expansionsFor("tien tap huan lay tu dau"));
        assertEquals("", words.expansionsFor("Đẩy mạnh tiến độ"));
        assertEquals("thời hạn", words.expansionsFor("han chot nop bao cao"));
        // In a question typed with diacritics an unaccented word is that very word.
        assertNull(words.at(List.of("han", "chot", "ngày"), 0, true));
    }

    @Test
    void theLongestPhraseWinsAndToneMarksMayBeEitherWay() {
        EverydayWords.Match match = words.at(List.of("mấy", "thầy", "cô", "giáo"), 1, true);
        assertEquals(3, match.length());
        assertEquals(List.of("giáo viên"), match.documentWords());
        assertEquals(1, words.at(List.of("TIỀN"), 0, true).length());
    }

    @Test
    void theBundledListLoads() {
        assertEquals("kinh phí ngân sách", EverydayWords.defaults().expansionsFor("tiền ở đâu ra"));
        assertEquals("tối thiểu", EverydayWords.defaults().expansionsFor("mỗi tổ ít nhất mấy câu hỏi"));
        assertEquals("người dân nhân dân", EverydayWords.defaults().expansionsFor("có lớp cho bà con không"));
    }
}
