package vn.trolyso.eval.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.answering.AnswerTexts;

class GoldMatchTest {
    @Test
    void caseCitationsPunctuationAndSpacingAreFolded() {
        String answer = "Sinh viên được  đăng ký tối đa 24 tín chỉ [1]. Học kỳ hè: 12 tín chỉ [2].\n\n"
                + AnswerTexts.EXTRACTIVE_NOTE;
        assertTrue(GoldMatch.contains(answer, List.of("được đăng ký tối đa 24 tín chỉ. Học kỳ hè: 12 tín chỉ")));
        assertTrue(GoldMatch.contains(answer, List.of("SINH VIÊN", "12 tín chỉ")));
    }

    @Test
    void everySpanMustBeThereAndWordsMustBeWhole() {
        String answer = "Hội đồng gồm 3 thành viên [1].";
        assertFalse(GoldMatch.contains(answer, List.of("3 thành viên", "chủ tịch")));
        assertFalse(GoldMatch.contains(answer, List.of("ồng gồm")));
        assertFalse(GoldMatch.contains(answer, List.of()));
    }

    @Test
    void theClosingNoteAndTheSuggestionAreNotPartOfTheAnswer() {
        String answer = "Câu trả lời [1].\n\n" + AnswerTexts.SUGGESTION_PREFIX + "Bài 3\n\n" + AnswerTexts.EXTRACTIVE_NOTE;
        assertEquals("Câu trả lời  .", GoldMatch.answerBody(answer));
        assertFalse(GoldMatch.contains(answer, List.of("Bài 3")));
    }
}
