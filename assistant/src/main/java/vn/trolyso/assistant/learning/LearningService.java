package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.store.LearningStore;
import vn.trolyso.knowledge.materials.CheckQuestion;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.materials.MaterialLibrary;
import vn.trolyso.knowledge.framework.CompetencyFramework;

/**
 * The learning companion: profiles, self-assessment, learning path, progress and the progress report. What the HTTP
 * API (and the assistant, for "Gợi ý học tiếp") call. Validation failures are {@link LearningException}s.
 */
public final class LearningService {
    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_SCHOOL = 200;

    private final Supplier<MaterialLibrary> libraries;
    private final CompetencyFramework framework;
    private final TargetLevels targets;
    private final ProgressTargets progressTargets;
    private final LearningStore store;
    private final SelfAssessment assessment;
    private volatile Catalogue catalogue;

    /** The parts derived from one library; rebuilt when the library is swapped. */
    private record Catalogue(MaterialLibrary library, LearningPathPlanner planner, ProgressReportCalculator reports) {
    }

    public LearningService(MaterialLibrary library, CompetencyFramework framework, TargetLevels targets,
                           ProgressTargets progressTargets, LearningStore store) {
        this(() -> library, framework, targets, progressTargets, store);
    }

    /**
     * @param libraries the current library; asked on every call, so modules added or removed by the owner of the
     *                  library (the server's catalogue) show at once
     */
    public LearningService(Supplier<MaterialLibrary> libraries, CompetencyFramework framework, TargetLevels targets,
                           ProgressTargets progressTargets, LearningStore store) {
        this.libraries = libraries;
        this.framework = framework;
        this.targets = targets;
        this.progressTargets = progressTargets;
        this.store = store;
        this.assessment = new SelfAssessment(framework, targets);
    }

    private Catalogue catalogue() {
        MaterialLibrary current = libraries.get();
        Catalogue c = catalogue;
        if (c == null || c.library() != current) {
            c = new Catalogue(current, new LearningPathPlanner(current.all()),
                    new ProgressReportCalculator(framework, current.all()));
            catalogue = c;
        }
        return c;
    }

    public MaterialLibrary library() {
        return libraries.get();
    }

    public Material material(String id) {
        return library().find(id).orElseThrow(() -> LearningException.notFound("unknown_module",
                "Không có học phần với mã '" + id + "'."));
    }

    /** Parses an API role name; a clear error lists the accepted names. */
    public static Role role(String apiName) {
        if (apiName == null || apiName.isBlank()) {
            throw LearningException.invalid("invalid_role", "Thiếu vai trò (role). Giá trị hợp lệ: " + roleNames() + ".");
        }
        return Role.fromApiName(apiName.strip()).orElseThrow(() -> LearningException.invalid("invalid_role",
                "Vai trò '" + apiName + "' không hợp lệ. Giá trị hợp lệ: " + roleNames() + "."));
    }

    private static String roleNames() {
        return java.util.Arrays.stream(Role.values()).map(Role::apiName).collect(Collectors.joining(", "));
    }

    /** Pupils need a grade 1–12; for the others a grade is optional (the grade a teacher teaches) and only checked. */
    private static void checkGrade(Role role, Integer grade) {
        if (grade != null && (grade < 1 || grade > 12)) {
            throw LearningException.invalid("invalid_grade", "Lớp phải từ 1 đến 12.");
        }
        if (role == Role.HOC_SINH && grade == null) {
            throw LearningException.invalid("grade_required", "Học sinh cần cho biết lớp (1–12) để xác định bậc năng lực mục tiêu.");
        }
    }

    public Profile createProfile(Role role, Integer grade, String displayName, String school) {
        checkGrade(role, grade);
        return store.createProfile(role, grade, optional(displayName, MAX_DISPLAY_NAME, "displayName"),
                optional(school, MAX_SCHOOL, "school"));
    }

