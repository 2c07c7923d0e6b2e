package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.knowledge.document.DocumentCard;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.text.Abbreviations;

/** Sentence choice of the no-LLM mode on small hand-written passages. */
class ExtractiveAnswererTest {
    private static final DocumentMetadata PLAN = new DocumentMetadata("ke-hoach-tap-huan",
            "Kế hoạch tập huấn chương trình Day of AI phường Đồ Sơn", "Ủy ban nhân dân phường Đồ Sơn", "Hải Phòng",
            "10/2025", "Kế hoạch", DocumentKind.OFFICIAL, "plan.txt");
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();

    private static Passage passage(String id, String section, String text) {
        return new Passage(PLAN, id, section, text, 1f);
    }

    @Test
    void findsTheFocusWordInsteadOfRepeatingTheTopic() {
        // "nguồn nào" asks for the source: the funding sentence answers, the one repeating the topic does not.
        List<Passage> passages = List.of(
                passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "- Tham mưu cho Ủy ban nhân dân phường triển khai Kế hoạch "
                        + "tập huấn cán bộ quản lý, giáo viên chương trình Day of AI đúng tiến độ."),
                passage("p#2", "IV. KINH PHÍ THỰC HIỆN",
                        "IV. KINH PHÍ THỰC HIỆN: Nguồn ngân sách nhà nước và các nguồn lực hợp pháp khác."));
        Optional<ExtractiveAnswerer.Extract> extract = answerer.extract("Kinh phí tập huấn Day of AI lấy từ nguồn nào?",
                passages, 1);
        assertTrue(extract.isPresent());
        assertTrue(extract.get().text().contains("ngân sách nhà nước"), extract.get().text());
    }

    @Test
    void answersWhereWithThePlaceAndWhenWithTheTime() {
        // The sentence repeating the topic says neither where nor when; the labelled lines below it do.
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU", "Buổi tập huấn giúp giáo viên làm quen với "
                        + "chương trình Day of AI và các bài học tích hợp AI."),
                passage("p#2", "III. TỔ CHỨC TẬP HUẤN", "1. Thời gian: 1/2 ngày (dự kiến ngày 01/11/2025).\n"
                        + "2. Địa điểm: Hội trường UBND phường (tầng 3 nhà A)."));
        ExtractiveAnswerer kindBlind =
                new ExtractiveAnswerer(ReaderWeights.defaults().with("kindMiss=1,kindLabel=0"), 3);
        String where = "Buổi tập huấn Day of AI cho giáo viên tổ chức ở đâu?";
        assertTrue(answerer.extract(where, passages, 1).orElseThrow().text().contains("Hội trường"));
        assertFalse(kindBlind.extract(where, passages, 1).orElseThrow().text().contains("Hội trường"));
        String when = "buoi tap huan day of ai cho giao vien to chuc khi nao";
        assertTrue(answerer.extract(when, passages, 1).orElseThrow().text().contains("01/11/2025"));
        assertFalse(kindBlind.extract(when, passages, 1).orElseThrow().text().contains("01/11/2025"));
    }

    @Test
    void aPlansOwnNumberIsNotTheNumberOfADocumentItCites() {
        Passage cites = passage("p#1", "I. MỤC ĐÍCH", "Thực hiện Kế hoạch số 478-KH/TU ngày 01/6/2025 của Ban "
                + "Thường vụ Thành ủy, Ủy ban nhân dân phường Đồ Sơn xây dựng kế hoạch tập huấn Day of AI.");
        String asked = "Kế hoạch tập huấn Day of AI của phường Đồ Sơn số hiệu là bao nhiêu?";
        assertEquals(Optional.empty(), answerer.extract(asked, List.of(cites), 2));
        Passage card = passage("p#9", DocumentCard.SECTION, "Đơn vị ban hành: Ủy ban nhân dân phường Đồ Sơn.\n"
                + DocumentCard.NUMBER_LABEL + " của Ủy ban nhân dân phường Đồ Sơn: 125/KH-UBND.");
        assertTrue(answerer.extract(asked, List.of(cites, card), 1).orElseThrow().text().contains("125/KH-UBND"));
    }

    @Test
    void theNumberEndingASchoolsNameCountsNothing() {
        String asked = "Phường có tổng cộng bao nhiêu trường mầm non?";
        Passage names = passage("p#1", "II. NHIỆM VỤ", "Trường mầm non Sơn Ca 10, trường tiểu học Cao Báo Quát đẩy "
                + "mạnh việc triển khai các nhiệm vụ theo Đề án.");
        assertEquals(Optional.empty(), answerer.extract(asked, List.of(names), 1));
        Passage counts = passage("p#2", "I. THỰC TRẠNG", "Trên địa bàn phường hiện có 12 trường mầm non công lập.");
        assertTrue(answerer.extract(asked, List.of(names, counts), 1).orElseThrow().text().contains("12 trường"));
    }

    @Test
    void theDayOfACeremonyIsSaidOnlyByASentenceOrAHeadingNamingIt() {
        // The task's time line and another event's day are not the launch ceremony's day.
        Passage task = passage("p#1", "k) Ứng dụng trực tuyến chăm sóc sức khỏe học sinh",
                "Tổ chức lễ ra mắt ứng dụng trực tuyến chăm sóc sức khỏe học sinh của quận.\n"
                        + "Thời gian: triển khai từ tháng 11 năm 2024.");
        Passage other = passage("p#2", "III. NHIỆM VỤ",
                "Tham gia hưởng ứng Ngày hội toàn dân học tập số vào ngày 11/10 hằng năm.");
        String asked = "Lễ ra mắt ứng dụng chăm sóc sức khỏe học sinh tổ chức vào ngày nào?";
        assertEquals(Optional.empty(), answerer.extract(asked, List.of(task, other), 1));
        Passage said = passage("p#3", "k) Ứng dụng trực tuyến chăm sóc sức khỏe học sinh",
                "Lễ ra mắt ứng dụng chăm sóc sức khỏe học sinh tổ chức vào ngày 20/11/2024.");
        assertTrue(answerer.extract(asked, List.of(task, other, said), 1).orElseThrow().text().contains("20/11"));
        // Asked with a place beside, a sentence giving its day answers.
        assertTrue(answerer.extract("Ngày hội toàn dân học tập số là ngày nào, ở đâu?", List.of(task, other), 1)
                .orElseThrow().text().contains("11/10"));
    }

    @Test
    void aDayAskedAloneIsAnsweredOnlyByASentenceSayingOne() {
        // The material matches the exam and grade 10 well but says no day; the day it would lead with is another's.
        List<Passage> passages = List.of(passage("p#1", "Tìm kiếm thông tin", "Ví dụ muốn biết lịch thi vào lớp 10 "
                        + "của thành phố năm nay, từ khóa tốt là lịch thi lớp 10 cùng tên thành phố và năm học."),
                passage("p#2", "III. NHIỆM VỤ",
                        "Tham gia hưởng ứng Ngày hội toàn dân học tập số vào ngày 11/10 hằng năm."));
        String asked = "Lịch thi tuyển sinh lớp 10 ở thành phố năm nay là ngày nào?";
        assertEquals(Optional.empty(), answerer.extract(asked, passages, 2));
        assertTrue(new ExtractiveAnswerer(ReaderWeights.defaults().with("kindOpen=0"), 3)
                .extract(asked, passages, 2).isPresent());
        // Asked with another thing, the other may open the gate.
        assertTrue(answerer.extract("Lịch thi lớp 10 tra thế nào, thi ngày nào?", passages, 2).isPresent());
    }

    @Test
    void anAttachmentTheDocumentsOnlyPointToIsNotAnswered() {
        // The plan hands the groups' tasks to an attachment its extracted text does not hold.
        List<Passage> pointing = List.of(passage("p#1", "IV. TỔ CHỨC THỰC HIỆN › 3. Tổ chuyên môn",
                "Các tổ chuyên môn chịu trách nhiệm đối với nội dung được giao theo Phụ lục đính kèm chủ động thực "
                        + "hiện; kịp thời báo cáo tiến độ triển khai về nhà trường."));
        String asked = "Trong phụ lục kế hoạch, tổ chuyên môn được giao nội dung gì?";
        assertEquals(Optional.empty(), answerer.extract(asked, pointing, 1));
        assertTrue(answerer.extract("Các tổ chuyên môn báo cáo tiến độ về đâu?", pointing, 1).isPresent());
        // With the appendix among the passages, the question is answered.
        List<Passage> withAppendix = List.of(pointing.getFirst(), passage("p#2", "PHỤ LỤC › Nhiệm vụ của các tổ",
                "Tổ chuyên môn được giao nội dung xây dựng học liệu số có ứng dụng AI cho các môn học."));
        assertTrue(answerer.extract(asked, withAppendix, 2).orElseThrow().text().contains("học liệu số"));
    }

    @Test
    void anHourNoSentenceStatesIsNotAnswered() {
        List<Passage> passages = List.of(passage("p#1", "III. TỔ CHỨC TẬP HUẤN",
                "1. Thời gian: 1/2 ngày (dự kiến ngày 01/11/2025).\n2. Địa điểm: Hội trường UBND phường."));
        assertEquals(Optional.empty(), answerer.extract("Tập huấn tổ chức lúc mấy giờ?", passages, 1));
        assertTrue(answerer.extract("Tập huấn tổ chức khi nào?", passages, 1).isPresent());
        assertTrue(new ExtractiveAnswerer(ReaderWeights.defaults().with("kindGate=0,kindOpen=0"), 3)
                .extract("Tập huấn tổ chức lúc mấy giờ?", passages, 1).isPresent());
    }

    @Test
    void saysWhichUnitWhenTheTaskSentenceLeavesItToItsHeading() {
        List<Passage> passages = List.of(passage("p#1", "V. TỔ CHỨC THỰC HIỆN",
                "4. Trung tâm sự nghiệp công\n- Thực hiện việc trang trí, tuyên truyền cổ động trực quan tại các trục "
                        + "đường chính của phường.\n5. Đề nghị các trường\n- Tổ chức cho học sinh tham gia."));
        String who = answerer.extract("Việc trang trí, cổ động trực quan thì đơn vị nào làm?", passages, 1)
                .orElseThrow().text();
        assertTrue(who.contains("Trung tâm sự nghiệp công: Thực hiện việc trang trí"), who);
        String what = answerer.extract("Trang trí, cổ động trực quan ở các trục đường chính gồm những gì?", passages, 1)
                .orElseThrow().text();
        assertFalse(what.contains("Trung tâm sự nghiệp công"), what);
        // A heading naming nobody stays out, and "day of ai" typed in lowercase asks nothing of a person.
        List<Passage> opening = List.of(passage("p#2", "Phần mở đầu", "Phần mở đầu\nỦy ban nhân dân phường xây dựng kế "
                + "hoạch tập huấn chương trình Day of AI cho giáo viên."));
        String plan = answerer.extract("Ai xây dựng kế hoạch tập huấn day of ai cho giáo viên?", opening, 1)
                .orElseThrow().text();
        assertFalse(plan.contains("Phần mở đầu:"), plan);
        // Under a lettered item the unit is the heading above it.
        List<Passage> lettered = List.of(passage("p#3", "IV. Tổ chức thực hiện", "1. Bộ phận chuyên môn của đơn vị\n"
                + "a) Tham mưu lãnh đạo ban hành kế hoạch triển khai AI ở bậc học\n"
                + "b) Đầu mối kết nối với các doanh nghiệp công nghệ, trường đại học về lĩnh vực AI."));
        String unit = answerer.extract("Bộ phận nào là đầu mối kết nối với doanh nghiệp công nghệ về AI?", lettered, 1)
                .orElseThrow().text();
        assertTrue(unit.contains("Bộ phận chuyên môn của đơn vị: Đầu mối kết nối"), unit);
        // The same when the passage starts at the item, its unit one section up in the passage's path.
        List<Passage> fromItem = List.of(passage("p#4", "IV. Tổ chức thực hiện › 1. Bộ phận chuyên môn của đơn vị › "
                + "b) Đầu mối kết nối với các doanh nghiệp", "b) Đầu mối kết nối với các doanh nghiệp công nghệ, trường "
                + "đại học về lĩnh vực AI."));
        String above = answerer.extract("Bộ phận nào là đầu mối kết nối với doanh nghiệp công nghệ về AI?", fromItem, 1)
                .orElseThrow().text();
        assertTrue(above.contains("Bộ phận chuyên môn của đơn vị: Đầu mối kết nối"), above);
        assertFalse(QueryTerms.of("kinh phí tập huấn day of ai của phường").asksWho);
        assertTrue(QueryTerms.of("Thế còn việc bố trí kinh phí thì ai phụ trách?").asksWho);
        assertTrue(QueryTerms.of("truong ngo gia tu ai lo lien he doanh nghiep").asksWho);
        assertTrue(QueryTerms.of("Tập huấn thì bên nào lo hạ tầng kỹ thuật?").asksWho, "'bên nào': which party");
    }

    @Test
    void aDayIsNotAnsweredByEveryYearAndACountNotByADate() {
        List<Passage> yearly = List.of(passage("p#1", "III. NHIỆM VỤ", "- Tổ chức các lớp bồi dưỡng kỹ năng số "
                + "cho giáo viên.\n- Thời gian thực hiện: Hằng năm."));
        assertEquals(Optional.empty(), answerer.extract("Lớp bồi dưỡng kỹ năng số cho giáo viên học ngày nào?",
                yearly, 1));
        assertTrue(answerer.extract("Lớp bồi dưỡng kỹ năng số cho giáo viên tổ chức khi nào?", yearly, 1)
                .isPresent());
        List<Passage> dated = List.of(passage("p#2", "III. NHIỆM VỤ", "- Học sinh tham gia Ngày hội toàn dân học "
                + "tập số vào ngày 11/10 hằng năm.\n- Giáo viên trợ giảng có mặt tối thiểu 1/3 số tiết lý thuyết."));
        assertTrue(answerer.extract("Học sinh tham gia Ngày hội toàn dân học tập số ngày nào?", dated, 1)
                .orElseThrow().text().contains("11/10"));
        assertEquals(Optional.empty(), answerer.extract("Có bao nhiêu học sinh tham gia Ngày hội toàn dân học tập số?",
                dated, 1));
        assertTrue(answerer.extract("Giáo viên trợ giảng có mặt bao nhiêu tiết lý thuyết?", dated, 1)
                .orElseThrow().text().contains("1/3"));
    }

    @Test
    void prefersTheFigureRightAfterTheAskedWord() {
        List<Passage> passages = List.of(
                passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "- Tổng hợp kết quả thực hiện kế hoạch của Sở Giáo dục và "
                        + "Đào tạo, báo cáo Ủy ban nhân dân phường theo quy định."),
                passage("p#2", "Phần mở đầu", "Thực hiện Kế hoạch số 5691/KH-SGDĐT ngày 18/8/2025 của Sở Giáo dục "
                        + "và Đào tạo, Ủy ban nhân dân phường xây dựng kế hoạch triển khai."));
        Optional<ExtractiveAnswerer.Extract> extract = answerer.extract(
                "Ủy ban nhân dân phường thực hiện kế hoạch của Sở Giáo dục và Đào tạo ban hành ngày nào?", passages, 1);
        assertTrue(extract.isPresent());
        assertTrue(extract.get().text().contains("18/8/2025"), extract.get().text());
    }

    @Test
    void aCountIsOnlyAnsweredByASentenceNamingWhatIsCounted() {
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU",
                "- Đạt 100% học sinh được trang bị kiến thức, kỹ năng số để phục vụ học tập tại các trường."),
                passage("p#2", "Tiết kiệm điện", "Tắt máy chiếu, máy tính khi hết giờ học."));
        assertEquals(Optional.empty(),
                answerer.extract("Phường trang bị bao nhiêu máy chiếu cho các trường?", passages));
        assertTrue(answerer.extract("Bao nhiêu phần trăm học sinh được trang bị kỹ năng số?", passages).isPresent());
    }

    @Test
    void whetherItCostsIsAnsweredOnlyBySentencesAboutCost() {
        List<Passage> passages = List.of(passage("p#1", "III. NHIỆM VỤ",
                "Phát động phong trào “Mỗi học sinh một tài khoản AI” để khuyến khích học tập."),
                passage("p#2", "I. MỤC ĐÍCH", "Khai thác hiệu quả những ứng dụng AI miễn phí đang được hỗ trợ."));
        // Every other word is the campaign's, and the knowledge base uses "phí" elsewhere.
        assertEquals(Optional.empty(), answerer.extract("Phong trào mỗi học sinh một tài khoản AI có mất phí không?",
                List.of(passages.get(0)), 1, word -> 5));
        String text = answerer.extract("Ứng dụng AI có mất phí không?", passages).orElseThrow().text();
        assertTrue(text.contains("miễn phí") && !text.contains("tài khoản"), text);
    }

    @Test
    void aParaphrasingWordNoPassageHasDoesNotCostTheSentenceItsOwnCoverage() {
        List<Passage> passages = List.of(passage("p#1", "I. MỤC ĐÍCH, YÊU CẦU",
                "Khai thác hiệu quả những ứng dụng AI miễn phí đang được hỗ trợ."),
                passage("p#2", "III. NHIỆM VỤ", "Tổ chức thí điểm tại các lớp từ học kỳ II của năm học."));
        // "khuyến khích" and "loại" are words of the knowledge base, but of none of these passages.
        String question = "Khuyến khích khai thác loại ứng dụng AI nào để thí điểm?";
        ExtractiveAnswerer strict = new ExtractiveAnswerer(ReaderWeights.defaults().with("minOwnCoverage=0.5"), 3);
        String text = strict.extract(question, passages, 1, word -> 5).orElseThrow().text();
        assertTrue(text.contains("miễn phí"), text);
        ExtractiveAnswerer countingThem = new ExtractiveAnswerer(
                ReaderWeights.defaults().with("minOwnCoverage=0.5,absentOwn=1"), 3);
        assertEquals(Optional.empty(), countingThem.extract(question, passages, 1, word -> 5));
    }

    @Test
    void howManyThereAreInAllIsNotAnsweredByATargetsShare() {
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU",
                "- Đạt 100% trường trung học cơ sở triển khai mô hình lớp học số sáng tạo trên địa bàn phường."));
        assertEquals(Optional.empty(), answerer.extract(
                "Trên địa bàn phường có tổng cộng bao nhiêu trường trung học cơ sở?", passages));
        assertEquals(Optional.empty(), answerer.extract(
                "Phường có bao nhiêu trường trung học cơ sở triển khai mô hình lớp học số sáng tạo?", passages));
        assertTrue(answerer.extract("Mô hình lớp học số sáng tạo phải có ở bao nhiêu trường trung học cơ sở?",
                passages).isPresent(), "a target may be a share of the schools");
        assertTrue(answerer.extract("Phường có bao nhiêu phần trăm trường trung học cơ sở triển khai mô hình lớp học số?",
                passages).isPresent(), "a share asked for");
        assertTrue(answerer.extract("Mô hình lớp học số sáng tạo triển khai khi có bao nhiêu trường trung học cơ sở?",
                passages).isPresent(), "a condition may be a share");
    }

    @Test
    void anInitialismMadeUpWhileTypingIsNotDemandedOfTheCount() {
        List<Passage> passages = List.of(passage("p#1", "Đối với giáo viên",
                "Mỗi tổ bộ môn xây dựng tối thiểu 400 câu hỏi trắc nghiệm trực tuyến theo 4 mức độ."),
                passage("p#2", "Cơ sở vật chất", "Phòng Giáo dục trang bị 20 máy tính cho các trường."));
        String text = answerer.extract("Tổ bộ môn phải soạn tối thiểu bao nhiêu câu TN trực tuyến?", passages)
                .orElseThrow().text();
        assertTrue(text.contains("400 câu"), text);
        // a word typed in full is still demanded: "phòng" alone does not count laboratories
        assertEquals(Optional.empty(), answerer.extract("Trường có bao nhiêu phòng thí nghiệm?", passages));
    }

    @Test
    void aChoiceBetweenTwoThingsTheDocumentsNeverMentionIsNotAnswered() {
        List<Passage> passages = List.of(passage("p#1", "Mục tiêu",
                "100% học sinh tham gia học tiếng Anh và Tin học theo chuẩn quốc tế, thi lấy chứng chỉ quốc tế."));
        java.util.function.ToIntFunction<String> vocabulary = word -> Set.of("ielts", "cambridge").contains(word) ? 0 : 5;
        assertEquals(Optional.empty(), answerer.extract(
                "Chứng chỉ tiếng Anh quốc tế mà học sinh phải thi là IELTS hay Cambridge?", passages, 1, vocabulary));
        assertTrue(answerer.extract("Học sinh học tiếng Anh theo chuẩn quốc tế hay chuẩn trong nước?", passages, 1,
                vocabulary).isPresent(), "a choice of words the documents use");
        assertEquals(List.of("ielts", "cambridge"), QueryTerms.choice("thi là IELTS hay Cambridge vậy ạ?",
                Abbreviations.defaults()).stream().map(QueryTerms.Term::surface).toList());
        assertTrue(QueryTerms.choice("Có hay không?", Abbreviations.defaults()).isEmpty());
    }

    @Test
    void aCountedWordTheDocumentsUseAsOneWordIsCountedWhole() {
        // "nhân viên y tế": "nhân" in "trí tuệ nhân tạo" and "viên" in "giáo viên" do not count staff
        List<Passage> passages = List.of(passage("p#1", "III. NHIỆM VỤ",
                "Mỗi trường viết 03 bài về đào tạo giáo viên ứng dụng trí tuệ nhân tạo trong dạy học."));
        java.util.function.ToIntFunction<String> vocabulary = word -> 5; // "nhân viên" is a word of the documents
        assertEquals(Optional.empty(), answerer.extract("Mỗi trường phải bố trí bao nhiêu nhân viên y tế?", passages,
                1, vocabulary));
        List<Passage> staff = List.of(passage("p#2", "III. NHIỆM VỤ",
                "Mỗi trường bố trí 01 nhân viên y tế phụ trách chăm sóc sức khỏe học sinh."));
        assertTrue(answerer.extract("Mỗi trường phải bố trí bao nhiêu nhân viên y tế?", staff, 1, vocabulary)
                .orElseThrow().text().contains("01 nhân viên"));
        // a pair the documents never use as one word is no word: each must be there, not side by side
        List<Passage> lessons = List.of(passage("p#3", "III. NHIỆM VỤ",
                "Mỗi lớp học 02 tiết mỗi tuần về tin học và an toàn trên mạng."));
        java.util.function.ToIntFunction<String> noPair = word -> word.contains(" ") ? 0 : 5;
        assertTrue(answerer.extract("Mỗi lớp học bao nhiêu tiết tin học mỗi tuần?", lessons, 1, noPair)
                .orElseThrow().text().contains("02 tiết"));
    }

    @Test
    void aHeadCountIsAnsweredByAnyKindOfPeople() {
        // "bao nhiêu người" counts people, whatever the plan calls them; "bao nhiêu máy chiếu" still needs projectors.
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU CỤ THỂ",
                "Tập huấn cho khoảng 100 cán bộ quản lý, giáo viên các trường về chương trình Day of AI."),
                passage("p#2", "III. NỘI DUNG", "Giáo viên thực hành soạn bài với công cụ AI trong buổi tập huấn."));
        String text = answerer.extract("Tập huấn Day of AI khoảng bao nhiêu người?", passages, 1).orElseThrow().text();
        assertTrue(text.contains("100 cán bộ"), text);
        assertEquals(Optional.empty(), answerer.extract("Tập huấn Day of AI trang bị bao nhiêu máy chiếu?", passages));
        // "người" is the head count, and the people the plan names cover it
        text = answerer.extract("Đợt tập huấn chương trình tính cho khoảng bao nhiêu người tham dự?", passages, 1,
                word -> 5).orElseThrow().text();
        assertTrue(text.contains("100 cán bộ"), text);
        // what the people did, said after them, must be what the figure counts: the 100 are to be trained, not
        // certified
        List<Passage> certified = List.of(passage("p#3", "II. MỤC TIÊU CỤ THỂ",
                "Tập huấn cho khoảng 100 cán bộ quản lý, giáo viên các trường về chương trình Day of AI. Sau khi hoàn "
                        + "thành, học viên đạt yêu cầu được cấp chứng nhận của MIT."));
        assertEquals(Optional.empty(), answerer.extract(
                "Tập huấn Day of AI xong có bao nhiêu người đạt chứng nhận MIT?", certified, 1, word -> 5));
        text = answerer.extract("Tập huấn Day of AI cho bao nhiêu người là cán bộ quản lý?", certified, 1,
                word -> 5).orElseThrow().text();
        assertTrue(text.contains("100 cán bộ"), text);
    }

    @Test
    void chatWordsTheDocumentsNeverUseAreNoTopic() {
        // "bên Đồ Sơn" (over at), "hôm nào" (which day), "cháu" (addressing the assistant): words the plans never use,
        // which must not count as a topic they lack
        List<Passage> passages = List.of(passage("p#1", "III. THỜI GIAN, ĐỊA ĐIỂM",
                "Thời gian tổ chức tập huấn Day of AI: 1/2 ngày (dự kiến ngày 01/11/2025)."));
        java.util.function.ToIntFunction<String> vocabulary =
                word -> Set.of("bên", "hôm", "cháu").contains(word) ? 0 : 5;
        String text = answerer.extract("Cháu hỏi buổi tập huấn Day of AI bên phường tổ chức hôm nào?", passages, 1,
                vocabulary).orElseThrow().text();
        assertTrue(text.contains("01/11/2025"), text);
    }

    @Test
    void theDocumentCardAnswersOnlyQuestionsAboutTheDocument() {
        List<Passage> passages = List.of(passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "Thành lập Tổ công tác triển khai "
                        + "tại đơn vị."),
                passage("p#card", DocumentCard.SECTION, "Người ký văn bản của Ủy ban nhân dân phường Đồ Sơn: Phạm "
                        + "Hoàng Tuấn (Phó Chủ tịch)."));
        assertEquals(Optional.empty(), answerer.extract("Ai làm tổ trưởng tổ công tác ở phường Đồ Sơn?", passages));
        String signer = answerer.extract("Kế hoạch của phường Đồ Sơn do ai ký?", passages, 1).orElseThrow().text();
        assertTrue(signer.contains("Phạm Hoàng Tuấn"), signer);
        String office = answerer.extract("Chức vụ của Phạm Hoàng Tuấn là gì?", passages, 1).orElseThrow().text();
        assertTrue(office.contains("Phó Chủ tịch"), office);
    }

    @Test
    void whatAUnitMustDoIsATaskUnderItsName() {
        List<Passage> passages = List.of(passage("p#1", "Phần mở đầu", "Ủy ban nhân dân phường Đồ Sơn xây dựng Kế "
                        + "hoạch tập huấn Day of AI cho cán bộ, giáo viên các trường Tiểu học, THCS trên địa bàn phường."),
                passage("p#2", "V. TỔ CHỨC THỰC HIỆN › 2. Các trường Tiểu học, THCS trên địa bàn",
                        "Cử cán bộ quản lý, giáo viên tham dự chương trình tập huấn Day of AI theo đúng Kế hoạch."));
        String question = "Các trường THCS ở Đồ Sơn phải làm gì trong đợt tập huấn Day of AI?";
        String text = answerer.extract(question, passages, 1).orElseThrow().text();
        assertTrue(text.contains("Cử cán bộ quản lý"), text);
        ExtractiveAnswerer dutyBlind = new ExtractiveAnswerer(ReaderWeights.defaults().with("dutyMiss=1"), 3);
        assertFalse(dutyBlind.extract(question, passages, 1).orElseThrow().text().contains("Cử cán bộ quản lý"));
        assertTrue(ExtractiveAnswerer.answerShapeMissing(question, passages.subList(0, 1), Lexicon.BUNDLED));
        assertFalse(ExtractiveAnswerer.answerShapeMissing(question, passages, Lexicon.BUNDLED));
    }

    @Test
    void aTemplatesBlanksAnswerNothing() {
        List<Passage> passages = List.of(passage("p#1", "Phụ lục", "DANH MỤC CÁC NHIỆM VỤ\n(Kèm theo Kế hoạch số: "
                + "/KH-UBND ngày / /2025 của UBND phường Kiến An)"));
        assertEquals(Optional.empty(), answerer.extract("Kế hoạch của UBND phường Kiến An số bao nhiêu?", passages));
    }

    @Test
    void theDateOfACitedTextAnswersOnlyAQuestionAboutThatText() {
        List<Passage> passages = List.of(passage("p#1", "Căn cứ", "Căn cứ Công văn số 4977/SGDĐT-GDTrH ngày 13 tháng 8 "
                + "năm 2024 của Sở Giáo dục và Đào tạo về phát triển thư viện điện tử trong trường học."));
        assertEquals(Optional.empty(),
                answerer.extract("Thư viện điện tử trong trường học khánh thành ngày nào?", passages, 1));
        // "kỹ năng" is no signing ("ký"), though both fold to "ky"
        assertEquals(Optional.empty(), answerer.extract(
                "Lớp kỹ năng số về thư viện điện tử trong trường học khai giảng ngày nào?", passages, 1));
        assertTrue(answerer.extract("Công văn 4977 của Sở về thư viện điện tử ban hành ngày nào?", passages, 1)
                .orElseThrow().text().contains("13 tháng 8"));
        // a heading run into the citation: the date is still the cited text's, while an event's own date answers
        List<Passage> runOn = List.of(passage("p#3", "Phần mở đầu", "Phong trào Bình dân học vụ số năm 2026 Căn cứ "
                + "công văn số 972/GDTĐ ngày 24/12/2025 của Báo Giáo dục và Thời đại về phong trào."));
        assertEquals(Optional.empty(),
                answerer.extract("Hội nghị triển khai phong trào Bình dân học vụ số tổ chức ngày nào?", runOn, 1));
        List<Passage> event = List.of(passage("p#4", "Phần mở đầu", "Hội nghị triển khai phong trào Bình dân học vụ số "
                + "tổ chức ngày 05/01/2026 theo công văn số 972/GDTĐ ngày 24/12/2025."));
        assertTrue(answerer.extract("Hội nghị triển khai phong trào Bình dân học vụ số tổ chức ngày nào?", event, 1)
                .orElseThrow().text().contains("05/01/2026"));
        // a dateline whose day was left blank states no date either
        List<Passage> dateline = List.of(passage("p#2", "Phần mở đầu", "Thư viện điện tử trường học Phú Nhuận, ngày   "
                + "tháng 11 năm 2024 Kính gửi: các trường."));
        assertEquals(Optional.empty(), answerer.extract("Thư viện điện tử trường học mở ngày nào?", dateline, 1));
    }

    @Test
    void nothingAfterTheDocumentsClosingIsAnAnswer() {
        List<Passage> passages = List.of(passage("p#1", "IV. TỔ CHỨC THỰC HIỆN", "2. Giáo viên, nhân viên\n"
                + "- Tham gia đầy đủ các buổi tập huấn, có ý thức tự học.\n"
                + "Trên đây là kế hoạch triển khai phong trào. Đề nghị toàn thể giáo viên phối hợp với phụ huynh hỗ "
                + "trợ học sinh hiệu quả phong trào."));
        String text = answerer.extract("Giáo viên có nhiệm vụ gì trong phong trào?", passages).orElseThrow().text();
        assertTrue(text.contains("Tham gia đầy đủ"), text);
        assertFalse(text.contains("Đề nghị toàn thể"), text);
    }

    @Test
    void aHeadCountIsNotAnsweredByTheSchoolYear() {
        List<Passage> passages = List.of(passage("p#1", "Phần mở đầu", "Ủy ban nhân dân phường Đồ Sơn xây dựng Kế "
                + "hoạch tập huấn Day of AI cho cán bộ, giáo viên các trường năm học 2025 - 2026."));
        assertEquals(Optional.empty(), answerer.extract("Tập huấn Day of AI cho bao nhiêu thầy cô?", passages));
        assertTrue(ExtractiveAnswerer.answerShapeMissing("Tập huấn Day of AI cho bao nhiêu thầy cô?", passages,
                Lexicon.BUNDLED));
        List<Passage> withCount = List.of(passage("p#2", "II. MỤC TIÊU CỤ THỂ",
                "Tổ chức tập huấn cho khoảng 100 cán bộ quản lý và giáo viên các trường."));
        assertFalse(ExtractiveAnswerer.answerShapeMissing("Tập huấn Day of AI cho bao nhiêu thầy cô?", withCount,
                Lexicon.BUNDLED));
        assertFalse(ExtractiveAnswerer.answerShapeMissing("Tập huấn Day of AI vào ngày nào?", passages, Lexicon.BUNDLED),
                "only a count question looks deeper");
    }

    @Test
    void aTotalIsAnsweredOnlyByAFigureCountingTheNounAsked() {
        List<Passage> models = List.of(passage("p#1", "Phụ lục",
                "Kết quả thực hiện: Phấn đấu mỗi cấp học có 01 mô hình trường học số trên địa bàn phường."));
        assertEquals(Optional.empty(), answerer.extract("Phường hiện có bao nhiêu trường học?", models));
        List<Passage> schools = List.of(passage("p#1", "Phần mở đầu",
                "Hiện nay trên địa bàn phường có 12 trường học từ mầm non đến trung học cơ sở."));
        assertTrue(answerer.extract("Phường hiện có bao nhiêu trường học?", schools).isPresent());
    }

    @Test
    void aWordFollowsAFigureWithinItsReach() {
        QueryTerms.Term schools = QueryTerms.of("bao nhiêu trường học").counted.getFirst();
        assertTrue(schools.follows(QueryTerms.TextForms.of("có 12 trường học"), "12", 2));
        assertTrue(schools.follows(QueryTerms.TextForms.of("có 12 ngôi trường học"), "12", 2));
        assertFalse(schools.follows(QueryTerms.TextForms.of("có 01 mô hình trường học số"), "01", 2));
        assertFalse(schools.follows(QueryTerms.TextForms.of("trường học có 12 lớp"), "12", 2));
    }

    @Test
    void aTopicWordNoPassageContainsIsNotAnsweredByTheRest() {
        List<Passage> passages = List.of(passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "- Cử cán bộ quản lý, giáo viên "
                + "tham dự chương trình theo đúng Kế hoạch và từng bước triển khai nội dung giảng dạy về AI."));
        // The knowledge base never uses "bơi": the question is about something the documents do not hold.
        assertEquals(Optional.empty(), answerer.extract("Trường có kế hoạch dạy bơi không?", passages, 3,
                word -> word.equals("bơi") ? 0 : 5));
        assertTrue(answerer.extract("Kế hoạch triển khai nội dung giảng dạy về AI thế nào?", passages, 3, word -> 5)
                .isPresent());
    }

    @Test
    void howLongIsAQuestionPhraseNotATopic() {
        QueryTerms q = QueryTerms.of("thoi gian to chuc tap huan keo dai bao lau");
        assertTrue(q.asksNumber);
        assertTrue(q.terms.stream().noneMatch(t -> t.surface().equals("keo") || t.surface().equals("dai")));
        List<Passage> passages = List.of(passage("p#1", "III. NỘI DUNG",
                "1. Thời gian tổ chức: 1/2 ngày (dự kiến ngày 01/11/2025)"));
        Optional<ExtractiveAnswerer.Extract> extract = answerer.extract(
                "thoi gian to chuc tap huan day of ai keo dai bao lau", passages);
        assertTrue(extract.isPresent());
        assertTrue(extract.get().text().contains("1/2 ngày"), extract.get().text());
    }

    @Test
    void focusWordsAreTheWordsBesideTheQuestionWord() {
        assertEquals(List.of("nguồn"), QueryTerms.of("Kinh phí lấy từ nguồn nào?").focus.stream()
                .map(QueryTerms.Term::surface).toList());
        assertEquals(List.of("máy", "chiếu"), QueryTerms.of("Trang bị bao nhiêu máy chiếu?").counted.stream()
                .map(QueryTerms.Term::surface).toList());
        QueryTerms number = QueryTerms.of("Thực hiện kế hoạch số mấy?");
        assertTrue(number.focusBeforeNumber("Thực hiện Kế hoạch số 5691/KH-SGDĐT."));
        assertFalse(number.focusBeforeNumber("Kèm theo Kế hoạch số: /KH-UBND ngày / /2025."));
    }

    @Test
    void aJoinedFollowUpIsAnsweredByWhatItAsksAnew() {
        List<Passage> passages = List.of(passage("p#1", "5. Hệ thống quản lý thiết bị dạy học", "- 100% trường "
                + "sử dụng hệ thống quản lý thiết bị dạy học của ngành.\n"
                + "- Tổ chức tập huấn triển khai vận hành cho giáo viên toàn trường."));
        String answer = answerer.extract("Có quy định gì về hệ thống quản lý thiết bị dạy học không"
                + FollowUpRewriter.JOIN + "tập huấn vận hành cái đó cho ai?", passages, 1).orElseThrow().text();
        assertTrue(answer.contains("giáo viên toàn trường"), answer);
    }

    @Test
    void whatIsCountedMayComeBeforeTheQuestionWord() {
        assertEquals(List.of("phụ", "cấp"), QueryTerms.of("Giáo viên cốt cán được phụ cấp bao nhiêu?").counted
                .stream().map(QueryTerms.Term::surface).toList());
        assertTrue(QueryTerms.of("Tỷ lệ giáo viên được tập huấn là bao nhiêu?").counted.isEmpty());
        assertTrue(QueryTerms.of("Tỷ lệ bao nhiêu?").counted.isEmpty(), "a measure word is not what is counted");
        assertEquals(List.of("người"), QueryTerms.of("Tập huấn cho khoảng bao nhiêu thầy cô?").counted.stream()
                .map(QueryTerms.Term::surface).toList(), "a head count of teachers, which plans write 'giáo viên'");
        assertEquals(List.of("người"), QueryTerms.of("tap huan cho khoang bao nhieu thay co").counted.stream()
                .map(QueryTerms.Term::surface).toList(), "the same typed without diacritics");
        assertEquals(List.of("thay", "doi"), QueryTerms.of("co bao nhieu thay doi").counted.stream()
                .map(QueryTerms.Term::surface).toList(), "'thay' alone is another word");
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU",
                "- Trên 80% giáo viên cốt cán được tập huấn về kỹ năng số."));
        assertEquals(Optional.empty(), answerer.extract("Giáo viên cốt cán được phụ cấp bao nhiêu?", passages));
    }

    @Test
    void inAQuestionWithDiacriticsAiIsWhoButCapitalAiIsTheTopic() {
        assertTrue(QueryTerms.of("Ai là người quy định mức thù lao?").terms.stream()
                .noneMatch(t -> t.surface().equals("ai")));
        assertTrue(QueryTerms.of("Trường ứng dụng AI vào việc gì?").terms.stream()
                .anyMatch(t -> t.surface().equals("ai")));
        // Typed without diacritics, "ai" asks who only before a verb of doing.
        assertTrue(QueryTerms.of("ai ky ke hoach binh dan hoc vu so phuong kien an").asksWho);
        assertEquals("ky", QueryTerms.of("ai ky ke hoach binh dan hoc vu so phuong kien an").actor.getFirst()
                .surface());
        assertFalse(QueryTerms.of("ung dung ai ky nang so cho hoc sinh").asksWho);
        assertFalse(QueryTerms.of("ai trong giao duc la gi").asksWho);
    }

    @Test
    void aNameOrAYearTheDocumentsNeverUseIsNotAnsweredFromTheRest() {
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU", "Năm 2025, 100% trường tiểu học trên địa "
                + "bàn phường xây dựng kế hoạch chuyển đổi số của nhà trường."));
        assertEquals(List.of("le loi"), QueryTerms.of("Kế hoạch chuyển đổi số của trường THCS Lê Lợi thế nào?")
                .names.stream().map(QueryTerms.Term::surface).toList());
        // The whole knowledge base uses neither "Lê Lợi" nor the year 2030.
        assertEquals(Optional.empty(), answerer.extract("Kế hoạch chuyển đổi số của trường THCS Lê Lợi thế nào?",
                passages, 1, word -> 0));
        assertEquals(Optional.empty(), answerer.extract("Năm 2030 các trường tiểu học xây dựng kế hoạch gì?",
                passages, 1, word -> 0));
        assertTrue(answerer.extract("Năm 2025 các trường tiểu học xây dựng kế hoạch gì?", passages, 1, word -> 0)
                .isPresent());
    }

    @Test
    void aYearTheNamedDocumentsDoNotStateIsNotAnsweredFromThem() {
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU", "Năm 2025, 100% trường tiểu học trên địa "
                + "bàn phường xây dựng kế hoạch chuyển đổi số của nhà trường."));
        // Other documents of the knowledge base use 2030 (5 passages): confined to this one, it is a period it lacks.
        Lexicon wholeBase = new Lexicon(word -> 5, Lexicon.BUNDLED.abbreviations());
        String question = "Đến năm 2030 các trường tiểu học trên địa bàn phường xây dựng kế hoạch gì?";
        // (Without the year gate, which refuses a sentence naming only another year in any case.)
        ExtractiveAnswerer noYearGate = new ExtractiveAnswerer(ReaderWeights.defaults().with("yearGate=0"), 3);
        assertTrue(noYearGate.extract(question, passages, 1, wholeBase).isPresent());
        assertEquals(Optional.empty(), noYearGate.extract(question, passages, 1,
                wholeBase.confinedToNamedDocuments()));
        assertEquals(Optional.empty(), answerer.extract(question, passages, 1, wholeBase));
    }

    @Test
    void anUnknownWordWeighsLessInALongQuestion() {
        List<Passage> passages = List.of(passage("p#1", "Thông tin chung", "Trường Tiểu học Đoàn Lập thuộc địa bàn "
                + "xã Tân Minh. Nhà trường tổ chức cho học sinh học kỹ năng số. Giáo viên hướng dẫn học sinh an toàn "
                + "trên mạng."));
        // "nằm" and "bơi" are words no document uses; "huyện" is used elsewhere.
        java.util.function.ToIntFunction<String> vocabulary = word -> word.equals("nằm") || word.equals("bơi") ? 0 : 5;
        String longQuestion = "Trường tiểu học Đoàn Lập nằm ở xã nào của huyện?";
        assertTrue(answerer.extract(longQuestion, passages, 1, vocabulary).orElseThrow().text().contains("Tân Minh"));
        ExtractiveAnswerer unscaled = new ExtractiveAnswerer(ReaderWeights.defaults().with("marginWords=0"), 3);
        assertEquals(Optional.empty(), unscaled.extract(longQuestion, passages, 1, vocabulary));
        assertEquals(Optional.empty(), answerer.extract("Trường Đoàn Lập dạy bơi không?", passages, 1, vocabulary));
    }

    @Test
    void aNameDoesNotRunOverPunctuation() {
        // A follow-up joined to the turn before it: "Ai" after the dash starts a sentence, it is not part of a name.
        assertEquals(List.of("kien an"), QueryTerms.of("Kế hoạch của phường Kiến An – Ai là người ký kế hoạch đó?")
                .names.stream().map(QueryTerms.Term::surface).toList());
        assertEquals(List.of("doan lap", "kien an"), QueryTerms.of("So sánh trường Đoàn Lập, Kiến An về mục tiêu")
                .names.stream().map(QueryTerms.Term::surface).toList());
        assertEquals(List.of("ho chi minh"), QueryTerms.of("Sở GDĐT TP. Hồ Chí Minh hướng dẫn gì?")
                .names.stream().map(QueryTerms.Term::surface).toList());
        // a quoted title's first word is capitalised as a title's, not as part of the name before it
        assertEquals(List.of("doan lap"), QueryTerms.of("Ở Đoàn Lập 'Ngày hội toàn dân học tập số' là ngày nào?")
                .names.stream().map(QueryTerms.Term::surface).toList());
    }

    @Test
    void aBrandStartingWithInitialsIsAName() {
        // capitals no abbreviation expands start a product's name; a known one ("THCS") does not join the school's
        assertEquals(List.of("ch play"), QueryTerms.of("Ứng dụng này có tải trên CH Play được không?")
                .names.stream().map(QueryTerms.Term::surface).toList());
        assertEquals(List.of("tran huy lieu"), QueryTerms.of("Trường THCS Trần Huy Liệu có phòng máy không?")
                .names.stream().map(QueryTerms.Term::surface).toList());
        // a title typed in capitals is no brand
        assertTrue(QueryTerms.of("Tiêu đề của Điều 22 trong QUY CHẾ Văn bằng là gì?").names.stream()
                .noneMatch(t -> t.surface().contains("che")));
    }

    @Test
    void aClosingChoiceBetweenAnswersOfTheAskedKindIsNoTopic() {
        assertEquals("Buổi tập huấn kéo dài bao lâu vậy?",
                QueryTerms.withoutChoice("Buổi tập huấn kéo dài bao lâu vậy, cả ngày hay nửa buổi?"));
        // a second question, and a choice after a question asking no kind of answer, stay
        String second = "Buổi đó kéo dài bao lâu, học trực tiếp hay online?";
        assertEquals(second, QueryTerms.withoutChoice(second));
        String software = "Trường dùng phần mềm AI nào, ChatGPT hay Gemini?";
        assertEquals(software, QueryTerms.withoutChoice(software));
        // asked for an app's name, two names are candidate answers
        assertEquals("Trường dùng phần mềm AI cụ thể nào?",
                QueryTerms.withoutChoice("Trường dùng phần mềm AI cụ thể nào, ChatGPT hay Gemini?"));
    }

    @Test
    void theAnswerSaysWhoseDocumentItQuotes() {
        List<Passage> passages = List.of(passage("p#1", "IV. KINH PHÍ THỰC HIỆN",
                "Kinh phí tập huấn lấy từ nguồn ngân sách nhà nước."));
        String text = answerer.extract("Kinh phí tập huấn lấy từ nguồn nào?", passages).orElseThrow().text();
        assertTrue(text.startsWith("Theo Kế hoạch của Ủy ban nhân dân phường Đồ Sơn: Kinh phí tập huấn"), text);
    }

    @Test
    void whoDidItIsAnsweredByTheSentenceWithItsVerb() {
        assertEquals(List.of("ký"), QueryTerms.of("Ai là người ký kế hoạch này?").actor.stream()
                .map(QueryTerms.Term::surface).toList());
        assertEquals(List.of("ký"), QueryTerms.of("Kế hoạch do ai ký vậy?").actor.stream()
                .map(QueryTerms.Term::surface).toList());
        assertTrue(QueryTerms.of("Tập huấn dành cho ai?").actor.isEmpty());
        List<Passage> passages = List.of(
                passage("p#1", "Phần mở đầu", "Ủy ban nhân dân phường Đồ Sơn xây dựng Kế hoạch tập huấn chương trình "
                        + "Day of AI cho cán bộ, giáo viên."),
                passage("p#2", "Thông tin văn bản", "Người ký: Phạm Hoàng Tuấn (Phó Chủ tịch)."));
        String text = answerer.extract("Ai ký kế hoạch tập huấn Day of AI?", passages, 1).orElseThrow().text();
        assertTrue(text.contains("Phạm Hoàng Tuấn"), text);
    }

    @Test
    void aKindOnlyItsOwnSentencesAnswerIsAnsweredByTheSentenceThatOpenedTheGate() {
        // A link is asked for: the sentence giving one answers first, ahead of one matching more of the words.
        List<Passage> passages = List.of(
                passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "Giáo viên đăng ký tập huấn chương trình Day of AI theo "
                        + "đường link được gửi trong nhóm Zalo của trường."),
                passage("p#2", "VI. ĐĂNG KÝ TẬP HUẤN", "Trang đăng ký: https://dayofai.doson.edu.vn."));
        String text = answerer.extract("Cho xin link đăng ký tập huấn chương trình Day of AI", passages, 1)
                .orElseThrow().text();
        int link = text.indexOf("https://dayofai");
        int other = text.indexOf("Giáo viên đăng ký");
        assertTrue(link >= 0 && (other < 0 || link < other), text);
    }

    @Test
    void whereSomethingComesFromIsAnsweredByTheSentenceNamingItsSource() {
        List<Passage> passages = List.of(
                passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "Phòng Văn hóa tham mưu cấp kinh phí tập huấn chương trình "
                        + "Day of AI cho các trường đúng tiến độ."),
                passage("p#2", "IV. THỰC HIỆN", "Kinh phí tập huấn chương trình Day of AI được bảo đảm từ nguồn "
                        + "ngân sách nhà nước."));
        String text = answerer.extract("kinh phi tap huan day of ai lay tu dau", passages, 1).orElseThrow().text();
        assertTrue(text.contains("ngân sách nhà nước"), text);
    }

    @Test
    void aPlaceNamedWithoutCapitalsThatTheDocumentsNeverNameIsNotAnswered() {
        List<Passage> passages = List.of(passage("p#1", "II. MỤC TIÊU", "Đạt 80% giáo viên các trường trên địa bàn "
                + "phường Đồ Sơn được tập huấn chương trình Day of AI."));
        java.util.function.ToIntFunction<String> vocabulary =
                word -> word.equals("quan 3") || word.equals("le chan") ? 0 : 5;
        assertEquals(Optional.empty(), answerer.extract("Quận 3 đặt chỉ tiêu bao nhiêu % giáo viên được tập huấn?",
                passages, 1, vocabulary));
        assertEquals(Optional.empty(), answerer.extract(
                "phuong le chan dat chi tieu bao nhieu phan tram giao vien duoc tap huan", passages, 1, vocabulary));
        assertTrue(answerer.extract("phuong do son dat chi tieu bao nhieu phan tram giao vien duoc tap huan",
                passages, 1, vocabulary).isPresent());
    }

    @Test
    void everydayWordsMatchTheDocumentsWords() {
        List<Passage> passages = List.of(
                passage("p#1", "V. TỔ CHỨC THỰC HIỆN", "Phòng Văn hóa tham mưu cấp kinh phí tập huấn chương trình "
                        + "Day of AI cho các trường đúng tiến độ."),
                passage("p#2", "II. MỤC TIÊU", "Giáo viên các trường tham gia đầy đủ chương trình Day of AI."));
        // "tiền" is no word of the plan, yet the question is about its "kinh phí", not about something absent.
        java.util.function.ToIntFunction<String> vocabulary = word -> word.equals("tiền") ? 0 : 5;
        String text = answerer.extract("Phòng nào lo tiền tập huấn Day of AI?", passages, 1, vocabulary)
                .orElseThrow().text();
        assertTrue(text.contains("cấp kinh phí"), text);
    }

    @Test
    void aSentenceAnnouncingAListBringsItsItemsWhileTheyFit() {
        List<Passage> passages = List.of(passage("p#1", "III. NỘI DUNG", """
                Nội dung tập huấn chương trình Day of AI cho giáo viên gồm:
                - Làm quen trí tuệ nhân tạo;
                - An toàn dữ liệu cá nhân;
                - Soạn bài giảng có trợ lý ảo;
                - Đánh giá học sinh bằng công cụ số;
                - Đạo đức khi dùng trí tuệ nhân tạo."""));
        String question = "Nội dung tập huấn Day of AI cho giáo viên gồm những gì?";
        String all = answerer.extract(question, passages, 1).orElseThrow().text();
        assertTrue(all.contains("Đánh giá học sinh bằng công cụ số; Đạo đức khi dùng trí tuệ nhân tạo."), all);
        String shorter = new ExtractiveAnswerer(ReaderWeights.defaults().with("listChars=120"), 1)
                .extract(question, passages, 1).orElseThrow().text();
        assertTrue(shorter.contains("Làm quen trí tuệ nhân tạo"), shorter);
        assertFalse(shorter.contains("Đạo đức"), shorter);
    }

    @Test
    void theGateWeighsTheBestCoveringOfTheTopSentencesNotOnlyTheFirst() {
        // A strong prior puts the first passage's sentence on top although the second covers the question.
        List<Passage> passages = List.of(
                passage("p#1", "I. MỤC ĐÍCH", "Nâng cao chất lượng giáo dục trên địa bàn phường."),
                passage("p#2", "IV. KINH PHÍ", "Kinh phí tập huấn giáo viên cốt cán được bảo đảm từ nguồn ngân sách "
                        + "nhà nước."));
        String question = "Kinh phí tập huấn giáo viên cốt cán lấy từ nguồn nào?";
        String weights = "rankPrior=80,nextSentence=0.01,";
        assertEquals(Optional.empty(), new ExtractiveAnswerer(ReaderWeights.defaults().with(weights + "gateDepth=1"), 2)
                .extract(question, passages));
        String text = new ExtractiveAnswerer(ReaderWeights.defaults().with(weights + "gateDepth=6"), 2)
                .extract(question, passages).orElseThrow().text();
        assertTrue(text.contains("ngân sách nhà nước"), text);
    }

    @Test
    void whoIsCountedAsIsAnsweredWithoutTheVerbWhenNoSentenceWithItAnswers() {
        assertEquals(List.of("coi"), QueryTerms.of("Ai được coi là giáo viên cốt cán?").actor.stream()
                .map(QueryTerms.Term::surface).toList());
        List<Passage> passages = List.of(
                passage("p#1", "I. MỤC ĐÍCH", "Nhà trường coi trọng việc bồi dưỡng thường xuyên cho đội ngũ."),
                passage("p#2", "II. ĐỐI TƯỢNG", "Giáo viên cốt cán là giáo viên đạt chuẩn nghề nghiệp mức khá trở "
                        + "lên và được nhà trường cử đi tập huấn."));
        String text = answerer.extract("Ai được coi là giáo viên cốt cán?", passages).orElseThrow().text();
        assertTrue(text.contains("đạt chuẩn nghề nghiệp mức khá"), text);
    }

    @Test
    void aPhrasePairMayHoldOneFunctionWordButNotTwo() {
        List<String> pairs = QueryTerms.of("Văn bằng được cấp cho ai?").pairs.stream()
                .map(QueryTerms.Term::surface).toList();
        assertTrue(pairs.contains("cap cho"), pairs.toString()); // folded: "cho" has no diacritic to match on
        assertFalse(pairs.contains("cho ai"), pairs.toString());
    }

    @Test
    void aLoneInitialNamesNoTopicButAnAbbreviationKeepsIt() {
        assertFalse(QueryTerms.of("Tập huấn ở P. Đồ Sơn tổ chức ở đâu?").terms.stream()
                .anyMatch(t -> t.surface().equalsIgnoreCase("p")));
        assertTrue(QueryTerms.of("P.ĐTĐH là viết tắt của đơn vị nào?").terms.stream()
                .anyMatch(t -> t.surface().equalsIgnoreCase("p")));
    }

    @Test
    void aYearNoTargetIsSetForIsNotAnsweredWithAnotherYearsTarget() {
        List<Passage> passages = List.of(
                passage("p#1", "II. MỤC TIÊU › 1. Mục tiêu đến năm 2025",
                        "Đạt 80% phụ huynh học sinh có kỹ năng số cơ bản, sử dụng tốt thiết bị thông minh."),
                passage("p#2", "II. MỤC TIÊU › 2. Mục tiêu đến năm 2030",
                        "Trên 90% phụ huynh học sinh có kỹ năng số cơ bản, sử dụng tốt thiết bị thông minh."));
        assertTrue(answerer.extract("Năm 2030 bao nhiêu % phụ huynh học sinh có kỹ năng số?", passages, 1)
                .orElseThrow().text().contains("90%"));
        assertEquals(Optional.empty(),
                answerer.extract("Riêng năm 2026 bao nhiêu % phụ huynh học sinh có kỹ năng số?", passages, 1));
        assertTrue(new ExtractiveAnswerer(ReaderWeights.defaults().with("yearGate=0"), 3)
                .extract("Riêng năm 2026 bao nhiêu % phụ huynh học sinh có kỹ năng số?", passages, 1).isPresent());
        // A span holds the years inside it.
        List<Passage> span = List.of(passage("p#3", "II. MỤC TIÊU › Giai đoạn 2025 - 2030",
                "Trên 90% phụ huynh học sinh có kỹ năng số cơ bản, sử dụng tốt thiết bị thông minh."));
        assertTrue(answerer.extract("Năm 2026 bao nhiêu % phụ huynh học sinh có kỹ năng số?", span, 1).isPresent());
    }

    @Test
    void aShareNeedsOneOfTheWordsAfterItBesideTheFigure() {
        List<Passage> passages = List.of(
                passage("p#1", "II. CHỈ TIÊU › Năm học 2026 - 2027", "100% Giáo viên thực hiện hiệu quả giáo dục "
                        + "lồng ghép phát triển năng lực số cho học sinh."),
                passage("p#2", "PHỤ LỤC", "Thời gian thực hiện: Năm 2025 - 2026."));
        assertTrue(answerer.extract("Năm học 2026-2027 chỉ tiêu bao nhiêu % GV dạy lồng ghép năng lực số?", passages, 1)
                .orElseThrow().text().contains("100% Giáo viên"));
        assertEquals(Optional.empty(),
                answerer.extract("Năm 2026 bao nhiêu % phụ huynh có kỹ năng số?", passages.subList(1, 2), 1));
    }

    @Test
    void aFollowUpJoinedToTheEarlierQuestionAsksOnlyWhatItsLastPartAsks() {
        QueryTerms joined = QueryTerms.of("mỗi cụm phải viết bao nhiêu bài – hạn chót khi nào?");
        assertTrue(joined.counted.isEmpty(), "the earlier part's count is the topic now");
        assertEquals(AnswerKind.DEADLINE, joined.kind);
        assertTrue(joined.terms.stream().anyMatch(t -> t.surface().equals("cụm")), "its words still count");
        assertTrue(QueryTerms.askedPart("Mục tiêu về phụ huynh là bao nhiêu phần trăm – năm 2030?")
                .contains("bao nhiêu"), "a last part asking nothing leaves the whole question asking");
    }

    @Test
    void aTableRowAnswersWhenWithItsOwnTimeCell() {
        // A row read cell by cell: the cell naming the topic does not say when, the row's "Thời gian" cell does.
        List<Passage> passages = List.of(passage("p#1", "PHỤ LỤC", "Mục 4. Nội dung công việc: Phát huy vai trò của "
                + "học sinh trong hoạt động tình nguyện; Cơ quan chủ trì: UBND phường; Kết quả thực hiện: Hàng năm, "
                + "100% các trường THCS huy động học sinh tình nguyện; Thời gian thực hiện: Năm 2025 - 2026.\n"
                + "Mục 5. Nội dung công việc: Nghiên cứu đề xuất xây dựng trường học số; Cơ quan chủ trì: UBND phường; "
                + "Kết quả thực hiện: Phấn đấu mỗi cấp học có 01 mô hình trường học số; Thời gian thực hiện: "
                + "Năm 2025 - 2030."));
        String answer = answerer.extract("Mỗi cấp học có 01 mô hình trường học số thì làm trong giai đoạn nào?",
                passages, 2).orElseThrow().text();
        assertTrue(answer.contains("2025 - 2030"), answer);
        assertFalse(answer.contains("2025 - 2026"), "another row's time is not this one's: " + answer);
        // A question asking no time gets no time cell.
        String what = answerer.extract("Mỗi cấp học phấn đấu có mấy mô hình trường học số?", passages, 2)
                .orElseThrow().text();
        assertFalse(what.contains("Thời gian thực hiện"), what);
    }

    @Test
    void anAppsNameIsSaidOfTheAppAsked() {
        // The quoted name in the second sentence is the movement's, not the assistant's.
        List<Passage> passages = List.of(passage("p#1", "PHỤ LỤC", "Triển khai sử dụng trợ lý ảo hỗ trợ học tập "
                + "kỹ năng số cho người dân trên địa bàn phường.\nĐạt trên 70% các cơ sở hỗ trợ cộng đồng lan tỏa "
                + "Phong trào “Bình dân học vụ số” trên địa bàn phường."));
        String question = "Trợ lý ảo hỗ trợ học kỹ năng số của phường tên là gì?";
        assertEquals(Optional.empty(), answerer.extract(question, passages, 2));
        List<Passage> named = List.of(passage("p#2", "PHỤ LỤC", "Triển khai trợ lý ảo “Cô giáo số” hỗ trợ học tập "
                + "kỹ năng số cho người dân trên địa bàn phường."));
        assertTrue(answerer.extract(question, named, 2).orElseThrow().text().contains("Cô giáo số"));
    }
}
