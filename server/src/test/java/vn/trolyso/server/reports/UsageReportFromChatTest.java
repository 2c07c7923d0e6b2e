package vn.trolyso.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.analytics.UsageReports;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * The report built from what the real server logged: questions asked through /api/v1/chat (real corpus, no-LLM
 * mode) and ratings given through /api/v1/feedback; and the same with question logging switched off.
 */
class UsageReportFromChatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "mat-ma-quan-tri";
    private static final String EXTRACTIVE = "Chương trình Day of AI do tổ chức nào khởi xướng?";
    private static final String FRAMEWORK = "Học sinh lớp 9 ở bậc mấy trong khung năng lực số?";
    private static final String SWIMMING_1 = "Trường có kế hoạch dạy bơi không?";
    private static final String SWIMMING_2 = "Kế hoạch dạy bơi của trường?";
    private static final String WEATHER = "Ngày mai ở TP.HCM có mưa không?";

    @TempDir
    static Path dataDir;

    @Test
    void reportCountsWhatWasAskedAndRatedThroughTheApi() throws Exception {
        try (var server = TestServers.start(dataDir, c -> c.adminToken(ADMIN))) {
            JsonNode extractive = ask(server, EXTRACTIVE);
            JsonNode framework = ask(server, FRAMEWORK);
            JsonNode swim1 = ask(server, SWIMMING_1);
            JsonNode swim2 = ask(server, SWIMMING_2);
            JsonNode weather = ask(server, WEATHER);
            assertEquals("extractive", extractive.get("mode").asText(), extractive.toString());
            assertFalse(extractive.get("citations").isEmpty());
            assertEquals("framework", framework.get("mode").asText(), framework.toString());
            assertEquals("refusal", weather.get("mode").asText(), weather.toString()); // out of scope
            rate(server, extractive, "up", null);
            rate(server, framework, "up", null);
            rate(server, weather, "down", "Em muốn hỏi thời tiết");
            // Nothing in the corpus is about swimming: each wording is refused, or answered off-topic and rated down.
            int swimRefusals = 0;
            for (JsonNode swim : List.of(swim1, swim2)) {
                if (swim.get("mode").asText().equals("refusal")) {
                    swimRefusals++;
                } else {
                    assertEquals("extractive", swim.get("mode").asText(), swim.toString());
                    rate(server, swim, "down", null);
                }
            }
            int swimDown = 2 - swimRefusals;

            // the log records mode, cited documents, latency and the fallback flag for every answer
            try (Connection c = server.services().database().connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT question, mode, cited_documents, latency_ms, llm_fallback"
                         + " FROM answer_log WHERE message_id = '" + extractive.get("messageId").asText() + "'")) {
                assertTrue(rs.next());
                assertEquals(EXTRACTIVE, rs.getString(1));
                assertEquals("extractive", rs.getString(2));
                assertEquals(extractive.at("/citations/0/documentId").asText(), rs.getString(3).split(",")[0]);
                assertTrue(rs.getInt(4) >= 0);
                assertFalse(rs.getBoolean(5));
            }

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            JsonNode r = report(server, "?from=" + today + "&to=" + today);
            assertEquals(5, r.get("totalQuestions").asLong());
            assertEquals("[{\"day\":\"" + today + "\",\"questions\":5}]", r.get("questionsPerDay").toString());
            assertEquals("{\"generative\":0,\"extractive\":" + (1 + swimDown) + ",\"framework\":1,\"refusal\":"
                    + (1 + swimRefusals) + "}", r.get("answersByMode").toString());
            assertEquals(2, r.at("/feedback/up").asLong());
            assertEquals(1 + swimDown, r.at("/feedback/down").asLong());
            assertEquals(2.0 / (3 + swimDown), r.at("/feedback/ratio").asDouble(), 1e-9);
            assertEquals(5, r.get("topQuestions").size());
            List<String> unanswered = new ArrayList<>();
            r.get("unanswered").forEach(g -> unanswered.add(g.toString()));
            assertEquals(List.of(
                    "{\"representative\":\"" + SWIMMING_2 + "\",\"count\":2,\"examples\":[\"" + SWIMMING_1 + "\"],"
                            + "\"refusals\":" + swimRefusals + ",\"noSource\":0,\"thumbsDown\":" + swimDown + "}",
                    "{\"representative\":\"" + WEATHER + "\",\"count\":1,\"examples\":[],"
                            + "\"refusals\":1,\"noSource\":0,\"thumbsDown\":1}"), unanswered);

            JsonNode comments = TestServers.send(TestServers.request(server, "/api/v1/reports/feedback")
                    .header("Authorization", "Bearer " + ADMIN).GET().build()).body().transform(this::parse);
            assertEquals(1, comments.get("comments").size());
            assertEquals(WEATHER, comments.at("/comments/0/question").asText());
            assertEquals("Em muốn hỏi thời tiết", comments.at("/comments/0/comment").asText());
        }
    }

    @Test
    void withQuestionLoggingOffTheReportShowsNoQuestionText(@TempDir Path privateDir) throws Exception {
        try (var server = TestServers.start(privateDir, c -> c.adminToken(ADMIN).logQuestions(false))) {
            JsonNode weather = ask(server, WEATHER);
            JsonNode framework = ask(server, FRAMEWORK);
            rate(server, weather, "down", "Không trả lời được");
            rate(server, framework, "up", null);

            HttpResponse<String> json = TestServers.send(TestServers.request(server, "/api/v1/reports/usage")
                    .header("Authorization", "Bearer " + ADMIN).GET().build());
            JsonNode r = parse(json.body());
            assertFalse(r.get("questionsLogged").asBoolean());
            assertEquals(2, r.get("totalQuestions").asLong());
            assertEquals(0, r.get("topQuestions").size());
            assertEquals("{\"representative\":\"" + UsageReports.NOT_STORED + "\",\"count\":1,\"examples\":[],"
                    + "\"refusals\":1,\"noSource\":0,\"thumbsDown\":1}", r.at("/unanswered/0").toString());
            HttpResponse<String> csv = TestServers.send(TestServers.request(server, "/api/v1/reports/usage?format=csv")
                    .header("Authorization", "Bearer " + ADMIN).GET().build());
            JsonNode comments = parse(TestServers.send(TestServers.request(server, "/api/v1/reports/feedback")
                    .header("Authorization", "Bearer " + ADMIN).GET().build()).body());
            assertTrue(comments.at("/comments/0/question").isNull());
            assertEquals("Không trả lời được", comments.at("/comments/0/comment").asText());
            for (String body : List.of(json.body(), csv.body(), comments.toString())) {
                assertFalse(body.contains("mưa") || body.contains("bậc mấy"), "no question text in " + body);
            }
            try (Connection c = server.services().database().connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM answer_log WHERE question IS NOT NULL")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing stored");
            }
        }
    }

    private JsonNode ask(TrolysoServer.Running server, String question) throws Exception {
        HttpResponse<String> r = TestServers.postJson(server, "/api/v1/chat",
                JSON.writeValueAsString(java.util.Map.of("message", question)));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private void rate(TrolysoServer.Running server, JsonNode answer, String rating, String comment) throws Exception {
        var body = JSON.createObjectNode().put("messageId", answer.get("messageId").asText()).put("rating", rating);
        if (comment != null) {
            body.put("comment", comment);
        }
        assertEquals(201, TestServers.postJson(server, "/api/v1/feedback", body.toString()).statusCode());
    }

    private JsonNode report(TrolysoServer.Running server, String query) throws Exception {
        HttpResponse<String> r = TestServers.send(TestServers.request(server, "/api/v1/reports/usage" + query)
                .header("Authorization", "Bearer " + ADMIN).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body());
    }

    private JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
