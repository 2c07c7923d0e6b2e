package vn.trolyso.assistant.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageFramingTest {
    @Test
    void theClausesInWhichThePersonSaysWhoTheyAreAskNothing() {
        assertEquals(java.util.List.of("Kế hoạch của phường lấy tiền từ đâu", " ai chi"), MessageFraming.askingClauses(
                "Kế hoạch của phường lấy tiền từ đâu, ai chi? Mình bên hội khuyến học muốn biết thêm."));
        assertEquals(java.util.List.of(" Hội Phụ nữ được giao gì"),
                MessageFraming.askingClauses("Chị ở Hội Phụ nữ phường. Hội Phụ nữ được giao gì?"));
        assertEquals(java.util.List.of("Em muốn hỏi Đoàn Thanh niên làm gì"),
                MessageFraming.askingClauses("Em muốn hỏi Đoàn Thanh niên làm gì?"));
    }

    @Test
    void greetingsAndThanksAroundTheQuestionAreNotAsked() {
        assertEquals("em xin hỏi khung gồm bao nhiêu miền năng lực ạ?", MessageFraming.question(
                "Kính chào anh/chị, em xin hỏi khung gồm bao nhiêu miền năng lực ạ? Em xin chân thành cảm ơn."));
        assertEquals("Vậy thông tư đó áp dụng cho những đối tượng nào ạ?",
                MessageFraming.question("Dạ em cảm ơn ạ. Vậy thông tư đó áp dụng cho những đối tượng nào ạ?"));
        assertEquals("Ai ký kế hoạch này?", MessageFraming.question("Dạ em chào anh/chị ạ. Ai ký kế hoạch này?"));
    }

    @Test
    void whatThePersonWillDoWithTheAnswerIsNotAsked() {
        assertEquals("ngày hội ở P. Kiến An là ngày nào hả ad", MessageFraming.question(
                "ngày hội ở P. Kiến An là ngày nào hả ad, để HPN lên lịch cho chị em"));
        assertEquals("Kế hoạch số mấy", MessageFraming.question("Kế hoạch số mấy, để em ghi vào báo cáo"));
        String asked = "Phong trào này của trường nào, để làm gì?";
        assertEquals(asked, MessageFraming.question(asked));
    }

    @Test
    void anIntroductionLeavesThePlaceItNamesNotTheOrganisation() {
        assertEquals("ở Kiến An: Kế hoạch của phường đặt mục tiêu gì cho phụ huynh?", MessageFraming.question(
                "Chị ở Hội Phụ nữ phường Kiến An, đang tính mở lớp cho các mẹ. Kế hoạch của phường đặt mục tiêu gì"
                        + " cho phụ huynh?"));
        assertEquals("ở Đồ Sơn: Buổi tập huấn kéo dài bao lâu?", MessageFraming.question(
                "Chào bạn, mình là tổ trưởng tổ Tin trường THCS bên Đồ Sơn. Buổi tập huấn kéo dài bao lâu?"));
        // A pupil says what they learn: the grade is in the question itself.
        assertEquals("Lớp 7 cần đạt gì về an toàn số?",
                MessageFraming.question("Em học lớp 7 ạ. Lớp 7 cần đạt gì về an toàn số?"));
    }

    @Test
    void aMessageThatIsOnlyFramingOrNamesAnEventStaysWhole() {
        assertEquals("Chào bạn!", MessageFraming.question("Chào bạn!"));
        assertEquals("Cảm ơn nhé.", MessageFraming.question("Cảm ơn nhé."));
        String event = "Chào mừng ngày hội toàn dân học tập số, trường Đoàn Lập làm gì?";
        assertEquals(event, MessageFraming.question(event));
        String thanksInside = "Trường có gửi thư cảm ơn phụ huynh không?";
        assertEquals(thanksInside, MessageFraming.question(thanksInside));
    }
}
