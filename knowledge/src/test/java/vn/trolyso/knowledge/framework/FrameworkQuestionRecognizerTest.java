package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameworkQuestionRecognizerTest {
    private static FrameworkQuestionRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new FrameworkQuestionRecognizer(FrameworkLoader.loadBundled());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Học sinh lớp 7 ở bậc mấy?                                          | LEVEL_FOR_GRADE | 7     | -   | -   | -
            Cháu bà học lớp 4 thì thuộc mức nào?                               | LEVEL_FOR_GRADE | 4     | -   | -   | -
            hoc sinh lop 7 o bac may                                           | LEVEL_FOR_GRADE | 7     | -   | -   | -
            Lớp 10 thuộc bậc nào trong khung năng lực số?                      | LEVEL_FOR_GRADE | 10    | -   | -   | -
            lop 12 la bac gi                                                   | LEVEL_FOR_GRADE | 12    | -   | -   | -
            Học sinh tiểu học lớp 1 đến lớp 3 thuộc bậc mấy của khung năng lực số? | LEVEL_FOR_GRADE | 1 2 3 | - | - | -
            Học sinh lớp 6-7 ở bậc nào?                                        | LEVEL_FOR_GRADE | 6 7   | -   | -   | -
            Học sinh của tôi ở bậc nào?                                        | LEVEL_FOR_GRADE | -     | -   | -   | -
            Lớp 13 ở bậc mấy?                                                  | LEVEL_FOR_GRADE | 13    | -   | -   | -
            Năng lực 4.2 là gì?                                                | COMPETENCY      | -     | -   | 4.2 | -
            nang luc 4.2 la gi                                                 | COMPETENCY      | -     | -   | 4.2 | -
            NLTP 3.4 gồm những yêu cầu gì?                                     | COMPETENCY      | -     | -   | 3.4 | -
            Năng lực bảo vệ dữ liệu cá nhân là gì?                             | COMPETENCY      | -     | -   | 4.2 | -
            nang luc bao ve du lieu ca nhan va quyen rieng tu la gi            | COMPETENCY      | -     | -   | 4.2 | -
            Năng lực quản lý danh tính số trong khung năng lực số là gì?       | COMPETENCY      | -     | -   | 2.6 | -
            Lớp 8 cần đạt gì về lập trình?                                     | REQUIREMENTS    | 8     | -   | 3.4 | -
            lop 8 can dat gi ve lap trinh                                      | REQUIREMENTS    | 8     | -   | 3.4 | -
            Yêu cầu cần đạt của năng lực 4.2 ở bậc 3?                          | REQUIREMENTS    | -     | 3   | 4.2 | -
            Năng lực 1.1 ở TC1 yêu cầu gì?                                     | REQUIREMENTS    | -     | 3   | 1.1 | -
            nang luc 1.1 o trung cap 1 yeu cau gi                              | REQUIREMENTS    | -     | 3   | 1.1 | -
            Học sinh lớp 5 cần đạt gì về bảo vệ thiết bị?                      | REQUIREMENTS    | 5     | -   | 4.1 | -
            Học sinh của tôi cần đạt gì về sử dụng AI?                         | REQUIREMENTS    | -     | -   | 6.2 | -
            Lớp tôi cần đạt gì về bản quyền?                                   | REQUIREMENTS    | -     | -   | 3.3 | -
            Khung năng lực số yêu cầu lớp 8 gì về bảo vệ bản thân và người khác khỏi nguy cơ? | REQUIREMENTS | 8 | - | 4.3 | -
            Lớp 11 cần đạt gì về an toàn số?                                   | REQUIREMENTS    | 11    | -   | -   | 4
            Bậc 2 miền giao tiếp và hợp tác yêu cầu gì?                        | REQUIREMENTS    | -     | 2   | -   | 2
            Học sinh lớp 9 cần đạt gì về dùng AI?                              | REQUIREMENTS    | 9     | -   | 6.2 | -
            Bậc 3 và bậc 4 của năng lực sử dụng AI khác nhau thế nào?          | COMPARE_LEVELS  | -     | 3 4 | 6.2 | -
            bac 3 va bac 4 cua nang luc su dung ai khac nhau the nao           | COMPARE_LEVELS  | -     | 3 4 | 6.2 | -
            So sánh bậc 1 và 5 của năng lực 1.1                                | COMPARE_LEVELS  | -     | 1 5 | 1.1 | -
            Năng lực lập trình ở CB2 và TC2 khác gì nhau?                      | COMPARE_LEVELS  | -     | 2 4 | 3.4 | -
            Lập trình lớp 6 và lớp 10 khác nhau thế nào trong khung năng lực số? | COMPARE_LEVELS | 6 10 | -   | 3.4 | -
            Miền An toàn gồm những năng lực nào?                               | DOMAIN          | -     | -   | -   | 4
            mien an toan gom nhung nang luc nao                                | DOMAIN          | -     | -   | -   | 4
            Miền năng lực thứ tư trong khung năng lực số của người học là gì?  | DOMAIN          | -     | -   | -   | 4
            Miền 6 có những năng lực thành phần nào?                           | DOMAIN          | -     | -   | -   | 6
            Xin hỏi miền năng lực thứ 6 trong khung năng lực số là miền gì ạ?  | DOMAIN          | -     | -   | -   | 6
            Miền 6 có trong DigComp 2.2 của châu Âu không?                     | DIGCOMP         | -     | -   | -   | 6
            Khung năng lực số đối chiếu theo khung nào của châu Âu?            | DIGCOMP         | -     | -   | -   | -
            Miền ứng dụng trí tuệ nhân tạo gồm gì?                             | DOMAIN          | -     | -   | -   | 6
            mien giai quyet van de co may nang luc                             | DOMAIN          | -     | -   | -   | 5
            Bậc 3 là gì?                                                       | LEVEL           | -     | 3   | -   | -
            TC1 dành cho lớp nào?                                              | LEVEL           | -     | 3   | -   | -
            trung cap 2 la bac may                                             | LEVEL           | -     | 4   | -   | -
            Bậc 6 yêu cầu gì?                                                  | REQUIREMENTS    | -     | 6   | -   | -
            bac 8 trong khung nang luc so                                      | LEVEL           | -     | 8   | -   | -
            Bậc 9 là gì?                                                       | LEVEL           | -     | 9   | -   | -
            Khung năng lực số gồm những miền nào?                              | LIST_DOMAINS    | -     | -   | -   | -
            Khung năng lực số có bao nhiêu năng lực thành phần?                | STRUCTURE       | -     | -   | -   | -
            khung nang luc so co bao nhieu mien                                | STRUCTURE       | -     | -   | -   | -
            Khung năng lực số cho người học có mấy bậc?                        | STRUCTURE       | -     | -   | -   | -
            Các mức trình độ trong khung năng lực số là gì?                    | TIERS           | -     | -   | -   | -
            Chỉ báo 4.2.TC1a là gì?                                            | REQUIREMENTS    | -     | 3   | 4.2 | -
            Học sinh lớp 3 cần đạt gì về AI?                                   | REQUIREMENTS    | 3     | -   | -   | 6
            Năng lực số là gì?                                                 | DEFINITION      | -     | -   | -   | -
            nang luc so duoc hieu nhu the nao theo thong tu                    | DEFINITION      | -     | -   | -   | -
            Khung năng lực số là gì?                                           | STRUCTURE       | -     | -   | -   | -
            Thông tư nào quy định khung năng lực số cho người học?             | SOURCE          | -     | -   | -   | -
            Khung năng lực số được ban hành theo văn bản nào?                  | SOURCE          | -     | -   | -   | -
            thong tu ve khung nang luc so co hieu luc tu ngay nao              | SOURCE          | -     | -   | -   | -
            TT 02/2025 về khung NLS có hiệu lực từ ngày nào?                    | SOURCE          | -     | -   | -   | -
            Khung NLS ban hành theo Thông tư 02 gồm bao nhiêu miền năng lực?   | STRUCTURE       | -     | -   | -   | -
            """)
    void recognisesPhrasing(String question, FrameworkQuestionType type, String grades, String levels,
                            String competency, String domain) {
        FrameworkIntent intent = recognizer.recognize(question).orElseThrow(() -> new AssertionError("not recognised"));
        assertEquals(type, intent.type(), "type");
        assertEquals(numbers(grades), intent.grades(), "grades");
        assertEquals(numbers(levels), intent.levels(), "levels");
        assertEquals(competency, intent.competencyCode(), "competency");
        assertEquals(domain, intent.domainCode(), "domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Chương trình Day of AI do tổ chức nào khởi xướng?",
            "Kế hoạch AI của trường tiểu học Ngô Gia Tự căn cứ thông tư nào về khung năng lực số?",
            "Kinh phí tập huấn lấy từ nguồn nào?",
            "Thời tiết hôm nay thế nào?",
            "Lập trình là gì?",
            "Máy tính của tôi bị hỏng",
            "Trường tôi cần làm gì để triển khai khung năng lực số?",
            "Giáo viên cần tập huấn gì về khung năng lực số?",
            "Thư viện các trường Phú Nhuận phải đạt chuẩn mức mấy?",
            "Tỷ lệ phụ huynh đồng ý phải giữ ở mức nào?",
            ""})
    void ignoresOtherQuestions(String question) {
        assertTrue(recognizer.recognize(question).isEmpty(), () -> "recognised: " + recognizer.recognize(question));
    }

    @ParameterizedTest(name = "{1} after {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Khung năng lực số có phần nào về bảo vệ sức khỏe khi dùng thiết bị số không? | lớp 8 thì phần đó yêu cầu cần đạt thế nào? | 8 | - | 4.3 | -
            Học sinh lớp 6 ứng với mức nào trong khung năng lực số? | về bảo vệ dữ liệu cá nhân và quyền riêng tư thì các em cần làm được gì? | 6 | - | 4.2 | -
            Năng lực 1.1 ở TC1 yêu cầu gì? | Thế còn về bản quyền thì cần đạt gì? | - | 3 | 3.3 | -
            Lớp 11 cần đạt gì về an toàn số? | Còn lớp 4 cần đạt những gì? | 4 | - | - | 4
            Khung năng lực số yêu cầu gì về tìm kiếm thông tin cho HS lớp 1-3? | thế còn phần bản quyền với ghi nguồn thì sao | 1 2 3 | - | 3.3 | -
            """)
    void aFollowUpTakesWhatItLacksFromTheFrameworkQuestionBefore(String earlier, String question, String grades,
                                                                  String levels, String competency, String domain) {
        FrameworkIntent intent = recognizer.recognizeFollowUp(question, recognizer.recognize(earlier).orElseThrow())
                .orElseThrow();
        assertEquals(FrameworkQuestionType.REQUIREMENTS, intent.type());
        assertEquals(numbers(grades), intent.grades(), "grades");
        assertEquals(numbers(levels), intent.levels(), "levels");
        assertEquals(competency, intent.competencyCode(), "competency");
        assertEquals(domain, intent.domainCode(), "domain");
    }

    @ParameterizedTest(name = "{1} after {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Học sinh lớp 6 ứng với mức nào?      | Năng lực 4.2 là gì?
            Năng lực 4.2 là gì?                  | Học sinh lớp 7 ở bậc mấy?
            Lớp 8 cần đạt gì về lập trình?       | Lớp 9 cần đạt gì về bản quyền?
            Khung năng lực số gồm mấy miền?      | Lớp 8 cần đạt những gì?
            Năng lực 4.2 là gì?                  | Thế còn lớp 9 thì sao?
            Học sinh lớp 6 ứng với mức nào?      | Kế hoạch của phường Kiến An yêu cầu giáo viên đạt gì về dữ liệu cá nhân?
            """)
    void aQuestionOfItsOwnOrOneWithNothingToTakeIsNoFollowUp(String earlier, String question) {
        FrameworkIntent before = recognizer.recognize(earlier).orElseThrow();
        assertTrue(recognizer.recognizeFollowUp(question, before).isEmpty(),
                () -> "completed: " + recognizer.recognizeFollowUp(question, before));
    }

    @Test
    void theEuropeanFrameOfReferenceForLanguagesIsNoDigCompQuestion() {
        String question = "Khung năng lực số nói trình độ ngoại ngữ theo khung tham chiếu châu Âu không?";
        assertTrue(recognizer.recognize(question).map(i -> i.type() != FrameworkQuestionType.DIGCOMP).orElse(true));
    }

    @Test
    void ownClassIsFlagged() {
        assertTrue(recognizer.recognize("Học sinh của tôi cần đạt gì về lập trình?").orElseThrow().ownClass());
        assertTrue(recognizer.recognize("lop toi o bac may").orElseThrow().ownClass());
    }

    private static List<Integer> numbers(String s) {
        return s == null ? List.of() : Arrays.stream(s.trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
