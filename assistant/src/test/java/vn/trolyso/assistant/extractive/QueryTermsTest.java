package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryTermsTest {
    private static boolean hasTopic(String question, String word) {
        return QueryTerms.of(question).terms.stream().anyMatch(t -> t.surface().equalsIgnoreCase(word));
    }

    @Test
    void anUnaccentedAiAfterChoOrLaAsksWhoAndIsNoTopic() {
        assertFalse(hasTopic("the ban doc o phu nhuan la phat cho ai a", "ai"));
        assertFalse(hasTopic("to truong to cong tac la ai", "ai"));
        // The technology stays the topic.
        assertTrue(hasTopic("ke hoach ung dung ai cua truong", "ai"));
        assertTrue(hasTopic("noi dung do ai tao ra co dung khong", "ai"));
    }
}
