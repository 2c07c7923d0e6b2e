package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerKindTest {
    /**
     * Each question asks for {@code kind}; each sentence of {@code saying} says something of it and none of
     * {@code notSaying} does. Sentences are given folded for the kinds matched folded, as written for the others.
     */
    private static void assertKind(AnswerKind kind, List<String> questions, List<String> saying,
                                   List<String> notSaying) {
        questions.forEach(q -> assertEquals(kind, AnswerKind.of(q), q));
        saying.forEach(sentence -> assertTrue(kind.saidIn(sentence, sentence), sentence));
        notSaying.forEach(sentence -> assertFalse(kind.saidIn(sentence, sentence), sentence));
    }

    @Test
    void aDocumentsOwnNumberIsSaidOnlyByTheLineStatingIt() {
        assertKind(AnswerKind.DOC_NUMBER, List.of("KH BDHVS của UBND phường Kiến An số hiệu là bao nhiêu vậy",
                        "Kế hoạch bình dân học vụ số Kiến An ký ngày mấy tháng 9, số hiệu bao nhiêu?",
                        "cho xin so hieu cua ke hoach tap huan",
                        // however long the document's description before it
                        "Công văn hướng dẫn của Phòng Giáo dục Phú Nhuận về đề án giáo dục thông minh có số hiệu là "
                                + "bao nhiêu ạ?"),
                List.of("Số hiệu văn bản của Ủy ban nhân dân phường Kiến An: 125/KH-UBND.", "Số: 125/KH-UBND"),
                List.of("Thực hiện Kế hoạch số 478-KH/TU ngày 01/6/2025 của Ban Thường vụ Thành ủy."));
        // A diploma's serial number, and the number of a document cited, are other questions.
        assertEquals(AnswerKind.ANY, AnswerKind.of("Số hiệu văn bằng gồm những thông tin gì?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("KH của Kiến An làm theo KH số mấy của Sở GD&ĐT HP?"));
    }

    @Test
    void anAppsNameShowsAsABrandAQuotedNameOrAnAddress() {
        assertKind(AnswerKind.APP_NAME, List.of("Các trường dùng phần mềm thư viện số nào vậy, tên phần mềm là gì?",
                        "Ứng dụng chăm sóc sức khỏe học sinh của quận tên là gì, tải ở đâu?",
                        "app do ten gi vay", "Thầy cô sẽ dùng ứng dụng AI cụ thể nào để soạn bài?",
                        "Trợ lý ảo hỗ trợ học kỹ năng số của phường tên là gì?"),
                List.of("Kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID.",
                        "Học sinh làm bài trên nền tảng K12Online.", "Truy cập hoctructuyen.hcm.edu.vn để ôn tập.",
                        "Phát động phong trào “Mỗi học sinh một tài khoản AI”."),
                List.of("Hoàn thành việc xây dựng ứng dụng trực tuyến chăm sóc sức khỏe học sinh quận Phú Nhuận.",
                        "100% trường vận hành thường xuyên hệ thống thư viện số."));
        assertTrue(AnswerKind.APP_NAME.strict);
        // A system is named by words ("Hệ thống phát triển kỹ năng số thành phố"); an app asked for without its name
        // ("trên ứng dụng nào") may be answered by what it does.
        assertEquals(AnswerKind.ANY, AnswerKind.of("Kiến An phối hợp vận hành hệ thống nào, tên là gì?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Tài khoản định danh phải đạt mức mấy, trên ứng dụng nào?"));
    }

    @Test
    void tellsTimeAndPlaceQuestionsFromSourceAndTextQuestions() {
        assertEquals(AnswerKind.PLACE, AnswerKind.of("Tập huấn tổ chức ở đâu vậy ạ?", false));
        assertEquals(AnswerKind.TIME, AnswerKind.of("bao gio hoan thanh", false));
        assertEquals(AnswerKind.TIME, AnswerKind.of("Thông báo vào thời gian nào?", false));
        assertEquals(AnswerKind.SOURCE, AnswerKind.of("Kinh phí lấy từ đâu?", true));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Nội dung kiểm tra được quy định ở đâu?", false));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Ai ký kế hoạch?", false));
        assertEquals(AnswerKind.CLOCK, AnswerKind.of("bắt đầu lúc mấy giờ?", false));
        assertEquals(AnswerKind.TIME, AnswerKind.of("nó thực hiện trong giai đoạn nào?"));
        assertEquals(AnswerKind.DATE, AnswerKind.of("Ngày hội tổ chức vào ngày nào?"));
        assertEquals(AnswerKind.DATE, AnswerKind.of("phải xong trước tháng mấy?"), "a month is asked");
        assertEquals(AnswerKind.TIMES, AnswerKind.of("Mỗi năm học mấy khoá?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("ai phối hợp làm mấy khoá đó?"), "'mấy … đó' points back");
        assertTrue(AnswerKind.DATE.saidIn(" vao ngay 11 10 hang nam "));
        assertFalse(AnswerKind.DATE.saidIn(" thoi gian thuc hien hang nam "));
        assertEquals("Tổ chức ở đâu? địa điểm", AnswerKind.searchText("Tổ chức ở đâu?"));
        assertEquals("Kinh phí lấy từ đâu? nguồn", AnswerKind.searchText("Kinh phí lấy từ đâu?"));
        assertEquals("Ai ký kế hoạch?", AnswerKind.searchText("Ai ký kế hoạch?"));
        // "lấy ở đâu (ra)" of money asks for a source too, not a place; of a thing, where it is
        assertEquals(AnswerKind.SOURCE, AnswerKind.of("tiền mua máy chiếu lấy ở đâu ra vậy"));
        // the money word may be far from "lấy ở đâu" when the question says what it pays for
        assertEquals(AnswerKind.SOURCE,
                AnswerKind.of("Tiền tổ chức buổi tập huấn AI cho giáo viên ở phường Đồ Sơn lấy ở đâu ra?"));
        assertTrue(AnswerKind.SOURCE.saidIn(" kinh phi duoc bo tri tu nguon ngan sach nha nuoc "));
        assertFalse(AnswerKind.SOURCE.saidIn(" truong ban hanh ke hoach phat trien ai "));
        assertEquals("ngân sách ở đâu ra? nguồn", AnswerKind.searchText("ngân sách ở đâu ra?"));
        assertEquals(AnswerKind.PLACE, AnswerKind.of("Đề thi của lớp từ xa được lấy ở đâu?"));
    }

    @Test
    void seesTimesAndPlacesInSentencesAndTheirLabels() {
        assertTrue(AnswerKind.TIME.saidIn(" thoi gian thuc hien thuong xuyen "));
        assertTrue(AnswerKind.TIME.saidIn(" thong bao vao dau khoa hoc "));
        assertFalse(AnswerKind.TIME.saidIn(" to chuc tap huan cho giao vien "));
        assertFalse(AnswerKind.TIME.saidIn(" 100% truong tieu hoc tuyen truyen ve the can cuoc "), "a share is no time");
        assertTrue(AnswerKind.TIME.saidIn(" 100% truong hoan thanh vao thang 3 nam 2025 "));
        assertTrue(AnswerKind.TIME.labels(" thoi gian to chuc 1 2 ngay "));
        assertTrue(AnswerKind.PLACE.labels(" dia diem hoi truong ubnd phuong "));
        assertFalse(AnswerKind.PLACE.labels(" to chuc tai dia diem thuan loi "));
        assertTrue(AnswerKind.ANY.saidIn(" anything "));
    }

    @Test
    void aLengthOfTimeIsNotADateOrAYear() {
        assertEquals(AnswerKind.DURATION, AnswerKind.of("nó kéo dài bao lâu?"));
        assertEquals(AnswerKind.DURATION, AnswerKind.of("tap huan keo dai may ngay"));
        assertTrue(AnswerKind.DURATION.saidIn(" thoi gian to chuc 1 2 ngay du kien ngay 01 11 2025 "));
        assertTrue(AnswerKind.DURATION.saidIn(" hoc trong 3 thang "));
        assertFalse(AnswerKind.DURATION.saidIn(" nam hoc 2025 2026 "));
        assertFalse(AnswerKind.DURATION.saidIn(" vao ngay 11 10 hang nam "));
    }

    @Test
    void aWhichSchoolQuestionWantsASchoolNamedByItsName() {
        assertKind(AnswerKind.SCHOOL,
                List.of("Ở Đồ Sơn trường THCS nào được chọn thí điểm?",
                        "nhung truong nao phai xay dung thu vien thong minh",
                        "Cho xin danh sách những trường thí điểm trường học thông minh."),
                List.of("Trường mầm non Sơn Ca 10, trường tiểu học Cao Báo Quát đẩy mạnh …",
                        "Giao trường THCS Trần Huy Liệu xây dựng phòng STEAM."),
                List.of("Cử giáo viên các trường Tiểu học, THCS, TH&THCS trên địa bàn.",
                        "Trường học thông minh được xây dựng ở các trường Tiểu học."));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Trường Đoàn Lập có nhiệm vụ nào?"));
        assertEquals(AnswerKind.SCHOOL, AnswerKind.of("Cho em hỏi trường THCS nào được giao xây dựng mô hình?"));
    }

    @Test
    void aContactQuestionWantsANumberOrAnAddress() {
        assertKind(AnswerKind.CONTACT,
                List.of("cho xin so dien thoai phong giao duc quan phu nhuan voi",
                        "Địa chỉ email của Phòng Văn hóa - Xã hội là gì?", "Email liên hệ của trường là gì ạ?"),
                List.of("Mọi thắc mắc liên hệ số 0225 3861 234 hoặc pgd@phunhuan.edu.vn."),
                List.of("Tổng hợp, báo cáo kết quả về Ủy ban nhân dân phường trước ngày 15.",
                        "Tiện ích gắn với email công vụ đã được cấp (…@hcm.edu.vn)."));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Sinh viên gửi đơn qua email nào?"));
    }

    @Test
    void aDeadlineIsNotTheDayAnEventIsHeld() {
        assertKind(AnswerKind.DEADLINE,
                List.of("hạn chót nộp bài là ngày nào?", "chậm nhất khi nào phải báo cáo?"),
                List.of(" dinh ky bao cao tien do truoc ngay 30 5 hang nam ",
                        " thoi gian hoan thanh nhiem vu vao thang 9 nam 2025 "),
                List.of(" tham gia huong ung ngay hoi vao ngay 11 10 hang nam "));
        assertEquals("hạn chót là ngày nào? thời gian", AnswerKind.searchText("hạn chót là ngày nào?"));
    }

    @Test
    void anAddressIsAStreetARoomOrAWebAddress() {
        assertKind(AnswerKind.ADDRESS,
                List.of("Trung tâm học tập cộng đồng phường 13 nằm ở đường nào?",
                        "Hệ thống tuyển sinh trực tuyến có địa chỉ nào?", "học ở nhà văn hóa tổ dân phố nào vậy",
                        "Hội thảo của quận diễn ra ở hội trường nào?"),
                List.of("Địa điểm: Hội trường UBND phường (Số 195 Lý Thánh Tông).",
                        "Vận hành hệ thống tại địa chỉ tuyensinhdaucap.hcm.edu.vn."),
                List.of("Hệ thống phát triển kỹ năng số thành phố Hải Phòng.",
                        "Công văn của Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh.",
                        "Thực hiện Kế hoạch số 5691/KH-SGDĐT của Phòng Giáo dục.",
                        "Tổ chức các buổi học cộng đồng trên địa bàn phường."));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Phòng nào lo kinh phí?"), "a unit, not a room");
    }

    @Test
    void howManyTimesWantsAFigureBeforeTheSessionsOrTimes() {
        assertKind(AnswerKind.TIMES,
                List.of("Mỗi học kỳ tổ chức ít nhất mấy kỳ khảo sát trực tuyến?", "lớp bồi dưỡng học mấy buổi?"),
                List.of(" to chuc 01 ky khao sat truc tuyen cho 01 khoi lop hoc ky "),
                List.of(" to chuc cac buoi hoc cong dong dinh ky cho nguoi dan "));
    }

    @Test
    void whatWasActuallyAchievedIsAResultNotATarget() {
        assertKind(AnswerKind.RESULT, List.of("năm ngoái Kiến An thực tế đã đạt bao nhiêu % phụ huynh có kỹ năng số",
                        "Năm học vừa rồi trường đã tổ chức được mấy lớp, thực tế ra sao?"),
                List.of("nam hoc 2024 - 2025 nha truong da dat 95% hoc sinh", "ket qua dat duoc cua phong trao"),
                List.of("tren 80% phu huynh hoc sinh co ky nang so co ban den nam 2025"));
        assertTrue(AnswerKind.RESULT.strict);
        // A target asked about, or "thực tế" with nothing achieved, is no result question.
        assertEquals(AnswerKind.ANY, AnswerKind.of("Kế hoạch đặt chỉ tiêu bao nhiêu % phụ huynh có kỹ năng số?"));
        assertEquals(AnswerKind.PLACE, AnswerKind.of("Học sinh đi học thực tế ở đâu?"));
    }

    @Test
    void aLinkWantsAWebAddress() {
        assertKind(AnswerKind.LINK, List.of("Cho ông xin link tải app chăm sóc sức khoẻ học sinh"),
                List.of("Hệ thống tại địa chỉ tuyensinhdaucap.hcm.edu.vn."),
                List.of("Xây dựng ứng dụng trực tuyến chăm sóc sức khỏe học sinh."));
        assertTrue(AnswerKind.LINK.strict);
    }

    @Test
    void aWeekdayIsNotADate() {
        assertKind(AnswerKind.WEEKDAY, List.of("các buổi học cộng đồng học vào thứ mấy?"),
                List.of(" hoc vao sang thu bay hang tuan "), List.of(" tham gia ngay hoi vao ngay 11 10 hang nam "));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Kiến tập được quy định tại Điều thứ mấy?"), "a number");
    }

    @Test
    void aPrizeQuestionWantsAPrizeAndAnAmountOfOneWantsAnAmount() {
        assertKind(AnswerKind.PRIZE,
                List.of("Cuộc thi Công dân số có giải thưởng gì?", "giải nhất được bao nhiêu vậy"),
                List.of(" giai nhat duoc tang giay khen "),
                List.of(" phat dong cuoc thi cong dan so theo hinh thuc truc tuyen "));
        assertEquals(AnswerKind.MONEY, AnswerKind.of("Mức tiền thưởng cho danh hiệu giáo viên số là bao nhiêu?"));
        // two things asked: a sentence saying when the contest opens does not say the prize
        assertEquals(AnswerKind.PRIZE,
                AnswerKind.of("Khi nào có kết quả cuộc thi vẽ tranh, giải nhất được thưởng gì ạ?"));
        assertEquals(AnswerKind.TIME, AnswerKind.of("Khi nào trao giải thưởng cuộc thi vẽ tranh?"));
        assertTrue(AnswerKind.PRIZE.strict);
    }

    @Test
    void aNameQuestionWantsAPersonByNameOrOffice() {
        // "tên là gì" wants the name: an office alone ("Trưởng phòng") is none
        assertKind(AnswerKind.PERSON_NAME, List.of("Giáo viên dạy tin học của trường Lê Lợi tên là gì?",
                        "hieu truong truong ngo gia tu ho ten day du la gi",
                        "Cho mình xin tên mấy chuyên gia hướng dẫn lớp tập huấn để liên hệ.",
                        "cho biet ho ten cua co giao phu trach thu vien",
                        "Hiệu trưởng trường THCS Trần Huy Liệu ở Phú Nhuận hiện nay là ai?"),
                List.of("Người ký: Phạm Hoàng Tuấn (Phó Chủ tịch)."),
                List.of("Người ký văn bản của Phòng Giáo dục: Trưởng phòng."));
        assertTrue(AnswerKind.PERSON_NAME.strict);
        // "họ tên" as a topic, not the ask; the name of a contest is no person's
        assertEquals(AnswerKind.ANY, AnswerKind.of("Bảng điểm phải có chữ ký, họ tên của ai?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Cuộc thi ở trường Đoàn Lập tên là gì?"));
        // Another office asked of may be answered by an office ("Chủ tịch Hội đồng là Hiệu trưởng").
        assertEquals(AnswerKind.ANY, AnswerKind.of("Chủ tịch của Hội đồng xét tốt nghiệp là ai?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Bảng điểm phải có đủ chữ ký, họ tên của cán bộ chấm thi không?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Cho em xin tên người dùng để đăng nhập hệ thống"));
        assertKind(AnswerKind.NAME, List.of("ai lam truong ban chi dao phong trao o phuong?"),
                List.of("Người ký: Phạm Hoàng Tuấn (Phó Chủ tịch).", "Phó hiệu trưởng làm trưởng ban."),
                List.of("Thành lập Tổ công tác triển khai tại đơn vị.",
                        "Các trường tổ chức tại Trường Tiểu Học Ngô Gia Tự."));
        assertTrue(AnswerKind.NAME.strict && !AnswerKind.DATE.strict);
    }

    @Test
    void aMoneyQuestionWantsAnAmountOrThatItIsFree() {
        assertKind(AnswerKind.MONEY, List.of("Học phí lớp kỹ năng số cho người dân là bao nhiêu vậy?",
                        "tham gia cuoc thi mat bao nhieu tien",
                        "Mức hỗ trợ cho giáo viên cốt cán mỗi buổi là bao nhiêu?",
                        "Học phí chương trình tiếng Anh ở trường bao nhiêu một tháng?"),
                List.of(" chi nuoc uong toi da 15.000 d/buoi/nguoi ", " tai nguyen hoc tap mien phi "),
                List.of(" 100% cac truong co mo hinh "));
        // a share, a head count, or "tiền mặt" as a topic
        assertEquals(AnswerKind.ANY, AnswerKind.of("Tỷ lệ thu học phí không dùng tiền mặt là bao nhiêu?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Kinh phí tập huấn dành cho bao nhiêu giáo viên?"));
        assertEquals(AnswerKind.ANY, AnswerKind.of("Trả tiền mặt thì bao nhiêu trường đồng ý?"));
        assertTrue(AnswerKind.MONEY.strict);
    }
    @Test
    void whetherSomethingCostsMoneyIsAnsweredOnlyByWhatItCosts() {
        assertKind(AnswerKind.FEE, List.of("Tài nguyên học tập của chương trình Day of AI có mất phí không?",
                        "Khóa học trực tuyến đăng ký ở đâu, có mất phí không?",
                        "phụ huynh có phải trả phí không ạ", "dung app do co mien phi ko"),
                List.of("Tài nguyên học tập miễn phí.", "Kinh phí từ nguồn ngân sách.", "50.000 đồng/người."),
                // "tiến trình" folds to "tien" too, and says nothing of money
                List.of("Đăng ký trên nền tảng thư viện điện tử của trường.",
                        "Nâng cao kỹ năng số phù hợp với tiến trình chuyển đổi số."));
        // how fees are paid, not whether there is one
        assertEquals(AnswerKind.ANY, AnswerKind.of("PGD có yêu cầu thu học phí không dùng tiền mặt không?"));
        assertEquals(AnswerKind.PLACE, AnswerKind.of("Khóa học trực tuyến đăng ký ở đâu?"));
        assertTrue(AnswerKind.FEE.strict);
    }
}
