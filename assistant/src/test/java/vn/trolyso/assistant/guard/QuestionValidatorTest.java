package vn.trolyso.assistant.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.InvalidQuestionException;

class QuestionValidatorTest {
    @Test
    void rejectsEmptyAndWhitespace() {
        for (String empty : new String[] {null, "", "   ", "\n\t ", "\u0000\u0007"}) {
            InvalidQuestionException e = assertThrows(InvalidQuestionException.class,
                    () -> QuestionValidator.clean(empty));
            assertEquals("empty_message", e.code());
        }
    }

    @Test
    void rejectsOverTwoThousandCharacters() {
        String ok = "a".repeat(2_000);
        assertEquals(ok, QuestionValidator.clean(ok));
        InvalidQuestionException e = assertThrows(InvalidQuestionException.class,
                () -> QuestionValidator.clean("a".repeat(2_001)));
        assertEquals("message_too_long", e.code());
    }

    @Test
    void stripsControlCharactersAndComposesUnicode() {
        String decomposed = "Ke\u0302\u0301 hoa\u0323ch\u0000 AI\u200B  la\u0300 gi\u0300?";
        assertEquals("Kế hoạch AI là gì?", QuestionValidator.clean(decomposed));
    }
}
