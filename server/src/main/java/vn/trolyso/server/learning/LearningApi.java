package vn.trolyso.server.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.learning.AdaptiveAssessment;
import vn.trolyso.assistant.learning.AnswerChoice;
import vn.trolyso.assistant.learning.LearningService;
import vn.trolyso.assistant.store.LearningStore;
import vn.trolyso.assistant.learning.ModuleProgress;
import vn.trolyso.assistant.learning.Profile;
import vn.trolyso.assistant.learning.SelfAssessment;
import vn.trolyso.assistant.learning.TargetLevels;
import vn.trolyso.assistant.report.SpreadsheetCsv;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.Paging;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * The learning API under /api/v1: materials, self-assessment, profiles, learning path, progress (scope
 * "learning") and the admin progress report. Shapes in docs/api.md "Learning" and openapi.yaml.
 */
public final class LearningApi {
    private final LearningService learning;
    private final TargetLevels targets;
    private final LearningJson json;
    private final ZoneId zone;
    private final int maxBodyBytes;

    /**
     * @param targets the target level of each role (the profiles show it)
     * @param zone    the admin pages' one clock (the progress report's time zone)
     */
    public LearningApi(LearningService learning, TargetLevels targets, CompetencyFramework framework, ZoneId zone,
                       int maxBodyBytes) {
        this.learning = learning;
        this.targets = targets;
        this.json = new LearningJson(framework);
        this.zone = zone;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void routes(Routes routes) {
        RouteAccess learner = RouteAccess.scope(Scope.LEARNING);
        routes.get("/materials", learner, this::materials)
                .get("/materials/{id}", learner, this::material)
                .get("/assessment", learner, this::assessmentForm)
                .post("/assessment", learner, this::assess)
                .post("/assessment/next", learner, this::nextStatement)
                .post("/profile", learner, this::createProfile)
                .get("/profile/{id}", learner, this::profile)
                .get("/learning-path", learner, this::path)
                .post("/progress", learner, this::progress)
                .get("/reports/progress", RouteAccess.admin(), this::report)
                .refuseOtherMethods("/materials", "/materials/{id}", "/assessment", "/assessment/next", "/profile",
                        "/profile/{id}", "/learning-path", "/progress", "/reports/progress");
    }

    private void materials(ServerRequest req, ServerResponse res) {
        Paging page = Paging.of(req);
        var all = learning.library().all();
        Json.send(res, new LearningJson.MaterialsPage(
                page.slice(all).stream().map(LearningJson::materialSummary).toList(), all.size(), page.offset(),
                page.limit()));
    }

    private void material(ServerRequest req, ServerResponse res) {
        Json.send(res, LearningJson.material(learning.material(req.path().pathParameters().get("id"))));
    }

    private void assessmentForm(ServerRequest req, ServerResponse res) {
        Role role = LearningService.role(req.query().first("role").orElse(null));
        Integer grade = grade(req.query().first("grade").orElse(null));
        Json.send(res, json.form(learning.assessmentForm(role, grade)));
    }

    private void assess(ServerRequest req, ServerResponse res) {
        ObjectNode body = body(req);
        String profileId = JsonBody.requiredString(body, "profileId");
        List<SelfAssessment.DomainResult> results = learning.assess(profileId, answers(body.get("answers"), true));
        Json.send(res, new LearningJson.Assessed(profileId.strip(),
                results.isEmpty() ? null : results.getFirst().targetLevel(),
                results.stream().map(LearningJson::domainResult).toList()));
    }

    private static Map<String, AnswerChoice> answers(JsonNode answers, boolean required) {
        if (answers == null || answers.isNull()) {
            if (required) {
                throw ApiErrors.missingField("answers");
            }
            return Map.of();
        }
        if (!answers.isArray()) {
            throw ApiErrors.invalidField("answers", "phải là một danh sách [{statementId, answer}].");
        }
        List<Map.Entry<String, String>> raw = new ArrayList<>();
        for (JsonNode a : answers) {
            if (!a.isObject() || !a.path("statementId").isTextual() || !a.path("answer").isTextual()) {
                throw ApiErrors.invalidField("answers", "mỗi phần tử phải có dạng {\"statementId\": \"…\", \"answer\": \"co|mot_phan|chua\"}.");
            }
            raw.add(Map.entry(a.get("statementId").asText(), a.get("answer").asText()));
        }
        return LearningService.answers(raw);
    }

    /** The body's "grade", or null when absent; a value that is not a whole number is 400 invalid_grade. */
    private static Integer optionalGrade(ObjectNode body) {
        JsonNode g = body.get("grade");
        if (g == null || g.isNull()) {
            return null;
        }
        if (!g.isIntegralNumber()) {
            throw ApiErrors.badRequest("invalid_grade", "Lớp phải là số nguyên từ 1 đến 12.");
        }
        return g.asInt();
    }

    /** The adaptive self-assessment: the next statement for the answers so far, or done. */
    private void nextStatement(ServerRequest req, ServerResponse res) {
        ObjectNode body = body(req);
        Role role = LearningService.role(JsonBody.optionalString(body, "role"));
        Integer grade = optionalGrade(body);
        AdaptiveAssessment.Progress p = learning.nextStatement(role, grade, answers(body.get("answers"), false));
        Json.send(res, new LearningJson.NextStatement(p.finished(), p.next().map(json::statement).orElse(null),
                p.asked(), p.expected()));
    }

    private void createProfile(ServerRequest req, ServerResponse res) {
        ObjectNode body = body(req);
        Role role = LearningService.role(JsonBody.requiredString(body, "role"));
        Integer grade = optionalGrade(body);
        String displayName = cleanOptional(body, "displayName");
        String school = cleanOptional(body, "school");
        Profile p = learning.createProfile(role, grade, displayName, school);
        Json.send(res, Status.CREATED_201, LearningJson.profile(p, targets.target(p.role(), p.grade())));
    }

    private static String cleanOptional(ObjectNode body, String field) {
        String value = JsonBody.optionalString(body, field);
        if (value != null) {
            TextInput.requireClean(field, value);
        }
        return value;
    }

    private void profile(ServerRequest req, ServerResponse res) {
        Profile p = learning.profile(req.path().pathParameters().get("id"));
        Json.send(res, new LearningJson.ProfileWithAssessment(
                LearningJson.profile(p, targets.target(p.role(), p.grade())), learning.latestResult(p.id())
                .map(r -> new LearningJson.Assessment(r.stream().map(LearningJson::domainResult).toList()))
                .orElse(null)));
    }

    private void path(ServerRequest req, ServerResponse res) {
        String profileId = req.query().first("profileId").filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiErrors.badRequest("missing_parameter", "Thiếu tham số profileId."));
        Json.send(res, json.path(profileId, learning.path(profileId)));
    }

