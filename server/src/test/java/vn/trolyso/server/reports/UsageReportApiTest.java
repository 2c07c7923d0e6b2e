package vn.trolyso.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ReportSettings;
import vn.trolyso.server.testing.TestServers;

/**
 * The usage report routes against a hand-made answer log (Asia/Ho_Chi_Minh, UTC+7); every expected figure is worked
 * out from the rows in {@link #seed()}.
 */
class UsageReportApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "mat-ma-quan-tri";
    static final String PERIOD = "from=2026-11-02&to=2026-11-04";
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        // The report routes need no knowledge base; a long retention keeps the fixed-date rows from the daily purge.
        server = TestServers.start(dataDir, c -> c.adminToken(ADMIN).reports(new ReportSettings(HCM, 36_500)),
                b -> b);
        seed();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void seed() throws Exception {
        new ReportFixtures(server.services().database())
                .answer("m0", "2026-11-01T16:59:00Z", "Trước kỳ báo cáo", "extractive", "a", 5000)  // 23:59 on 1/11: outside
                .answer("m1", "2026-11-01T17:00:00Z", "Trường có kế hoạch dạy bơi không?", "refusal", null, 120) // 00:00 on 2/11
                .answer("m2", "2026-11-02T03:00:00Z", "Kế hoạch dạy bơi của trường?", "extractive", "", 300)   // no source
                .answer("m3", "2026-11-02T04:00:00Z", "Khung năng lực số có mấy miền?", "framework", "", 60)
                .answer("m4", "2026-11-03T02:00:00Z", "khung nang luc so co may mien", "framework", "", 40)
                .answer("m5", "2026-11-03T09:00:00Z", "Kinh phí tập huấn Day of AI lấy từ nguồn nào?", "generative",
                        "ke-hoach-tap-huan-day-of-ai-do-son", 900)
                .answer("m6", "2026-11-04T16:59:00Z", "Thời tiết hôm nay thế nào?", "refusal", null, 20)     // 23:59 on 4/11
                .answer("m7", "2026-11-04T17:00:00Z", "Sau kỳ báo cáo", "extractive", "a", 5000)     // 00:00 on 5/11: outside
                .rate("m3", "up", "Rất hữu ích", "2026-11-02T04:01:00Z")
                .rate("m4", "up", null, "2026-11-03T02:01:00Z")
                .rate("m5", "down", "Thiếu số liệu <b>cụ thể</b>", "2026-11-03T09:05:00Z")
                .rate("m7", "down", "Ngoài kỳ", "2026-11-04T17:01:00Z");
    }

    static HttpResponse<String> admin(String path) {
        return TestServers.send(TestServers.request(server, path).header("Authorization", "Bearer " + ADMIN).GET().build());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, JSON.readTree(r.body()).at("/error/code").asText(), r.body());
        assertTrue(JSON.readTree(r.body()).at("/error/message").asText().length() > 10);
    }

    @Test
    void countsPerLocalDayByModeLatencyAndFeedback() throws Exception {
        JsonNode r = json(admin("/api/v1/reports/usage?" + PERIOD));
        assertEquals("2026-11-02", r.get("from").asText());
        assertEquals("2026-11-04", r.get("to").asText());
        assertEquals("Asia/Ho_Chi_Minh", r.get("timeZone").asText());
        assertTrue(r.get("questionsLogged").asBoolean());
        assertEquals(6, r.get("totalQuestions").asLong());                      // m1–m6
        assertEquals("[{\"day\":\"2026-11-02\",\"questions\":3},{\"day\":\"2026-11-03\",\"questions\":2},"
                + "{\"day\":\"2026-11-04\",\"questions\":1}]", r.get("questionsPerDay").toString());
        assertEquals("{\"generative\":1,\"extractive\":1,\"framework\":2,\"refusal\":2}", r.get("answersByMode").toString());
        assertEquals(240, r.get("averageLatencyMs").asLong());                  // (120+300+60+40+900+20)/6
        assertEquals(2, r.at("/feedback/up").asLong());                         // m3, m4 (m7 is outside)
        assertEquals(1, r.at("/feedback/down").asLong());                       // m5
        assertEquals(2.0 / 3, r.at("/feedback/ratio").asDouble(), 1e-9);
    }

    @Test
    void topQuestionsMergeAccentAndCaseVariants() throws Exception {
        JsonNode top = json(admin("/api/v1/reports/usage?" + PERIOD)).get("topQuestions");
        assertEquals(List.of("Khung năng lực số có mấy miền?=2", "Kinh phí tập huấn Day of AI lấy từ nguồn nào?=1",
                "Kế hoạch dạy bơi của trường?=1", "Thời tiết hôm nay thế nào?=1", "Trường có kế hoạch dạy bơi không?=1"),
                pairs(top, "question", "count"));
    }

    @Test
    void answersFromSourcesRatedDownAreListedAsPossiblyWrong() throws Exception {
        JsonNode r = json(admin("/api/v1/reports/usage?" + PERIOD));
        assertEquals(0, r.get("smallTalk").asLong());
        assertEquals("[{\"messageId\":\"m5\",\"askedAt\":\"2026-11-03T16:00+07:00\","
                + "\"question\":\"Kinh phí tập huấn Day of AI lấy từ nguồn nào?\",\"mode\":\"generative\","
                + "\"citedDocuments\":[\"ke-hoach-tap-huan-day-of-ai-do-son\"],\"thumbsDown\":1,\"thumbsUp\":0,"
                + "\"comment\":\"Thiếu số liệu <b>cụ thể</b>\"}]", r.get("possiblyWrong").toString());
    }

    @Test
    void unansweredQuestionsAreGroupedBySimilarWording() throws Exception {
        JsonNode groups = json(admin("/api/v1/reports/usage?" + PERIOD)).get("unanswered");
        assertEquals(3, groups.size(), groups.toString());
        // m1 (refused) and m2 (answered without a source): the same topic in two wordings
        assertEquals("{\"representative\":\"Kế hoạch dạy bơi của trường?\",\"count\":2,"
                + "\"examples\":[\"Trường có kế hoạch dạy bơi không?\"],\"refusals\":1,\"noSource\":1,\"thumbsDown\":0}",
                groups.get(0).toString());
        // m5: answered with a source but rated thumbs-down
        assertEquals("{\"representative\":\"Kinh phí tập huấn Day of AI lấy từ nguồn nào?\",\"count\":1,"
                + "\"examples\":[],\"refusals\":0,\"noSource\":0,\"thumbsDown\":1}", groups.get(1).toString());
        assertEquals("{\"representative\":\"Thời tiết hôm nay thế nào?\",\"count\":1,"
                + "\"examples\":[],\"refusals\":1,\"noSource\":0,\"thumbsDown\":0}", groups.get(2).toString());
    }

    @Test
    void csvIsUtf8WithByteOrderMarkHeaderAndSectionedRows() throws Exception {
        HttpResponse<byte[]> r = TestServers.client().send(TestServers.request(server, "/api/v1/reports/usage?" + PERIOD
                + "&format=csv").header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"thong-ke-2026-11-02-2026-11-04.csv\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        byte[] b = r.body();
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF), "UTF-8 byte order mark");
        String csv = new String(b, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().toList();
        assertEquals("section,label,value,refusals,no_source,thumbs_down,examples", lines.getFirst());
        for (String expected : List.of(
                "summary,from,2026-11-02,,,,", "summary,to,2026-11-04,,,,", "summary,time_zone,Asia/Ho_Chi_Minh,,,,",
                "summary,total_questions,6,,,,", "summary,average_latency_ms,240,,,,",
                "questions_per_day,2026-11-02,3,,,,", "questions_per_day,2026-11-03,2,,,,",
                "questions_per_day,2026-11-04,1,,,,",
                "answers_by_mode,extractive,1,,,,", "answers_by_mode,framework,2,,,,",
                "answers_by_mode,generative,1,,,,", "answers_by_mode,refusal,2,,,,",
                "top_question,Khung năng lực số có mấy miền?,2,,,,",
                "unanswered,Kế hoạch dạy bơi của trường?,2,1,1,0,Trường có kế hoạch dạy bơi không?",
                "unanswered,Kinh phí tập huấn Day of AI lấy từ nguồn nào?,1,0,0,1,",
                "feedback,up,2,,,,", "feedback,down,1,,,,", "feedback,ratio,0.667,,,,")) {
            assertTrue(lines.contains(expected), expected + " in\n" + csv);
        }
        assertTrue(csv.contains("\r\n"), "CRLF line ends for spreadsheets");
        assertTrue(lines.contains("possibly_wrong,Kinh phí tập huấn Day of AI lấy từ nguồn nào?,2026-11-03T09:00Z,,,1,"
                + "Thiếu số liệu <b>cụ thể</b>"), csv);
        assertTrue(lines.contains("summary,small_talk,0,,,,"), csv);
        assertEquals(1 + 5 + 3 + 4 + 5 + 3 + 1 + 1 + 3, lines.size(), csv);
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRatio() throws Exception {
        JsonNode r = json(admin("/api/v1/reports/usage?from=2026-10-01&to=2026-10-02"));
        assertEquals(0, r.get("totalQuestions").asLong());
        assertEquals(2, r.get("questionsPerDay").size());
        assertEquals("{\"generative\":0,\"extractive\":0,\"framework\":0,\"refusal\":0}", r.get("answersByMode").toString());
        assertTrue(r.at("/feedback/ratio").isNull());
        assertEquals(0, r.get("unanswered").size());
    }

    @Test
    void withoutDatesTheReportCoversTheLast30DaysUpToTodayInTheServersZone() throws Exception {
        JsonNode r = json(admin("/api/v1/reports/usage"));
        LocalDate today = LocalDate.now(HCM);
        assertEquals(today.toString(), r.get("to").asText());
        assertEquals(today.minusDays(29).toString(), r.get("from").asText());
        assertEquals(30, r.get("questionsPerDay").size());
        JsonNode onlyFrom = json(admin("/api/v1/reports/usage?from=" + today.minusDays(6) + "&to="));
        assertEquals(7, onlyFrom.get("questionsPerDay").size(), "an empty 'to' means today");
        JsonNode onlyTo = json(admin("/api/v1/reports/usage?to=2026-11-04"));
        assertEquals("2026-10-06", onlyTo.get("from").asText());
    }

    @Test
    void feedbackCommentsAreListedNewestFirstWithTheirQuestion() throws Exception {
        JsonNode down = json(admin("/api/v1/reports/feedback?from=2026-11-01&to=2026-11-04")).get("comments");
        assertEquals(1, down.size(), down.toString());                       // m7's comment is on 5/11 local time
        assertEquals("m5", down.get(0).get("messageId").asText());
        assertEquals("down", down.get(0).get("rating").asText());
        assertEquals("Thiếu số liệu <b>cụ thể</b>", down.get(0).get("comment").asText());
        assertEquals("Kinh phí tập huấn Day of AI lấy từ nguồn nào?", down.get(0).get("question").asText());
        assertEquals("generative", down.get(0).get("mode").asText());
        assertEquals("2026-11-03T09:05:00Z", down.get(0).get("createdAt").asText());

        JsonNode all = json(admin("/api/v1/reports/feedback?from=2026-11-01&to=2026-11-05&rating=all")).get("comments");
        assertEquals(List.of("m7", "m5", "m3"), messageIds(all), "newest first; m4 has no comment");
        assertEquals(List.of("m3"), messageIds(json(admin("/api/v1/reports/feedback?from=2026-11-01&to=2026-11-05"
                + "&rating=up")).get("comments")));
        assertEquals(List.of("m7"), messageIds(json(admin("/api/v1/reports/feedback?from=2026-11-01&to=2026-11-05"
                + "&rating=all&limit=1")).get("comments")));
    }

    @Test
    void badParametersAreStableErrorsInVietnamese() throws Exception {
        for (String q : List.of("from=2026-13-01", "from=2026-02-30", "to=hôm-nay", "from=2026-11-2", "from=02/11/2026",
                "to=%2B2026-11-02")) {
            assertError(admin("/api/v1/reports/usage?" + q.replace("ô", "%C3%B4")), 400, "invalid_date");
            assertError(admin("/api/v1/reports/feedback?" + q.replace("ô", "%C3%B4")), 400, "invalid_date");
        }
        assertError(admin("/api/v1/reports/usage?from=2026-11-04&to=2026-11-02"), 400, "invalid_range");
        assertError(admin("/api/v1/reports/feedback?from=2026-11-04&to=2026-11-02"), 400, "invalid_range");
        assertError(admin("/api/v1/reports/usage?from=2025-01-01&to=2026-01-02"), 400, "range_too_long"); // 367 days
        assertEquals(366, json(admin("/api/v1/reports/usage?from=2025-01-01&to=2026-01-01")).get("questionsPerDay").size());
        assertError(admin("/api/v1/reports/usage?" + PERIOD + "&format=xlsx"), 400, "invalid_format");
        assertError(admin("/api/v1/reports/feedback?rating=bad"), 400, "invalid_rating");
        for (String limit : List.of("0", "501", "nhiều")) {
            assertError(admin("/api/v1/reports/feedback?limit=" + limit.replace("ề", "%E1%BB%81")), 400, "invalid_limit");
        }
        HttpResponse<String> post = TestServers.send(TestServers.request(server, "/api/v1/reports/usage")
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(post, 405, "method_not_allowed");
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void everyReportRouteNeedsTheAdminToken() throws Exception {
        for (String path : List.of("/api/v1/reports/usage", "/api/v1/reports/usage?format=csv", "/api/v1/reports/feedback")) {
            assertError(TestServers.get(server, path), 401, "admin_token_required");
            assertError(TestServers.send(TestServers.request(server, path).header("Authorization", "Bearer sai-ma").GET()
                    .build()), 401, "invalid_admin_token");
            // parameters are not even looked at without the token
            assertError(TestServers.get(server, path + (path.contains("?") ? "&" : "?") + "from=sai"), 401,
                    "admin_token_required");
        }
    }

    @Test
    void withoutAConfiguredAdminTokenTheReportsAreDisabled(@TempDir Path otherDir) throws Exception {
        try (var closed = TestServers.start(otherDir, c -> c, b -> b)) {
            for (String path : List.of("/api/v1/reports/usage", "/api/v1/reports/usage?format=csv",
                    "/api/v1/reports/feedback")) {
                assertError(TestServers.get(closed, path), 403, "admin_disabled");
                assertError(TestServers.send(TestServers.request(closed, path).header("Authorization", "Bearer x").GET()
                        .build()), 403, "admin_disabled");
            }
        }
    }

    @Test
    void thePageAndTheApiDescriptionAreServed() {
        HttpResponse<String> page = TestServers.get(server, "/admin/thong-ke.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Câu hỏi chưa trả lời được — tài liệu nào còn thiếu?"));
        assertTrue(page.body().contains("href=\"tien-do.html\""));
        assertTrue(TestServers.get(server, "/admin/tien-do.html").body().contains("href=\"thong-ke.html\""));
        String openapi = TestServers.get(server, "/openapi").body();
        assertTrue(openapi.contains("/api/v1/reports/usage:") && openapi.contains("/api/v1/reports/feedback:"));
    }

    private static List<String> pairs(JsonNode array, String text, String count) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(text).asText() + "=" + n.get(count).asLong()));
        return out;
    }

    private static List<String> messageIds(JsonNode comments) {
        List<String> out = new ArrayList<>();
        comments.forEach(n -> out.add(n.get("messageId").asText()));
        return out;
    }
}
