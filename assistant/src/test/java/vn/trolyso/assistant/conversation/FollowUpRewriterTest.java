package vn.trolyso.assistant.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpRewriterTest {
    private static List<Turn> after(String standalone) {
        return List.of(new Turn(standalone, standalone, "…"));
    }

    @Test
    void anIntroductionBeforeTheQuestionLeavesOnlyThePlaceItNames() {
        assertEquals("ở Đồ Sơn: Buổi tập huấn kéo dài bao lâu?", FollowUpRewriter.rewrite(List.of(),
                "Mình là tổ trưởng tổ Tin trường THCS bên Đồ Sơn. Buổi tập huấn kéo dài bao lâu?"));
        assertEquals("Kế hoạch của trường Ngô Gia Tự có nói về phụ huynh không?", FollowUpRewriter.rewrite(List.of(),
                "Chào bạn, tôi là phụ huynh lớp 3. Kế hoạch của trường Ngô Gia Tự có nói về phụ huynh không?"));
        String alone = "Tôi là giáo viên trường Đoàn Lập, trường có thi Công dân số không?";
        assertEquals(alone, FollowUpRewriter.rewrite(List.of(), alone), "no full stop: one sentence, kept whole");
    }

    @Test
    void joinedAddsTheQuestionToThePreviousTopicOnlyWhenTheRewriteDidNot() {
        List<Turn> before = after("Phú Nhuận có nói về hệ thống thanh toán điện tử không?");
        assertEquals("Phú Nhuận có nói về hệ thống thanh toán điện tử không" + FollowUpRewriter.JOIN
                + "tiểu học đóng tiền kiểu gì?",
                FollowUpRewriter.joined(before, "tiểu học đóng tiền kiểu gì").orElseThrow());
        assertTrue(FollowUpRewriter.joined(List.of(), "tiểu học đóng tiền kiểu gì").isEmpty(), "no topic before");
        assertTrue(FollowUpRewriter.joined(before, "Kéo dài bao lâu?").isEmpty(), "joined by the rewrite already");
    }

    @Test
    void anotherPlaceWithAQuestionOfItsOwnStandsAlone() {
        List<Turn> before = after("Trường Ngô Gia Tự có nói gì về thư viện số không?");
        String own = "thế bên Phú Nhuận thì thư viện thông minh phải có những thiết bị gì?";
        assertEquals(own, FollowUpRewriter.rewrite(before, own));
        String bare = FollowUpRewriter.rewrite(before, "thế bên Phú Nhuận thì sao?");
        assertTrue(bare.contains("Phú Nhuận") && bare.contains("thư viện số"), bare);
    }

    @Test
    void replacesTheYear() {
        assertEquals("Đoàn Lập đặt mục tiêu gì cho giáo viên đến năm 2030?",
                FollowUpRewriter.rewrite(after("Đoàn Lập đặt mục tiêu gì cho giáo viên năm 2026?"),
                        "Còn đến năm 2030?"));
    }

    @Test
    void replacesTheSchoolLevel() {
        assertEquals("Học sinh THCS cần đạt năng lực số gì?",
                FollowUpRewriter.rewrite(after("Học sinh tiểu học cần đạt năng lực số gì?"), "Thế còn THCS?"));
    }

    @Test
    void replacesTheAspect() {
        assertEquals("Địa điểm tập huấn Day of AI ở Đồ Sơn?",
                FollowUpRewriter.rewrite(after("Nội dung tập huấn Day of AI ở Đồ Sơn là gì?"),
                        "Vậy còn địa điểm thì sao?"));
        assertEquals("Thời gian tổ chức tập huấn Day of AI ở Đồ Sơn?",
                FollowUpRewriter.rewrite(after("Kinh phí tập huấn Day of AI ở Đồ Sơn lấy từ nguồn nào?"),
                        "Còn thời gian tổ chức thì sao?"));
    }

    @Test
    void addsTheNewElementWhenNothingMatches() {
        String rewritten = FollowUpRewriter.rewrite(after("Tập huấn Day of AI ở Đồ Sơn dành cho ai?"),
                "Còn thời gian thì sao?");
        assertTrue(rewritten.contains("Day of AI") && rewritten.toLowerCase().contains("thời gian")
                && !rewritten.contains("dành cho ai"), rewritten);
    }

    @Test
    void aShortQuestionTakingAWordOfThePreviousOneNarrowsItsTopic() {
        assertTrue(FollowUpRewriter.narrowsTopic("chỉ tiêu là bao nhiêu lớp học?",
                "Phú Nhuận có làm lớp học thông minh không?"));
        String joined = FollowUpRewriter.rewrite(after("Phú Nhuận có làm lớp học thông minh không?"),
                "chỉ tiêu là bao nhiêu lớp học?");
        assertTrue(joined.contains("thông minh") && joined.toLowerCase().contains("chỉ tiêu"), joined);
        // a new topic, a name, or a long question stands alone
        assertFalse(FollowUpRewriter.narrowsTopic("Ai ký kế hoạch?", "Phú Nhuận có làm lớp học thông minh không?"));
        assertFalse(FollowUpRewriter.narrowsTopic("Lớp học ở Đoàn Lập?", "Phú Nhuận có làm lớp học thông minh?"));
        assertFalse(FollowUpRewriter.narrowsTopic("lớp học số sáng tạo cần đạt tiêu chí gì theo kế hoạch năm nay",
                "Phú Nhuận có làm lớp học thông minh không?"));
    }

        @Test
    void aPersonPointedBackToIsThePersonTheAnswerNamed() {
        List<Turn> history = List.of(new Turn("Ai ký kế hoạch của trường Lê Lợi?", "Ai ký kế hoạch của trường Lê Lợi?",
                "Theo Kế hoạch của Trường Lê Lợi: Người ký: Nguyễn Thị Lan (Hiệu trưởng). [1]"));
        assertEquals("Nguyễn Thị Lan giữ chức vụ gì?", FollowUpRewriter.rewrite(history, "bà ấy giữ chức vụ gì?"));
        // An answer naming no one leaves the pointer to the other rules.
        assertTrue(FollowUpRewriter.personFromAnswer("Tổ chức tại Trường Tiểu Học Ngô Gia Tự.", "ông ấy là ai?")
                .isEmpty());
    }

    @Test
    void theUnitOfWhoAsksStandsForTheirOwn() {
        assertEquals("Kế hoạch BDHVS giao cho trường TH Lê Lợi ở phường Kiến An những việc gì?",
                FollowUpRewriter.rewrite(after("Chào bạn, mình là giáo viên trường TH Lê Lợi ở phường Kiến An."),
                        "Kế hoạch BDHVS giao cho trường mình những việc gì?"));
        assertEquals("Tổ chuyên môn Toán phải báo cáo khi nào?", FollowUpRewriter.rewrite(
                after("em dạy ở tổ chuyên môn Toán, trường Đoàn Lập"), "Tổ của em phải báo cáo khi nào?"));
        // Any word a person calls themselves, and "ở" where they work, introduce the unit (ChatPerson).
        assertEquals("Trường tiểu học Ngô Gia Tự phải làm gì?", FollowUpRewriter.ownUnit(List.of(
                new Turn("Cô ở trường tiểu học Ngô Gia Tự", "…", "…")), "Trường tôi phải làm gì?").orElseThrow());
        // No introduction of that unit: nothing to stand for it.
        String q = "Phòng tôi phải làm gì?";
        assertEquals(q, FollowUpRewriter.ownUnit(List.of(new Turn("tôi là giáo viên trường Đoàn Lập", "…", "…")), q)
                .orElse(q));
    }

    @Test
    void aPlaceNamedNowReplacesThePlaceBefore() {
        assertEquals("Ai ký kế hoạch tập huấn Day of AI ở Kiến An?",
                FollowUpRewriter.rewrite(after("Ai ký kế hoạch tập huấn Day of AI ở Đồ Sơn?"),
                        "Còn kế hoạch BDHVS bên P. Kiến An thì sao?"));
        assertEquals("Trường Đoàn Lập đặt mục tiêu gì đến năm 2030?",
                FollowUpRewriter.rewrite(after("Trường Ngô Gia Tự đặt mục tiêu gì đến năm 2030?"),
                        "Còn trường Đoàn Lập?"));
        // "bên X thì …" with no opener sets another place as the topic too
        String side = FollowUpRewriter.rewrite(after("Ngày hội toàn dân học tập số ở trường Đoàn Lập là ngày nào?"),
                "bên phường Kiến An thì ngày nào");
        assertTrue(side.contains("Ngày hội") && side.contains("Kiến An") && !side.contains("Đoàn Lập"), side);
        assertFalse(FollowUpRewriter.isFollowUp("bên phường Kiến An có những mô hình trường học số nào được triển khai"));
        // With another aspect, the topic keeps only the place named now.
        String rewritten = FollowUpRewriter.rewrite(after("Tập huấn Day of AI ở phường Đồ Sơn dành cho ai?"),
                "Thế còn kinh phí bên phường Kiến An?");
        assertTrue(rewritten.contains("Kiến An") && !rewritten.contains("Đồ Sơn"), rewritten);
        // The place before named bare, without "phường" or "ở"; a unit ("Sở Giáo dục") is no place.
        String bare = FollowUpRewriter.rewrite(after("ngân sách cho phong trào học tập số Đồ Sơn ra sao"),
                "còn trường Tân Minh thì sao");
        assertTrue(bare.contains("Tân Minh") && !bare.contains("Đồ Sơn"), bare);
        String unit = FollowUpRewriter.rewrite(after("Kế hoạch gửi Sở Giáo dục ngày nào?"), "còn trường Lê Lợi?");
        assertTrue(unit.contains("Sở Giáo dục") && unit.contains("Lê Lợi"), unit);
    }

    @Test
    void aGradeOrAudienceFollowedByThiIsAFollowUp() {
        assertTrue(FollowUpRewriter.isFollowUp("lớp 1-3 thì cần đạt những gì?"));
        assertTrue(FollowUpRewriter.isFollowUp("Còn phụ huynh thì được hướng dẫn gì?"));
        assertFalse(FollowUpRewriter.isFollowUp("Học sinh lớp 1-3 cần đạt những gì về an toàn số?"));
        String rewritten = FollowUpRewriter.rewrite(after("Năng lực thành phần 4.3 trong khung NLS là gì?"),
                "lớp 1-3 thì cần đạt những gì?");
        assertTrue(rewritten.contains("4.3") && rewritten.contains("lớp 1-3"), rewritten);
    }

    @Test
    void anotherAspectLeavesWhatWasAskedBeforeBehind() {
        String rewritten = FollowUpRewriter.rewrite(
                after("Kế hoạch AI của trường Ngô Gia Tự căn cứ văn bản nào của Sở?"),
                "Còn báo cáo tiến độ hằng năm hạn chót là ngày nào?");
        assertTrue(rewritten.contains("Ngô Gia Tự") && !rewritten.contains("của Sở"), rewritten);
        // asked in a clause of its own, the whole clause goes, not only its last word before "nào"
        rewritten = FollowUpRewriter.rewrite(
                after("Trong phụ lục kế hoạch phường Kiến An, cơ quan nào chủ trì các nhiệm vụ?"),
                "Thế còn đơn vị phối hợp là những ai?");
        assertEquals("Đơn vị phối hợp là những ai trong phụ lục kế hoạch phường Kiến An?", rewritten);
    }

    @Test
    void aUnitPointedBackIsTheOneThePreviousAnswerNamed() {
        List<Turn> history = List.of(new Turn("Năng lực lập trình thuộc miền nào?",
                "Năng lực lập trình thuộc miền nào?",
                "Theo Thông tư 02/2025/TT-BGDĐT, năng lực thành phần 3.4 Lập trình thuộc miền 3. Sáng tạo nội "
                        + "dung số."));
        assertEquals("Miền 3 gồm những năng lực thành phần nào?",
                FollowUpRewriter.rewrite(history, "Miền đó gồm những năng lực thành phần nào?"));
        // The answer names no level: nothing to name it by.
        assertTrue(FollowUpRewriter.nameFromAnswer(history.getFirst().answer(), "bậc đó dành cho lớp mấy?").isEmpty());
        // "năng lực này" points back to the "năng lực thành phần 3.4" the answer named
        assertEquals("Lớp 8 phải đạt những gì ở năng lực 3.4?",
                FollowUpRewriter.rewrite(history, "Lớp 8 phải đạt những gì ở năng lực này?"));
    }

    @Test
    void usesThePreviousStandaloneQuestionNotTheTypedOne() {
        List<Turn> history = List.of(new Turn("Còn đến năm 2030?",
                "Kiến An đặt mục tiêu gì cho phụ huynh đến năm 2030?", "…"));
        assertEquals("Kiến An đặt mục tiêu gì cho giáo viên đến năm 2030?",
                FollowUpRewriter.rewrite(history, "Còn giáo viên thì sao?"));
    }

    @Test
    void leavesStandaloneQuestionsAlone() {
        String q = "Phú Nhuận yêu cầu bao nhiêu phần trăm giáo viên sử dụng chữ ký số?";
        assertEquals(q, FollowUpRewriter.rewrite(after("Kiến An đặt mục tiêu gì năm 2025?"), q));
        assertFalse(FollowUpRewriter.isFollowUp(q));
        assertEquals("Còn đến năm 2030?", FollowUpRewriter.rewrite(List.of(), "Còn đến năm 2030?"));
    }

    @Test
    void worksWithoutDiacritics() {
        assertEquals("Kiến An đặt mục tiêu gì cho phụ huynh den nam 2030?",
                FollowUpRewriter.rewrite(after("Kiến An đặt mục tiêu gì cho phụ huynh năm 2025?"),
                        "con den nam 2030 thi sao"));
    }

    @Test
    void aQuestionTooShortForATopicOfItsOwnAsksAboutThePreviousOne() {
        String rewritten = FollowUpRewriter.rewrite(after("Tập huấn Day of AI ở Đồ Sơn tổ chức ngày nào?"),
                "Kéo dài bao lâu?");
        assertTrue(rewritten.contains("Day of AI") && rewritten.contains("Kéo dài bao lâu"), rewritten);
        assertTrue(FollowUpRewriter.isFollowUp("Dành cho những cấp học nào?"));
        assertFalse(FollowUpRewriter.isFollowUp("Chuyển đổi số là gì?"), "a definition stands alone");
        assertFalse(FollowUpRewriter.isFollowUp("Kế hoạch của Đoàn Lập?"), "a name is a topic of its own");
    }

    @Test
    void anotherAudienceReplacesCadresAndCivilServants() {
        assertEquals("Phường Kiến An đặt chỉ tiêu gì cho người dân đến năm 2025?",
                FollowUpRewriter.rewrite(after("Phường Kiến An đặt chỉ tiêu gì cho cán bộ, công chức đến năm 2025?"),
                        "Còn người dân thì sao?"));
    }

    @Test
    void aPronounOrAPolitenessParticleMarksAFollowUp() {
        assertTrue(FollowUpRewriter.isFollowUp("Nó thuộc miền nào?"));
        assertTrue(FollowUpRewriter.isFollowUp("Miền đó gồm những năng lực thành phần nào?"));
        assertTrue(FollowUpRewriter.isFollowUp("tập huấn ở đâu vậy ạ?"), "ạ is politeness, not a topic");
        assertFalse(FollowUpRewriter.isFollowUp("Kế hoạch tập huấn Day of AI của phường Đồ Sơn tổ chức ở đâu ạ?"));
        String rewritten = FollowUpRewriter.rewrite(after("Năng lực thành phần 3.4 trong khung năng lực số là gì?"),
                "Nó thuộc miền nào?");
        assertTrue(rewritten.contains("3.4") && rewritten.contains("miền nào"), rewritten);
    }

    @Test
    void aPredicateWithNoSubjectContinuesTheTopic() {
        assertTrue(FollowUpRewriter.isFollowUp("Gồm những năng lực thành phần nào?"));
        assertFalse(FollowUpRewriter.isFollowUp("Khung năng lực số gồm những miền nào?"));
        String rewritten = FollowUpRewriter.rewrite(after("Miền 6 của khung năng lực số tên là gì?"),
                "Gồm những năng lực thành phần nào?");
        assertTrue(rewritten.contains("Miền 6") || rewritten.contains("miền 6"), rewritten);
    }

    @Test
    void aUnitPointedBackTakesTheNameThePreviousQuestionGaveIt() {
        assertEquals("Còn ở phường Kiến An thì Phòng Kinh tế, Hạ tầng và Đô thị làm gì?",
                FollowUpRewriter.rewrite(after("Phòng Kinh tế, Hạ tầng và Đô thị phường Đồ Sơn có vai trò gì?"),
                        "Còn ở phường Kiến An thì phòng đó làm gì?"));
        // A school named after its type in lowercase: the whole name, not a mangled previous question
        assertEquals("kế hoạch AI của Trường tiểu học Ngô Gia Tự phải hoàn thành khi nào?",
                FollowUpRewriter.rewrite(after("Trường tiểu học Ngô Gia Tự thuộc tỉnh nào vậy?"),
                        "kế hoạch AI của trường đó phải hoàn thành khi nào?"));
        // A unit the previous question names without capitals: both questions kept whole, not spliced
        assertEquals("Tổ chuyên môn ở trường Ngô Gia Tự làm gì – tổ đó báo cáo cho ai?",
                FollowUpRewriter.rewrite(after("Tổ chuyên môn ở trường Ngô Gia Tự làm gì?"), "tổ đó báo cáo cho ai?"));
        // A question of its own about what the previous one named is joined to it, not spliced into it
        assertEquals(
                "Phú Nhuận có chương trình STEM Robot trong trường học không – Nhiệm vụ đó khi nào phải cơ bản xong?",
                FollowUpRewriter.rewrite(after("Phú Nhuận có chương trình STEM Robot trong trường học không?"),
                        "Nhiệm vụ đó khi nào phải cơ bản xong?"));
        // the same audience again swaps nothing, and the question is not lost
        assertTrue(FollowUpRewriter.rewrite(after("Tôi là phụ huynh, trường thu học phí không dùng tiền mặt à?"),
                "họ muốn bao nhiêu phần trăm phụ huynh đồng ý tham gia?").contains("bao nhiêu phần trăm"));
        // Nothing named after the noun before: the pointer stays.
        assertEquals("phòng đó làm gì", FollowUpRewriter.unitFromQuestion("phòng đó làm gì",
                "Kế hoạch tập huấn ở Đồ Sơn do phòng nào chủ trì?"));
    }

    @Test
    void aNounPhraseWithTheSameHeadTakesThePlaceOfThePreviousOne() {
        assertEquals("Hệ thống tuyển dụng viên chức ngành GD Phú Nhuận triển khai từ khi nào?",
                FollowUpRewriter.rewrite(after("Hệ thống thi đua khen thưởng ngành GD Phú Nhuận triển khai từ khi nào?"),
                        "Còn hệ thống tuyển dụng viên chức?"));
    }

    @Test
    void nextYearIsTheYearAfterTheOneAskedAbout() {
        assertEquals("Trường Đoàn Lập đặt chỉ tiêu gì năm học 2026-2027?",
                FollowUpRewriter.rewrite(after("Trường Đoàn Lập đặt chỉ tiêu gì cho năm học 2025-2026?"),
                        "thế năm học sau thì sao?"));
        assertEquals("Kiến An đặt mục tiêu gì cho phụ huynh năm 2026?",
                FollowUpRewriter.rewrite(after("Kiến An đặt mục tiêu gì cho phụ huynh năm 2025?"),
                        "Còn năm tới?"));
        // the same aspect asked again: the year changes, the question stays
        assertEquals("Trường Đoàn Lập năm học 2026-2027 đặt chỉ tiêu bao nhiêu % cán bộ hiểu biết về chuyển đổi số?",
                FollowUpRewriter.rewrite(after("Trường Đoàn Lập năm học 2025-2026 đặt chỉ tiêu bao nhiêu % cán bộ "
                        + "hiểu biết về chuyển đổi số?"), "Năm học sau đó thì chỉ tiêu là bao nhiêu?"));
        assertEquals("5 năm sau thì sao", FollowUpRewriter.nextYear("5 năm sau thì sao", "năm 2025"),
                "a count of years is not the next year");
    }

    @Test
    void theyPointsBackEvenInALongerQuestionButAFullNameDoesNot() {
        assertTrue(FollowUpRewriter.isFollowUp("họ có nói đến việc dùng mấy ứng dụng AI miễn phí không?"));
        assertFalse(FollowUpRewriter.isFollowUp("Có được nhập họ tên của học sinh vào ứng dụng AI không?"));
    }

    @Test
    void aTurnThatOnlySetsTheTopicLeavesItsOpeningWordsBehind() {
        assertEquals("buổi tập huấn Day of AI phường Đồ Sơn – nó kéo dài bao lâu?",
                FollowUpRewriter.rewrite(after("mình muốn hỏi về buổi tập huấn Day of AI phường Đồ Sơn"),
                        "nó kéo dài bao lâu?"));
        // however the person speaks of themselves
        assertEquals("khung năng lực số của Bộ – nó gồm mấy miền?",
                FollowUpRewriter.rewrite(after("Bà muốn hỏi về khung năng lực số của Bộ"), "nó gồm mấy miền?"));
    }

    @Test
    void aQuestionOfAspectsAloneAsksThemOfThePreviousTopic() {
        assertTrue(FollowUpRewriter.isFollowUp("kết quả cần đạt là gì, làm trong thời gian nào?"));
        assertFalse(FollowUpRewriter.isFollowUp("Kết quả phổ cập kỹ năng số cho người dân cần đạt là gì?"));
        assertTrue(FollowUpRewriter.isFollowUp("hạn hoàn thành là khi nào"), "a deadline of what is not said");
        assertTrue(FollowUpRewriter.isFollowUp("Thời gian hoàn thành là khi nào em?"), "'hoàn thành' names nothing");
        assertFalse(FollowUpRewriter.isFollowUp("Hạn hoàn thành mô hình trường học thông minh là khi nào?"));
        String rewritten = FollowUpRewriter.rewrite(after("Kiến An giao nhiệm vụ phổ cập kỹ năng số cho ai?"),
                "kết quả cần đạt là gì, làm trong thời gian nào?");
        assertTrue(rewritten.contains("Kiến An") && rewritten.contains("phổ cập"), rewritten);
    }

    @Test
    void anotherUnitAskedAboutReplacesTheUnitNamedBefore() {
        assertEquals("Ở Kiến An các trường làm gì trong kế hoạch BDHVS?",
                FollowUpRewriter.rewrite(
                        after("Ở Kiến An Phòng Kinh tế, Hạ tầng và Đô thị làm gì trong kế hoạch BDHVS?"),
                        "thế các trường thì phải làm gì?"));
        // A school named by its name is a place, which replaces the place before instead.
        assertEquals("Phòng Văn hóa - Xã hội phường Đoàn Lập hưởng ứng ngày nào?",
                FollowUpRewriter.rewrite(after("Phòng Văn hóa - Xã hội phường Kiến An hưởng ứng ngày nào?"),
                        "còn trường Đoàn Lập thì hưởng ứng ngày nào?"));
        // "Đô thị" ends the unit's name: no "thì" there, and the name is not cut.
        String city = FollowUpRewriter.rewrite(
                after("Phòng Văn hoá - Xã hội bên Đồ Sơn có nhiệm vụ gì trong tập huấn?"),
                "Thế còn phòng Kinh tế, Hạ tầng và Đô thị?");
        assertTrue(city.contains("Kinh tế, Hạ tầng và Đô thị") && !city.contains("Xã hội"), city);
    }
}