    private void progress(ServerRequest req, ServerResponse res) {
        ObjectNode body = body(req);
        String profileId = JsonBody.requiredString(body, "profileId");
        String moduleId = JsonBody.requiredString(body, "moduleId");
        String status = JsonBody.requiredString(body, "status");
        if (!status.equals("done") && !status.equals("read")) {
            throw ApiErrors.badRequest("invalid_status", "Trạng thái chỉ có thể là \"read\" (đã đọc) hoặc \"done\""
                    + " (nộp bài kiểm tra; chỉ hoàn thành khi đạt).");
        }
        List<Integer> checkAnswers = checkAnswers(body.get("checkAnswers"));
        LearningService.CheckResult check = null;
        ModuleProgress progress;
        if (status.equals("read")) {
            if (checkAnswers != null) {
                throw ApiErrors.badRequest("invalid_check_answers", "Gửi câu trả lời kiểm tra với status \"done\", không phải \"read\".");
            }
            progress = learning.markRead(profileId, moduleId);
        } else {
            LearningService.Attempt attempt = learning.submitCheck(profileId, moduleId, checkAnswers);
            check = attempt.check();
            progress = attempt.progress();
        }
        Json.send(res, new LearningJson.Progress(profileId.strip(), moduleId, progress.status().apiName(),
                progress.attempts(), LearningJson.check(check), json.path(profileId.strip(), learning.path(profileId))));
    }

    private static List<Integer> checkAnswers(JsonNode checks) {
        if (checks == null || checks.isNull()) {
            return null;
        }
        if (!checks.isArray()) {
            throw ApiErrors.badRequest("invalid_check_answers", "checkAnswers phải là danh sách số thứ tự lựa chọn (từ 0).");
        }
        List<Integer> answers = new ArrayList<>();
        for (JsonNode c : checks) {
            if (!c.isIntegralNumber()) {
                throw ApiErrors.badRequest("invalid_check_answers", "checkAnswers phải là danh sách số thứ tự lựa chọn (từ 0).");
            }
            answers.add(c.asInt());
        }
        return answers;
    }

    private void report(ServerRequest req, ServerResponse res) {
        String school = req.query().first("school").orElse(null);
        String format = req.query().first("format").orElse("json");
        var report = learning.report(school);
        switch (format) {
            case "json" -> {
                // timeZone: the admin pages' one clock
                Json.send(res, LearningJson.report(report, Instant.now().toString(), zone.getId()));
            }
            case "csv" -> {
                res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
                res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"tien-do-hoc-tap.csv\"");
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
                res.send(SpreadsheetCsv.fileBytes(report.toCsv()));
            }
            default -> throw ApiErrors.badRequest("invalid_format", "Định dạng chỉ có thể là json hoặc csv.");
        }
    }

    private ObjectNode body(ServerRequest req) {
        return JsonBody.readObject(req, maxBodyBytes);
    }

    private static Integer grade(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiErrors.badRequest("invalid_grade", "Lớp phải là số nguyên từ 1 đến 12.");
        }
    }
}
