package vn.trolyso.assistant.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A transcript the caller kept becomes conversation memory with each question's standalone rewrite. */
class FollowUpReplayTest {
    @Test
    void eachQuestionIsRewrittenAgainstTheTurnsBeforeItAndTheWindowKeepsTheLast() {
        String first = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";
        List<Turn> replayed = FollowUpRewriter.replay(List.of(new Turn(first, first, "Khoảng 70% [1]."),
                new Turn("Thế còn đến năm 2030?", "Thế còn đến năm 2030?", "90% [1].")), 5);
        assertEquals(first, replayed.get(0).standaloneQuestion());
        assertEquals(FollowUpRewriter.rewrite(replayed.subList(0, 1), "Thế còn đến năm 2030?"),
                replayed.get(1).standaloneQuestion());
        assertEquals(false, replayed.get(1).standaloneQuestion().equals("Thế còn đến năm 2030?"),
                "the follow-up was made standalone: " + replayed.get(1).standaloneQuestion());
        assertEquals("90% [1].", replayed.get(1).answer());
        assertEquals(List.of(replayed.get(1)), FollowUpRewriter.replay(List.of(new Turn(first, first, "Khoảng 70% [1]."),
                new Turn("Thế còn đến năm 2030?", "x", "90% [1].")), 1));
    }
}
