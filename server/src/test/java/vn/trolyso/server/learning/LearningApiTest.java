package vn.trolyso.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.TestServers;

/** The learning API on a real server: the documented shapes, the whole flow, persistence and the error cases. */
class LearningApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "mat-ma-quan-tri";

    @TempDir
    Path dataDir;

    private TrolysoServer.Running start() {
        // Generous rate limits: the error-case test sends more requests at once than the default burst allows.
        return TestServers.start(dataDir, c -> c.adminToken(ADMIN).limits(new ServerConfig.Limits(
                c.limits().maxMessageChars(), c.limits().maxBodyBytes(), 10_000, 10_000, 1_000,
                c.limits().answerTimeout())), b -> b);
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        JsonNode body = json(r, status);
        assertEquals(code, body.path("error").path("code").asText(), r.body());
        assertFalse(body.path("error").path("message").asText().isBlank());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void assessPathAndMarkDoneSurviveARestart() throws Exception {
        String profileId;
        String firstModule;
        try (TrolysoServer.Running server = start()) {
            JsonNode profile = json(TestServers.postJson(server, "/api/v1/profile",
                    "{\"role\":\"hoc_sinh\",\"grade\":7,\"displayName\":\"Lan\",\"school\":\"THCS Đoàn Lập\"}"), 201);
            assertEquals(List.of("profileId", "role", "grade", "displayName", "school", "targetLevel", "createdAt"),
                    fieldNames(profile));
            assertEquals(3, profile.get("targetLevel").asInt());
            profileId = profile.get("profileId").asText();

            JsonNode form = json(TestServers.get(server, "/api/v1/assessment?role=hoc_sinh&grade=7"), 200);
            assertEquals("[2,3,4]", form.get("levels").toString());
            JsonNode statements = form.get("statements");
            assertEquals(36, statements.size());
            assertEquals(List.of("id", "domain", "domainName", "competency", "level", "text"), fieldNames(statements.get(0)));
            assertTrue(statements.get(0).get("text").asText().startsWith("Tôi có thể "));

            ObjectNode answers = JSON.createObjectNode().put("profileId", profileId);
            ArrayNode list = answers.putArray("answers");
            // Domain 4 only up to bậc 2, every other domain up to bậc 3 (the target).
            statements.forEach(s -> list.addObject().put("statementId", s.get("id").asText()).put("answer",
                    s.get("level").asInt() <= (s.get("domain").asText().equals("4") ? 2 : 3) ? "co" : "chua"));
            JsonNode result = json(TestServers.postJson(server, "/api/v1/assessment", answers.toString()), 200);
            assertEquals(6, result.get("domains").size());
            JsonNode safety = result.get("domains").get(3);
            assertEquals("4", safety.get("domain").asText());
            assertEquals(2, safety.get("level").asInt());
            assertEquals("Cơ bản 2", safety.get("levelName").asText());
            assertFalse(safety.get("reachedTarget").asBoolean());
            assertTrue(result.get("domains").get(0).get("reachedTarget").asBoolean());

            JsonNode path = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + profileId), 200);
            assertTrue(path.get("assessed").asBoolean());
            assertEquals("[{\"domain\":\"4\",\"domainName\":\"An toàn\"}]", path.get("gaps").toString());
            JsonNode modules = path.get("modules");
            assertTrue(modules.get(0).get("basic").asBoolean(), "basic modules first");
            assertTrue(modules.findValuesAsText("id").contains("an-toan-mang-cho-hoc-sinh"));
            firstModule = path.get("next").get("id").asText();
            assertEquals(modules.get(0).get("id").asText(), firstModule);

            JsonNode material = json(TestServers.get(server, "/api/v1/materials/" + firstModule), 200);
            List<Integer> correct = correctOptions(server, firstModule);
            JsonNode read = progress(server, profileId, firstModule, "read", null);
            assertEquals("read", read.get("status").asText());
            assertTrue(read.get("check").isNull());
            assertFalse(read.get("path").get("modules").get(0).get("done").asBoolean());
            assertEquals("read", read.get("path").get("modules").get(0).get("status").asText());

            JsonNode failed = progress(server, profileId, firstModule, "done", wrong(material, correct));
            assertEquals("attempted", failed.get("status").asText());
            assertFalse(failed.get("check").get("passed").asBoolean());
            assertEquals(0, failed.get("check").get("correct").asInt());
            assertEquals(correct.size(), failed.get("check").get("results").size());
            assertEquals(firstModule, failed.get("path").get("next").get("id").asText(), "a failed check leaves the path");
            assertEquals(path.get("remainingMinutes").asInt(), failed.get("path").get("remainingMinutes").asInt());

            JsonNode done = progress(server, profileId, firstModule, "done", correct);
            assertEquals("completed", done.get("status").asText());
            assertEquals(2, done.get("attempts").asInt());
            assertTrue(done.get("check").get("passed").asBoolean());
            assertEquals(List.of("correct", "total", "required", "passed", "results", "correctOptions"),
                    fieldNames(done.get("check")));
            assertTrue(done.get("path").get("modules").get(0).get("done").asBoolean());
            assertTrue(path.get("remainingMinutes").asInt() > done.get("path").get("remainingMinutes").asInt());
        }
        try (TrolysoServer.Running server = start()) {
            JsonNode profile = json(TestServers.get(server, "/api/v1/profile/" + profileId), 200);
            assertEquals("THCS Đoàn Lập", profile.get("school").asText());
            assertEquals(2, profile.get("assessment").get("domains").get(3).get("level").asInt());
            JsonNode path = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + profileId), 200);
            JsonNode first = path.get("modules").get(0);
            assertEquals(firstModule, first.get("id").asText());
            assertTrue(first.get("done").asBoolean());
            assertTrue(first.get("checksPassed").asBoolean());
            assertFalse(firstModule.equals(path.get("next").get("id").asText()));
        }
    }

    /** The right options of a module's check, learnt by a throw-away parent profile (parents are not reported). */
    private static List<Integer> correctOptions(TrolysoServer.Running server, String moduleId) throws Exception {
        String probe = json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"phu_huynh\"}"), 201)
                .get("profileId").asText();
        int questions = json(TestServers.get(server, "/api/v1/materials/" + moduleId), 200).get("checkQuestions").size();
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            zeros.add(0);
        }
        List<Integer> correct = new ArrayList<>();
        progress(server, probe, moduleId, "done", zeros).get("check").get("correctOptions").forEach(c -> correct.add(c.asInt()));
        return correct;
    }

    /** Every answer wrong. */
    private static List<Integer> wrong(JsonNode material, List<Integer> correct) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < correct.size(); i++) {
            wrong.add((correct.get(i) + 1) % material.get("checkQuestions").get(i).get("options").size());
        }
        return wrong;
    }

    private static HttpResponse<String> postProgress(TrolysoServer.Running server, String profileId, String moduleId,
                                                     String status, List<Integer> answers) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("profileId", profileId).put("moduleId", moduleId).put("status", status);
        if (answers != null) {
            body.set("checkAnswers", JSON.valueToTree(answers));
        }
        return TestServers.postJson(server, "/api/v1/progress", body.toString());
    }

    private static JsonNode progress(TrolysoServer.Running server, String profileId, String moduleId, String status,
                                     List<Integer> answers) throws Exception {
        return json(postProgress(server, profileId, moduleId, status, answers), 200);
    }

    @Test
    void aFailedCheckNeverCompletesAndCompletionWithoutACheckIsImpossible() throws Exception {
        try (TrolysoServer.Running server = start()) {
            String id = json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"hoc_sinh\",\"grade\":7}"), 201)
                    .get("profileId").asText();
            JsonNode before = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + id), 200);
            String module = before.get("next").get("id").asText();
            JsonNode material = json(TestServers.get(server, "/api/v1/materials/" + module), 200);
            List<Integer> correct = correctOptions(server, module);

            assertError(postProgress(server, id, module, "done", null), 400, "check_required");
            assertError(postProgress(server, id, module, "read", correct), 400, "invalid_check_answers");
            // One right answer out of 3 or more (or out of 2): below the pass mark.
            List<Integer> oneRight = wrong(material, correct);
            oneRight.set(0, correct.get(0));
            JsonNode failed = progress(server, id, module, "done", oneRight);
            assertEquals("attempted", failed.get("status").asText());
            assertEquals(1, failed.get("check").get("correct").asInt());
            assertEquals(correct.size() >= 3 ? correct.size() - 1 : correct.size(), failed.get("check").get("required").asInt());
            assertFalse(failed.get("check").get("passed").asBoolean());
            JsonNode step = failed.get("path").get("modules").get(0);
            assertEquals(module, step.get("id").asText());
            assertFalse(step.get("done").asBoolean());
            assertEquals("attempted", step.get("status").asText());
            assertEquals(1, step.get("attempts").asInt());
            assertEquals(module, failed.get("path").get("next").get("id").asText());

            JsonNode after = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + id), 200);
            assertEquals(before.get("remainingMinutes"), after.get("remainingMinutes"));
            assertFalse(after.get("modules").get(0).get("done").asBoolean());

            if (correct.size() >= 3) {
                List<Integer> allButOne = new ArrayList<>(correct);
                allButOne.set(0, wrong(material, correct).get(0));
                JsonNode passed = progress(server, id, module, "done", allButOne);
                assertEquals("completed", passed.get("status").asText());
                assertTrue(passed.get("check").get("passed").asBoolean(), "all but one right passes");
            } else {
                assertEquals("completed", progress(server, id, module, "done", correct).get("status").asText());
            }
            JsonNode completed = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + id), 200);
            assertTrue(completed.get("modules").get(0).get("done").asBoolean());
            assertFalse(module.equals(completed.get("next").get("id").asText()), "next moves on");
        }
    }

    @Test
    void adaptiveSelfAssessmentAsksOneStatementAtATimeAndIsScored() throws Exception {
        try (TrolysoServer.Running server = start()) {
            String id = json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"hoc_sinh\",\"grade\":7}"), 201)
                    .get("profileId").asText();
            ArrayNode answers = JSON.createArrayNode();
            JsonNode step = json(TestServers.postJson(server, "/api/v1/assessment/next",
                    "{\"role\":\"hoc_sinh\",\"grade\":7,\"answers\":[]}"), 200);
            assertEquals(List.of("done", "statement", "asked", "total"), fieldNames(step));
            assertEquals(3, step.get("statement").get("level").asInt(), "starts at the target level");
            assertEquals(0, step.get("asked").asInt());
            int guard = 0;
            while (!step.get("done").asBoolean() && guard++ < 36) {
                JsonNode s = step.get("statement");
                answers.addObject().put("statementId", s.get("id").asText())
                        .put("answer", s.get("level").asInt() <= (s.get("domain").asText().equals("4") ? 2 : 3) ? "co" : "chua");
                ObjectNode body = JSON.createObjectNode().put("role", "hoc_sinh").put("grade", 7);
                body.set("answers", answers);
                step = json(TestServers.postJson(server, "/api/v1/assessment/next", body.toString()), 200);
                assertEquals(answers.size(), step.get("asked").asInt());
            }
            assertTrue(step.get("done").asBoolean());
            assertTrue(step.get("statement").isNull());
            assertTrue(answers.size() >= 12 && answers.size() <= 24, "asked " + answers.size());
            ObjectNode submit = JSON.createObjectNode().put("profileId", id);
            submit.set("answers", answers);
            JsonNode result = json(TestServers.postJson(server, "/api/v1/assessment", submit.toString()), 200);
            assertEquals(2, result.get("domains").get(3).get("level").asInt());
            assertEquals(3, result.get("domains").get(0).get("level").asInt());

            assertError(TestServers.postJson(server, "/api/v1/assessment/next",
                    "{\"role\":\"hoc_sinh\",\"grade\":7,\"answers\":[{\"statementId\":\"9.9.X\",\"answer\":\"co\"}]}"), 400, "unknown_statement");
            assertError(TestServers.postJson(server, "/api/v1/assessment/next", "{\"role\":\"hoc_sinh\"}"), 400, "grade_required");
        }
    }

    @Test
    void materialsAreListedWithTheirTagsAndServedWithoutAnswers() throws Exception {
        try (TrolysoServer.Running server = start()) {
            JsonNode list = json(TestServers.get(server, "/api/v1/materials"), 200).get("materials");
            assertTrue(list.size() >= 12);
            assertEquals(List.of("id", "title", "competencies", "levels", "audience", "durationMinutes", "summary", "basic"),
                    fieldNames(list.get(0)));
            JsonNode m = json(TestServers.get(server, "/api/v1/materials/chu-ky-so-vneid-dich-vu-cong"), 200);
            assertEquals("[\"2.3\",\"2.6\"]", m.get("competencies").toString());
            assertEquals(List.of("number", "question", "options"), fieldNames(m.get("checkQuestions").get(0)));
            assertFalse(m.toString().contains("[x]"));
            assertFalse(m.get("sections").get(0).get("markdown").asText().isBlank());
            assertError(TestServers.get(server, "/api/v1/materials/khong-ton-tai"), 404, "unknown_module");
        }
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        try (TrolysoServer.Running server = start()) {
            assertError(TestServers.get(server, "/api/v1/assessment?role=hieu_truong"), 400, "invalid_role");
            assertError(TestServers.get(server, "/api/v1/assessment"), 400, "invalid_role");
            assertError(TestServers.get(server, "/api/v1/assessment?role=hoc_sinh"), 400, "grade_required");
            assertError(TestServers.get(server, "/api/v1/assessment?role=hoc_sinh&grade=muoi"), 400, "invalid_grade");
            assertError(TestServers.get(server, "/api/v1/assessment?role=hoc_sinh&grade=13"), 400, "invalid_grade");
            assertError(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"hoc_sinh\"}"), 400, "grade_required");
            assertError(TestServers.postJson(server, "/api/v1/profile", "{\"grade\":3}"), 400, "missing_field");
            assertError(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"giao_vien\",\"grade\":\"7\"}"), 400, "invalid_grade");
            assertError(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"giao_vien\""), 400, "malformed_json");
            assertError(TestServers.get(server, "/api/v1/profile/khong-co"), 404, "unknown_profile");
            assertError(TestServers.get(server, "/api/v1/learning-path"), 400, "missing_parameter");
            assertError(TestServers.get(server, "/api/v1/learning-path?profileId=khong-co"), 404, "unknown_profile");

            String id = json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"giao_vien\"}"), 201)
                    .get("profileId").asText();
            assertError(TestServers.postJson(server, "/api/v1/assessment", "{\"profileId\":\"" + id
                    + "\",\"answers\":[{\"statementId\":\"1.1.TC1a\",\"answer\":\"co\"}]}"), 400, "incomplete_assessment");
            assertError(TestServers.postJson(server, "/api/v1/assessment", "{\"profileId\":\"" + id
                    + "\",\"answers\":[{\"statementId\":\"1.1.TC1a\",\"answer\":\"vang\"}]}"), 400, "invalid_answer");
            assertError(TestServers.postJson(server, "/api/v1/assessment", "{\"profileId\":\"" + id
                    + "\",\"answers\":[{\"statementId\":\"9.9.X\",\"answer\":\"co\"}]}"), 400, "unknown_statement");
            assertError(TestServers.postJson(server, "/api/v1/assessment", "{\"profileId\":\"" + id
                    + "\",\"answers\":\"co\"}"), 400, "invalid_field");
            assertError(TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\"" + id
                    + "\",\"moduleId\":\"tao-hoc-lieu-so\",\"status\":\"started\"}"), 400, "invalid_status");
            assertError(TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\"" + id
                    + "\",\"moduleId\":\"khong-co\",\"status\":\"read\"}"), 404, "unknown_module");
            assertError(TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\"" + id
                    + "\",\"moduleId\":\"tao-hoc-lieu-so\",\"status\":\"done\",\"checkAnswers\":[0]}"), 400, "invalid_check_answers");
            assertError(TestServers.send(TestServers.request(server, "/api/v1/progress").GET().build()), 405, "method_not_allowed");
        }
    }

    @Test
    void progressReportNeedsTheAdminTokenAndCountsStoredProgress() throws Exception {
        try (TrolysoServer.Running server = start()) {
            assertError(TestServers.get(server, "/api/v1/reports/progress"), 401, "admin_token_required");
            String done = json(TestServers.postJson(server, "/api/v1/profile",
                    "{\"role\":\"nhan_vien\",\"school\":\"Trường A\"}"), 201).get("profileId").asText();
            String readOnly = json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"nhan_vien\",\"school\":\"Trường A\"}"), 201)
                    .get("profileId").asText();
            json(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"hoc_sinh\",\"grade\":2,\"school\":\"Trường A\"}"), 201);
            JsonNode basics = json(TestServers.get(server, "/api/v1/learning-path?profileId=" + done), 200).get("modules");
            for (JsonNode m : basics) {
                progress(server, done, m.get("id").asText(), "done", correctOptions(server, m.get("id").asText()));
                // Reading every basic module and failing one check completes nothing.
                progress(server, readOnly, m.get("id").asText(), "read", null);
            }
            String firstBasic = basics.get(0).get("id").asText();
            JsonNode firstMaterial = json(TestServers.get(server, "/api/v1/materials/" + firstBasic), 200);
            progress(server, readOnly, firstBasic, "done", wrong(firstMaterial, correctOptions(server, firstBasic)));

            JsonNode report = json(TestServers.send(TestServers.request(server,
                    "/api/v1/reports/progress?school=" + java.net.URLEncoder.encode("Trường A", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Authorization", "Bearer " + ADMIN).GET().build()), 200);
            JsonNode staff = report.get("groups").get(0);
            assertEquals("staff", staff.get("key").asText());
            assertEquals(2, staff.get("people").asInt());
            assertEquals(95.0, staff.get("targetPercent").asDouble());
            JsonNode basicRow = staff.get("rows").get(0);
            assertEquals("basic_modules", basicRow.get("key").asText());
            assertEquals(1, basicRow.get("reached").asInt());
            assertEquals(50.0, basicRow.get("percent").asDouble());
            assertFalse(basicRow.get("met").asBoolean());
            assertEquals(basics.size(), basicRow.get("checksPassed").asInt());
            assertEquals(basics.size() + 1, basicRow.get("checksAttempted").asInt());
            assertEquals(1, report.get("groups").get(1).get("people").asInt());

            HttpResponse<String> csv = TestServers.send(TestServers.request(server, "/api/v1/reports/progress?format=csv")
                    .header("Authorization", "Bearer " + ADMIN).GET().build());
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(csv.body().startsWith("\uFEFFnhom,chi_so,"), csv.body());
            assertTrue(csv.body().startsWith("\uFEFFnhom,chi_so,noi_dung,so_dat,tong_so,ty_le_phan_tram,chi_tieu_phan_tram,"
                    + "dat_chi_tieu,so_kiem_tra_dat,so_kiem_tra_da_lam\n"), csv.body());
            assertTrue(csv.body().contains("\nstaff,basic_modules,Hoàn thành các học phần cơ bản,1,2,50.0,95.0,chua,"
                    + basics.size() + "," + (basics.size() + 1) + "\n"), csv.body());
            assertError(TestServers.send(TestServers.request(server, "/api/v1/reports/progress?format=xml")
                    .header("Authorization", "Bearer " + ADMIN).GET().build()), 400, "invalid_format");
            assertError(TestServers.send(TestServers.request(server, "/api/v1/reports/progress")
                    .header("Authorization", "Bearer sai").GET().build()), 401, "invalid_admin_token");

            HttpResponse<String> page = TestServers.get(server, "/admin/tien-do.html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/api/v1/reports/progress"));
        }
    }
}
