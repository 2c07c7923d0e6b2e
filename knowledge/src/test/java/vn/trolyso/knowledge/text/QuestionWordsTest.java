package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionWordsTest {
    private static List<String> words(String s) {
        return List.of(s.strip().split("\\s+"));
    }

    @Test
    void removesQuestionWordsButKeepsCapitalAi() {
        assertEquals(List.of("xử", "lý", "đề", "thi", "?"),
                words(QuestionWords.strip("Ai xử lý đề thi là gì không ?", true)));
        assertEquals(List.of("ứng", "dụng", "AI"), words(QuestionWords.strip("ứng dụng AI thế nào", true)));
    }

    @Test
    void unaccentedQueriesLoseTheUnaccentedForms() {
        assertEquals(List.of("ke", "hoach", "truong"), words(QuestionWords.strip("ke hoach la gi truong", false)));
        assertEquals(List.of("lá", "cờ"), words(QuestionWords.strip("lá cờ", true)), "accented forms differ");
    }

    @Test
    void aQueryOfQuestionWordsOnlyIsKeptWhole() {
        assertEquals(List.of("ai"), words(QuestionWords.strip("ai", false)));
        assertEquals(List.of("là", "gì", "?"), words(QuestionWords.strip("là gì ?", true)));
    }
}