    private static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw LearningException.invalid("invalid_" + (field.equals("school") ? "school" : "display_name"),
                    (field.equals("school") ? "Tên trường" : "Tên hiển thị") + " dài tối đa " + max + " ký tự.");
        }
        return v;
    }

    public Profile profile(String id) {
        return store.profile(id == null ? "" : id.strip()).orElseThrow(() -> LearningException.notFound("unknown_profile",
                "Không tìm thấy hồ sơ học tập '" + id + "'. Hãy tạo hồ sơ mới."));
    }

    /** The statements for a role and grade. */
    public SelfAssessment.Form assessmentForm(Role role, Integer grade) {
        checkGrade(role, grade);
        return assessment.form(role, grade);
    }

    /**
     * The adaptive self-assessment's next statement for a role and grade, given the answers so far (by statement id).
     *
     * @throws LearningException when an answer names a statement not on the form
     */
    public AdaptiveAssessment.Progress nextStatement(Role role, Integer grade, Map<String, AnswerChoice> answers) {
        SelfAssessment.Form form = assessmentForm(role, grade);
        java.util.Set<String> ids = form.statements().stream().map(Statement::id).collect(Collectors.toSet());
        List<String> unknown = answers.keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw LearningException.invalid("unknown_statement", "Câu tự đánh giá không thuộc bài này: "
                    + String.join(", ", unknown) + ".");
        }
        return AdaptiveAssessment.progress(form, answers);
    }

    /** Scores and stores a self-assessment of the profile's form; answers by statement id. */
    public List<SelfAssessment.DomainResult> assess(String profileId, Map<String, AnswerChoice> answers) {
        Profile p = profile(profileId);
        List<SelfAssessment.DomainResult> results = assessment.score(assessment.form(p.role(), p.grade()), answers);
        store.saveAssessment(p.id(), answers, results);
        return results;
    }

    /** The latest self-assessment result of a profile, if any. */
    public Optional<List<SelfAssessment.DomainResult>> latestResult(String profileId) {
        Profile p = profile(profileId);
        int target = targets.target(p.role(), p.grade());
        return store.latestAssessment(p.id()).map(a -> a.estimates().entrySet().stream()
                .map(e -> assessment.result(framework.domain(e.getKey()).orElseThrow(), e.getValue(), target)).toList());
    }

    public LearningPath path(String profileId) {
        Profile p = profile(profileId);
        Map<String, Integer> estimates = store.latestAssessment(p.id()).map(LearningStore.StoredAssessment::estimates)
                .orElse(Map.of());
        return catalogue().planner().plan(TargetLevels.audienceOf(p.role()), targets.target(p.role(), p.grade()), estimates,
                store.progress(p.id()));
    }

    /** The module a person should study next, for "Gợi ý học tiếp"; empty when the path is complete. */
    public Optional<Material> nextModule(String profileId) {
        return path(profileId).next().map(LearningPath.Step::module);
    }

    /**
     * Result of checking a module's questions.
     *
     * @param correct        right answers
     * @param total          questions
     * @param required       right answers needed to pass ({@link PassMark})
     * @param passed         whether this attempt passed
     * @param results        per question, whether the answer was right
     * @param correctOptions the right option (0-based) of each question, shown to the learner after an attempt
     */
    public record CheckResult(int correct, int total, int required, boolean passed, List<Boolean> results,
                              List<Integer> correctOptions) {
        public CheckResult {
            results = List.copyOf(results);
            correctOptions = List.copyOf(correctOptions);
        }
    }

    /** A check attempt: its result and the module's progress after it. */
    public record Attempt(CheckResult check, ModuleProgress progress) {
    }

    /** Records that the person read a module (never a completion). */
    public ModuleProgress markRead(String profileId, String moduleId) {
        Profile p = profile(profileId);
        Material m = material(moduleId);
        return store.markRead(p.id(), m.id());
    }

    /**
     * Scores an attempt at a module's check (the chosen option, 0-based, per question) and records it: a passed
     * check completes the module, a failed one is recorded as an attempt that can be retried.
     */
    public Attempt submitCheck(String profileId, String moduleId, List<Integer> checkAnswers) {
        Profile p = profile(profileId);
        Material m = material(moduleId);
        if (checkAnswers == null) {
            throw LearningException.invalid("check_required", "Học phần chỉ được tính là hoàn thành khi làm đạt bài"
                    + " kiểm tra: hãy gửi câu trả lời (checkAnswers).");
        }
        CheckResult result = check(m, checkAnswers);
        return new Attempt(result, store.recordAttempt(p.id(), m.id(), result.passed()));
    }

    static CheckResult check(Material m, List<Integer> answers) {
        List<CheckQuestion> questions = m.checkQuestions();
        if (answers.size() != questions.size()) {
            throw LearningException.invalid("invalid_check_answers", "Học phần có " + questions.size()
                    + " câu hỏi kiểm tra nhưng nhận được " + answers.size() + " câu trả lời.");
        }
        int correct = 0;
        List<Boolean> results = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || a < 0 || a >= questions.get(i).options().size()) {
                throw LearningException.invalid("invalid_check_answers", "Câu " + (i + 1) + ": lựa chọn phải từ 0 đến "
                        + (questions.get(i).options().size() - 1) + ".");
            }
            boolean right = a == questions.get(i).correctIndex();
            results.add(right);
            if (right) {
                correct++;
            }
        }
        return new CheckResult(correct, questions.size(), PassMark.required(questions.size()),
                PassMark.passed(correct, questions.size()), results,
                questions.stream().map(CheckQuestion::correctIndex).toList());
    }

    /** The progress report of one school (or of every profile when {@code school} is null or blank). */
    public ProgressReport report(String school) {
        String s = school == null || school.isBlank() ? null : school.strip();
        List<ProgressReportCalculator.Learner> learners = new ArrayList<>();
        for (LearningStore.LearnerState state : store.learners(s)) {
            Profile p = state.profile();
            if (p.role() == Role.HOC_SINH && p.grade() == null) {
                continue; // cannot happen through the API; a pupil without grade has no target
            }
            learners.add(new ProgressReportCalculator.Learner(p.role(), targets.target(p.role(), p.grade()),
                    state.estimates(), state.modules()));
        }
        return catalogue().reports().report(s, progressTargets.forSchool(s), learners);
    }

    /** Parses API answers ("co", "mot_phan", "chua") keyed by statement id. */
    public static Map<String, AnswerChoice> answers(List<Map.Entry<String, String>> raw) {
        Map<String, AnswerChoice> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw LearningException.invalid("invalid_answer", "Mỗi câu trả lời cần mã câu (statementId).");
            }
            AnswerChoice choice = AnswerChoice.fromApiName(e.getValue() == null ? "" : e.getValue()).orElseThrow(() ->
                    LearningException.invalid("invalid_answer", "Câu '" + e.getKey() + "': câu trả lời phải là co, mot_phan hoặc chua."));
            if (answers.put(e.getKey(), choice) != null) {
                throw LearningException.invalid("invalid_answer", "Câu '" + e.getKey() + "' được trả lời hai lần.");
            }
        }
        return answers;
    }
}
