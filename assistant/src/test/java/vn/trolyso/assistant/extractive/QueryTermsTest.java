package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryTermsTest {
    private static boolean hasTopic(String question, String word) {
        return QueryTerms.of(question).terms.stream().anyMatch(t -> t.surface().equalsIgnoreCase(word));
    }

    @Test
    void aWhoQuestionWhoseNextWordsAreNoTopicHasNoActor() {
        // "ai" read as who, then only question words: no topic word for the actor or the focus (it once threw).
        QueryTerms q = QueryTerms.of("Chiều nay đội tuyển đá với ai, mấy giờ vậy?");
        assertTrue(q.actor.stream().allMatch(java.util.Objects::nonNull) && q.focus.stream()
                .allMatch(java.util.Objects::nonNull), q.focus.toString());
    }

    @Test
    void hearsayAndRelationWordsFrameTheQuestionAndAreNoTopic() {
        String q = "Em nghe nói trường Đoàn Lập có phong trào liên quan tới tài khoản AI.";
        for (String framing : java.util.List.of("nghe", "liên", "quan", "tới")) {
            assertFalse(hasTopic(q, framing), framing);
        }
        assertTrue(hasTopic(q, "phong") && hasTopic(q, "khoản"));
        // Elsewhere the words keep their meaning: "cơ quan", "nghe nhìn".
        assertTrue(hasTopic("cơ quan nào chủ trì", "quan"));
        assertTrue(hasTopic("trường có thiết bị nghe nhìn không", "nghe"));
    }

    @Test
    void anUnaccentedAiAfterChoOrLaAsksWhoAndIsNoTopic() {
        assertFalse(hasTopic("the ban doc o phu nhuan la phat cho ai a", "ai"));
        assertFalse(hasTopic("to truong to cong tac la ai", "ai"));
        // The technology stays the topic.
        assertTrue(hasTopic("ke hoach ung dung ai cua truong", "ai"));
        assertTrue(hasTopic("noi dung do ai tao ra co dung khong", "ai"));
    }

    /** True when the question's figure {@code figure} is found in the sentence. */
    private static boolean figureFound(String question, String figure, String sentence) {
        QueryTerms.TextForms text = QueryTerms.TextForms.of(sentence);
        return QueryTerms.of(question).terms.stream().filter(t -> t.surface().equals(figure))
                .anyMatch(t -> t.matches(text));
    }

    @Test
    void aDatesDayAndMonthAreOneFigure() {
        String sentence = "Tham gia hưởng ứng Ngày hội toàn dân học tập số vào ngày 11/10 hằng năm.";
        assertFalse(figureFound("Lịch thi tuyển sinh lớp 10 là ngày nào?", "10", sentence));
        assertTrue(figureFound("Ngày 11/10 có hoạt động gì?", "d11m10", sentence));
        assertTrue(figureFound("Học sinh lớp 10 học gì?", "10", "Học sinh lớp 10 được học kỹ năng số."));
        // The year of a date stays a figure of its own.
        assertTrue(figureFound("Năm 2025 có công văn nào?", "2025", "Công văn ngày 24/12/2025 của Báo."));
    }
}
