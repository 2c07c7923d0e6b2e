package vn.trolyso.server.learning;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
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
import vn.trolyso.server.documents.DocumentJson;

/**
 * The response bodies of the learning API (docs/api.md "Learning", openapi.yaml), as records serialised by Jackson in
 * component order; {@code @JsonUnwrapped} puts a module's summary fields first where a body extends it.
 */
final class LearningJson {
    private final CompetencyFramework framework;

    LearningJson(CompetencyFramework framework) {
        this.framework = framework;
    }

    record MaterialSummary(String id, String title, List<String> competencies, List<Integer> levels,
                           List<String> audience, int durationMinutes, String summary, boolean basic) {
    }

    /** The whole module; check questions without their answers (POST /progress checks them). */
    record MaterialBody(@JsonUnwrapped MaterialSummary summary, List<Section> sections,
                        List<Question> checkQuestions, int passMark) {
    }

    record Section(String heading, String markdown) {
    }

    record Question(int number, String question, List<String> options) {
    }

    record MaterialsPage(List<MaterialSummary> materials, int total, int offset, int limit) {
    }

    /** {@code PUT /admin/materials/{id}}: the saved module and whether it replaced one. */
    record SavedMaterial(@JsonUnwrapped MaterialBody material, boolean replaced, boolean overridesBundled) {
    }

    /** {@code PUT /admin/materials/{id}} (201). */
    record Uploaded(SavedMaterial material, DocumentJson.Indexing indexing) {
    }

    /** {@code DELETE /admin/materials/{id}}. */
    record Deleted(String moduleId, boolean deleted, boolean restoredBundled, String message,
                   DocumentJson.Indexing indexing) {
    }

    /** The 400 body of an invalid module: the usual error shape plus every problem (file, field, what is wrong). */
    record InvalidMaterial(Detail error) {
        record Detail(String code, String message, List<Problem> problems) {
        }
    }

    record Problem(String file, String field, String message) {
    }

    record Form(String role, Integer grade, int targetLevel, List<Integer> levels, List<Option> answerOptions,
                List<StatementJson> statements) {
    }

    record Option(String value, String label) {
    }

    record StatementJson(String id, String domain, String domainName, String competency, int level, String text) {
    }

    record DomainResult(String domain, String domainName, int level, String levelName, String levelWording,
                        int targetLevel, boolean reachedTarget, List<String> descriptors) {
    }

    record Assessed(String profileId, Integer targetLevel, List<DomainResult> domains) {
    }

    record NextStatement(boolean done, StatementJson statement, int asked, int total) {
    }

    record ProfileJson(String profileId, String role, Integer grade, String displayName, String school,
                       int targetLevel, String createdAt) {
    }

    /** {@code GET /profiles/{id}}: the profile and its latest assessment (null before the first). */
    record ProfileWithAssessment(@JsonUnwrapped ProfileJson profile, Assessment assessment) {
    }

    record Assessment(List<DomainResult> domains) {
    }

    record Path(String profileId, int targetLevel, boolean assessed, int totalMinutes, int remainingMinutes,
                boolean complete, ModuleRef next, List<DomainRef> gaps, List<DomainRef> uncoveredDomains,
                List<Step> modules) {
    }

    record ModuleRef(String id, String title) {
    }

    record DomainRef(String domain, String domainName) {
    }

    record Step(@JsonUnwrapped MaterialSummary module, String reason, List<String> domains, boolean done,
                String status, int attempts, Boolean checksPassed) {
    }

    record Check(int correct, int total, int required, boolean passed, List<Boolean> results,
                 List<Integer> correctOptions) {
    }

    record Progress(String profileId, String moduleId, String status, int attempts, Check check, Path path) {
    }

    record Report(String school, String generatedAt, List<Group> groups, String timeZone) {
    }

    record Group(String key, String label, int people, double targetPercent, List<Row> rows) {
    }

    record Row(String key, String label, int reached, int people, double percent, double targetPercent, boolean met,
               int checksPassed, int checksAttempted) {
    }

    static MaterialSummary materialSummary(Material m) {
        return new MaterialSummary(m.id(), m.title(), m.competencies(), m.levels(),
                m.audience().stream().sorted().map(Audience::name).toList(), m.durationMinutes(), m.summary(),
                m.basic());
    }

    static MaterialBody material(Material m) {
        List<Question> questions = new ArrayList<>();
        for (CheckQuestion q : m.checkQuestions()) {
            questions.add(new Question(questions.size() + 1, q.text(), q.options()));
        }
        return new MaterialBody(materialSummary(m),
                m.sections().stream().map(s -> new Section(s.heading(), s.text())).toList(), questions,
                PassMark.required(questions.size()));
    }

    Form form(SelfAssessment.Form form) {
        return new Form(form.role().apiName(), form.grade(), form.targetLevel(), form.levels(),
                List.of(AnswerChoice.values()).stream().map(a -> new Option(a.apiName(), a.label())).toList(),
                form.statements().stream().map(this::statement).toList());
    }

    StatementJson statement(Statement s) {
        return new StatementJson(s.id(), s.domainCode(), domainName(s.domainCode()), s.competencyCode(), s.level(),
                s.text());
    }

    static DomainResult domainResult(SelfAssessment.DomainResult r) {
        return new DomainResult(r.domainCode(), r.domainName(), r.estimatedLevel(), r.levelName(), r.levelWording(),
                r.targetLevel(), r.reachedTarget(), r.descriptors());
    }

    static ProfileJson profile(Profile p, int targetLevel) {
        return new ProfileJson(p.id(), p.role().apiName(), p.grade(), p.displayName(), p.school(), targetLevel,
                p.createdAt().toString());
    }

    Path path(String profileId, LearningPath path) {
        return new Path(profileId, path.targetLevel(), path.assessed(), path.totalMinutes(), path.remainingMinutes(),
                path.complete(), path.next().map(s -> new ModuleRef(s.module().id(), s.module().title())).orElse(null),
                path.gaps().stream().map(this::domainRef).toList(),
                path.uncoveredDomains().stream().map(this::domainRef).toList(),
                path.steps().stream().map(LearningJson::step).toList());
    }

    private static Step step(LearningPath.Step s) {
        return new Step(materialSummary(s.module()), s.reason(), s.domains(), s.done(), s.status(), s.attempts(),
                s.checksPassed());
    }

    private DomainRef domainRef(String code) {
        return new DomainRef(code, domainName(code));
    }

    private String domainName(String code) {
        return framework.domain(code).map(Domain::name).orElse(code);
    }

    static Check check(LearningService.CheckResult c) {
        return c == null ? null : new Check(c.correct(), c.total(), c.required(), c.passed(), c.results(),
                c.correctOptions());
    }

    static Report report(ProgressReport report, String generatedAt, String timeZone) {
        return new Report(report.school(), generatedAt, report.groups().stream().map(g -> new Group(g.key(),
                g.label(), g.people(), g.targetPercent(), g.rows().stream().map(r -> new Row(r.key(), r.label(),
                        r.reached(), r.people(), r.percent(), r.targetPercent(), r.met(), r.checksPassed(),
                        r.checksAttempted())).toList())).toList(), timeZone);
    }
}
