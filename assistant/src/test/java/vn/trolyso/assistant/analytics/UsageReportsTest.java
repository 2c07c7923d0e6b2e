package vn.trolyso.assistant.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.store.Database;

/** Reports against a hand-built answer log whose expected figures are worked out in the comments. */
class UsageReportsTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private Database db;

    @BeforeEach
    void fixture() throws SQLException {
        db = Database.inMemory("reports-" + UUID.randomUUID());
        answer("m0", "2026-11-01T16:59:00Z", "Trước kỳ báo cáo", "extractive", "a", 999);   // 23:59 on 1/11 in Hồ Chí Minh: outside
        answer("m1", "2026-11-02T01:00:00Z", "Khung năng lực số có mấy miền?", "framework", "", 100);
        answer("m2", "2026-11-02T02:00:00Z", "khung nang luc so co may mien", "framework", "", 200);
        answer("m3", "2026-11-02T18:00:00Z", "Lịch nghỉ Tết của trường năm nay?", "refusal", null, 50); // 01:00 on 3/11
        answer("m4", "2026-11-03T03:00:00Z", "lịch nghỉ tết năm nay của trường", "extractive", "", 300);
        answer("m5", "2026-11-04T04:00:00Z", "Cách đăng ký tài khoản VNeID cho học sinh?", "extractive", "ke-hoach-x", 400);
        answer("m6", "2026-11-04T05:00:00Z", null, "refusal", null, 150);                     // question text not stored
        answer("m7", "2026-11-05T01:00:00Z", "Sau kỳ báo cáo", "extractive", "a", 999);     // 08:00 on 5/11: outside
        rate("m1", "up", "2026-11-02T01:05:00Z");
        rate("m5", "down", "2026-11-04T04:01:00Z");
        rate("m7", "up", "2026-11-05T01:01:00Z");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void countsQuestionsPerLocalDayModesLatencyAndFeedback() {
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);

        assertEquals(6, r.totalQuestions());
        assertEquals(List.of(day("2026-11-02", 2), day("2026-11-03", 2), day("2026-11-04", 2)), r.questionsPerDay());
        assertEquals(Map.of("framework", 2L, "refusal", 2L, "extractive", 2L), r.answersByMode());
        assertEquals(200, r.averageLatencyMs()); // (100+200+50+300+400+150)/6
        assertEquals(new UsageReport.Feedback(1, 1, 0.5), r.feedback());
    }

    @Test
    void mostFrequentQuestionsMergeAccentAndCaseVariants() {
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);
        assertEquals(List.of(
                new UsageReport.QuestionCount("Khung năng lực số có mấy miền?", 2),
                new UsageReport.QuestionCount("Cách đăng ký tài khoản VNeID cho học sinh?", 1),
                new UsageReport.QuestionCount("Lịch nghỉ Tết của trường năm nay?", 1),
                new UsageReport.QuestionCount("lịch nghỉ tết năm nay của trường", 1)), r.topQuestions());
    }

    @Test
    void unansweredQuestionsAreGroupedBySimilarity() {
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);
        assertEquals(List.of(
                // refusal + answer without sources, same topic in another word order
                new UsageReport.UnansweredGroup("Lịch nghỉ Tết của trường năm nay?", 2,
                        List.of("lịch nghỉ tết năm nay của trường"), 1, 1, 0),
                new UsageReport.UnansweredGroup(UsageReports.NOT_STORED, 1, List.of(), 1, 0, 0),
                // answered with a source, but rated thumbs-down
                new UsageReport.UnansweredGroup("Cách đăng ký tài khoản VNeID cho học sinh?", 1, List.of(), 0, 0, 1)),
                r.unanswered());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRatio() {
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), HCM);
        assertEquals(0, r.totalQuestions());
        assertEquals(List.of(day("2026-10-01", 0), day("2026-10-02", 0)), r.questionsPerDay());
        assertNull(r.feedback().ratio());
        assertTrue(r.unanswered().isEmpty());
    }

    @Test
    void csvHasOneSectionedTableAndNeutralisesFormulas() {
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);
        String csv = UsageReportCsv.write(r);
        assertTrue(csv.startsWith("\uFEFFsection,label,value,refusals,no_source,thumbs_down,examples\r\n"));
        assertTrue(csv.contains("summary,total_questions,6,,,,\r\n"), csv);
        assertTrue(csv.contains("questions_per_day,2026-11-03,2,,,,\r\n"));
        assertTrue(csv.contains("unanswered,Lịch nghỉ Tết của trường năm nay?,2,1,1,0,lịch nghỉ tết năm nay của trường\r\n"), csv);
        assertTrue(csv.contains("feedback,ratio,0.500,,,,\r\n"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", UsageReportCsv.escape("=HYPERLINK(\"x\")"));
        assertEquals("\"a, b\"", UsageReportCsv.escape("a, b"));
        assertEquals("-5", UsageReportCsv.escape("-5"));
    }

    @Test
    void retentionPurgeDeletesOldAnswersWithTheirFeedback() throws SQLException {
        RetentionPurge.Result result = new RetentionPurge(db, 3).purge(Instant.parse("2026-11-05T12:00:00Z"));
        // cut-off 2026-11-02T12:00Z: m0, m1, m2 go, with m1's rating
        assertEquals(new RetentionPurge.Result(3, 1), result);
        assertEquals(5, count("answer_log"));
        assertEquals(2, count("feedback"));
        assertEquals(new RetentionPurge.Result(0, 0), new RetentionPurge(db, 3).purge(Instant.parse("2026-11-05T12:00:00Z")));
    }

    private static UsageReport.DayCount day(String d, long n) {
        return new UsageReport.DayCount(LocalDate.parse(d), n);
    }

    @Test
    void greetingsAndSmallTalkAreCountedApartNeverUnanswered() throws SQLException {
        answer("g1", "2026-11-03T06:00:00Z", "Xin chào", "refusal", null, 5);
        answer("g2", "2026-11-03T06:01:00Z", "cảm ơn bạn nhiều!", "refusal", null, 5);
        answer("g3", "2026-11-03T06:02:00Z", "Bạn là ai?", "refusal", null, 5);
        answer("g4", "2026-11-03T06:03:00Z", null, "refusal", null, 5); // privacy mode: flagged when logged
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(
                "UPDATE answer_log SET small_talk = TRUE WHERE message_id = 'g4'")) {
            p.executeUpdate();
        }
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);
        assertEquals(4, r.smallTalk());
        assertEquals(10, r.totalQuestions(), "still counted as questions asked");
        assertEquals(List.of("Lịch nghỉ Tết của trường năm nay?", UsageReports.NOT_STORED,
                "Cách đăng ký tài khoản VNeID cho học sinh?"), r.unanswered().stream().map(UsageReport.UnansweredGroup::representative).toList());
    }

    @Test
    void answersFromSourcesRatedDownAreListedAsPossiblyWrong() throws SQLException {
        rate("m4", "down", "2026-11-03T03:05:00Z"); // no source: unanswered, not "possibly wrong"
        UsageReport r = new UsageReports(db).report(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), HCM);
        assertEquals(1, r.possiblyWrong().size(), r.possiblyWrong().toString());
        UsageReport.PossiblyWrong w = r.possiblyWrong().getFirst();
        assertEquals("m5", w.messageId());
        assertEquals("Cách đăng ký tài khoản VNeID cho học sinh?", w.question());
        assertEquals(List.of("ke-hoach-x"), w.cited());
        assertEquals(1, w.thumbsDown());
    }

    private void answer(String id, String at, String question, String mode, String cited, int latency) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO answer_log(message_id,"
                + " conversation_id, asked_at, question, mode, cited_documents, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, "c-" + id);
            p.setObject(3, Instant.parse(at).atOffset(ZoneOffset.UTC));
            p.setString(4, question);
            p.setString(5, mode);
            p.setString(6, cited);
            p.setInt(7, latency);
            p.executeUpdate();
        }
    }

    private void rate(String id, String rating, String at) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO feedback(message_id, rating, created_at) VALUES (?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, rating);
            p.setObject(3, Instant.parse(at).atOffset(ZoneOffset.UTC));
            p.executeUpdate();
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
