package vn.trolyso.server.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.learning.AnswerChoice;
import vn.trolyso.assistant.learning.LearningPath;
import vn.trolyso.assistant.learning.LearningService;
import vn.trolyso.assistant.learning.PassMark;
import vn.trolyso.assistant.learning.Profile;
import vn.trolyso.assistant.learning.ProgressReport;
import vn.trolyso.assistant.learning.SelfAssessment;
import vn.trolyso.assistant.learning.Statement;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;
import vn.trolyso.knowledge.materials.Audience;
import vn.trolyso.knowledge.materials.CheckQuestion;
import vn.trolyso.knowledge.materials.Material;

/** The JSON shapes of the learning API (documented in docs/api.md "Learning" and openapi.yaml). */
final class LearningJson {
    private final CompetencyFramework framework;

    LearningJson(CompetencyFramework framework) {
        this.framework = framework;
    }

    static Map<String, Object> materialSummary(Material m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("title", m.title());
        json.put("competencies", m.competencies());
        json.put("levels", m.levels());
        json.put("audience", m.audience().stream().sorted().map(Audience::name).toList());
        json.put("durationMinutes", m.durationMinutes());
        json.put("summary", m.summary());
        json.put("basic", m.basic());
        return json;
    }

    /** The whole module; check questions without their answers (POST /progress checks them). */
    static Map<String, Object> material(Material m) {
        Map<String, Object> json = materialSummary(m);
        json.put("sections", m.sections().stream().map(s -> ordered("heading", s.heading(), "markdown", s.text())).toList());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (CheckQuestion q : m.checkQuestions()) {
            Map<String, Object> question = ordered("number", questions.size() + 1, "question", q.text());
            question.put("options", q.options());
            questions.add(question);
        }
        json.put("checkQuestions", questions);
        json.put("passMark", PassMark.required(questions.size()));
        return json;
    }

    Map<String, Object> form(SelfAssessment.Form form) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", form.role().apiName());
        json.put("grade", form.grade());
        json.put("targetLevel", form.targetLevel());
        json.put("levels", form.levels());
        json.put("answerOptions", List.of(AnswerChoice.values()).stream()
                .map(a -> ordered("value", a.apiName(), "label", a.label())).toList());
        json.put("statements", form.statements().stream().map(this::statement).toList());
        return json;
    }

    Map<String, Object> statement(Statement s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("domain", s.domainCode());
        json.put("domainName", domainName(s.domainCode()));
        json.put("competency", s.competencyCode());
        json.put("level", s.level());
        json.put("text", s.text());
        return json;
    }

    static Map<String, Object> domainResult(SelfAssessment.DomainResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", r.domainCode());
        json.put("domainName", r.domainName());
        json.put("level", r.estimatedLevel());
        json.put("levelName", r.levelName());
        json.put("levelWording", r.levelWording());
        json.put("targetLevel", r.targetLevel());
        json.put("reachedTarget", r.reachedTarget());
        json.put("descriptors", r.descriptors());
        return json;
    }

    static Map<String, Object> profile(Profile p, int targetLevel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profileId", p.id());
        json.put("role", p.role().apiName());
        json.put("grade", p.grade());
        json.put("displayName", p.displayName());
        json.put("school", p.school());
        json.put("targetLevel", targetLevel);
        json.put("createdAt", p.createdAt().toString());
        return json;
    }

    Map<String, Object> path(String profileId, LearningPath path) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profileId", profileId);
        json.put("targetLevel", path.targetLevel());
        json.put("assessed", path.assessed());
        json.put("totalMinutes", path.totalMinutes());
        json.put("remainingMinutes", path.remainingMinutes());
        json.put("complete", path.complete());
        json.put("next", path.next().map(s -> ordered("id", s.module().id(), "title", s.module().title())).orElse(null));
        json.put("gaps", path.gaps().stream().map(this::domainRef).toList());
        json.put("uncoveredDomains", path.uncoveredDomains().stream().map(this::domainRef).toList());
        json.put("modules", path.steps().stream().map(LearningJson::step).toList());
        return json;
    }

    private static Map<String, Object> step(LearningPath.Step s) {
        Map<String, Object> json = materialSummary(s.module());
        json.put("reason", s.reason());
        json.put("domains", s.domains());
        json.put("done", s.done());
        json.put("status", s.status());
        json.put("attempts", s.attempts());
        json.put("checksPassed", s.checksPassed());
        return json;
    }

    private Map<String, Object> domainRef(String code) {
        return ordered("domain", code, "domainName", domainName(code));
    }

    private String domainName(String code) {
        return framework.domain(code).map(Domain::name).orElse(code);
    }

    /** A two-field object whose fields keep their order in the JSON. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(k1, v1);
        json.put(k2, v2);
        return json;
    }

    static Map<String, Object> check(LearningService.CheckResult c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("correct", c.correct());
        json.put("total", c.total());
        json.put("required", c.required());
        json.put("passed", c.passed());
        json.put("results", c.results());
        json.put("correctOptions", c.correctOptions());
        return json;
    }

    static Map<String, Object> report(ProgressReport report, String generatedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("school", report.school());
        json.put("generatedAt", generatedAt);
        json.put("groups", report.groups().stream().map(g -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("key", g.key());
            group.put("label", g.label());
            group.put("people", g.people());
            group.put("targetPercent", g.targetPercent());
            group.put("rows", g.rows().stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", r.key());
                row.put("label", r.label());
                row.put("reached", r.reached());
                row.put("people", r.people());
                row.put("percent", r.percent());
                row.put("targetPercent", r.targetPercent());
                row.put("met", r.met());
                row.put("checksPassed", r.checksPassed());
                row.put("checksAttempted", r.checksAttempted());
                return row;
            }).toList());
            return group;
        }).toList());
        return json;
    }
}
