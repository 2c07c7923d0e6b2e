package vn.trolyso.assistant.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vn.trolyso.assistant.Role;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.Indicator;
import vn.trolyso.knowledge.framework.Level;

/**
 * Builds the self-assessment for a person and scores their answers.
 *
 * <p>Form: for each domain, {@value #STATEMENTS_PER_LEVEL} statements at each of three levels around the person's
 * target (one below, the target, one above; shifted to stay within the levels the framework describes), each from a
 * different competency, reworded from the indicator as "Tôi có thể …".
 *
 * <p>Scoring: có = 1, một phần = ½, chưa = 0. A level is reached when the mean credit of its statements is at least
 * {@value #REACHED_SHARE}. Levels count cumulatively: the estimate is the highest assessed level such that it and every
 * assessed level below it are reached. Levels below the form's lowest are presumed reached, so failing the lowest gives
 * "lowest − 1" (0 means not yet at bậc 1).
 */
public final class SelfAssessment {
    static final int STATEMENTS_PER_LEVEL = 2;
    static final double REACHED_SHARE = 0.75;

    private final CompetencyFramework framework;
    private final TargetLevels targets;

    public SelfAssessment(CompetencyFramework framework, TargetLevels targets) {
        this.framework = framework;
        this.targets = targets;
    }

    /** What a person is asked: the levels assessed and the statements, grouped by domain in framework order. */
    public record Form(Role role, Integer grade, int targetLevel, List<Integer> levels, List<Statement> statements) {
        public Form {
            levels = List.copyOf(levels);
            statements = List.copyOf(statements);
        }
    }

    public Form form(Role role, Integer grade) {
        int target = targets.target(role, grade);
        int highest = Level.HIGHEST_DESCRIBED;
        int low = Math.max(1, Math.min(target - 1, highest - 2));
        List<Integer> levels = IntStream.rangeClosed(low, Math.min(low + 2, highest)).boxed().toList();
        List<Statement> statements = new ArrayList<>();
        for (Domain domain : framework.domains()) {
            for (int level : levels) {
                statements.addAll(statements(domain, level));
            }
        }
        return new Form(role, grade, target, levels, statements);
    }

    /** Picks indicators of different competencies, rotating with the level so each competency gets asked about. */
    private static List<Statement> statements(Domain domain, int level) {
        List<Competency> withLevel = domain.competencies().stream()
                .filter(c -> !c.indicators(level).isEmpty()).toList();
        List<Statement> statements = new ArrayList<>();
        for (int j = 0; j < Math.min(STATEMENTS_PER_LEVEL, withLevel.size()); j++) {
            Competency c = withLevel.get((level * STATEMENTS_PER_LEVEL + j) % withLevel.size());
            Indicator indicator = c.indicators(level).getFirst();
            statements.add(new Statement(indicator.code(), domain.code(), c.code(), level, firstPerson(indicator.text())));
        }
        return statements;
    }

    /**
     * Rewords an indicator ("Xác định được nhu cầu thông tin.") as a first-person statement ("Tôi có thể xác định nhu
     * cầu thông tin."): the ability marker "được" right after the leading verb is dropped, "bạn" becomes "mình". An
     * indicator of several sentences becomes one statement joined by "và"; a phrase repeated around "và" in the source
     * data ("độ tin cậy và độ tin cậy") is said once.
     */
    static String firstPerson(String indicator) {
        List<String> parts = new ArrayList<>();
        for (String sentence : indicator.strip().split("(?<=\\.)\\s+(?=\\p{Lu})")) {
            String s = sentence.strip().replaceAll("\\.$", "").strip();
            if (!s.isEmpty()) {
                parts.add(clause(s));
            }
        }
        String text = String.join(" và ", parts);
        text = text.replaceAll("(?U)\\b(\\w+(?: \\w+){0,3}) và \\1\\b", "$1");
        return "Tôi có thể " + text + ".";
    }

    private static String clause(String sentence) {
        List<String> words = new ArrayList<>(List.of(sentence.split("\\s+")));
        int duoc = words.indexOf("được");
        if (duoc == 1 || duoc == 2) {
            words.remove(duoc);
        }
        words.replaceAll(w -> w.equals("bạn") ? "mình" : w);
        String first = words.getFirst();
        if (first.length() > 1 && Character.isLowerCase(first.charAt(1))) {
            words.set(0, Character.toLowerCase(first.charAt(0)) + first.substring(1));
        }
        return String.join(" ", words);
    }

    /** The estimate for one domain, worded as the framework words the level. */
    public record DomainResult(String domainCode, String domainName, int estimatedLevel, int targetLevel,
                               String levelName, String levelWording, List<String> descriptors) {
        public boolean reachedTarget() {
            return estimatedLevel >= targetLevel;
        }
    }

    /**
     * Scores a complete set of answers to {@code form}.
     *
     * @throws LearningException when a statement is unknown or unanswered
     */
    public List<DomainResult> score(Form form, Map<String, AnswerChoice> answers) {
        Set<String> ids = form.statements().stream().map(Statement::id).collect(Collectors.toSet());
        List<String> unknown = answers.keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw LearningException.invalid("unknown_statement", "Câu tự đánh giá không thuộc bài này: "
                    + String.join(", ", unknown) + ".");
        }
        List<String> missing = form.statements().stream().map(Statement::id).filter(id -> !answers.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            // Not the whole form: the answers of the adaptive walk (AdaptiveAssessment), scored by it.
            AdaptiveAssessment.Progress adaptive = AdaptiveAssessment.progress(form, answers);
            if (!adaptive.finished()) {
                throw LearningException.invalid("incomplete_assessment", "Còn câu chưa trả lời (khoảng "
                        + (adaptive.expected() - adaptive.asked()) + " câu), ví dụ: " + adaptive.next().orElseThrow().id() + ".");
            }
            List<DomainResult> results = new ArrayList<>();
            adaptive.estimates().forEach((domainCode, estimate) ->
                    results.add(result(framework.domain(domainCode).orElseThrow(), estimate, form.targetLevel())));
            return results;
        }
        Map<String, List<Statement>> byDomain = new LinkedHashMap<>();
        form.statements().forEach(s -> byDomain.computeIfAbsent(s.domainCode(), k -> new ArrayList<>()).add(s));
        List<DomainResult> results = new ArrayList<>();
        byDomain.forEach((domainCode, statements) -> results.add(result(framework.domain(domainCode).orElseThrow(),
                fullEstimate(form, statements, answers), form.targetLevel())));
        return results;
    }

    /** The full form's estimate for one domain's statements (the cumulative rule of the class comment). */
    static int fullEstimate(Form form, List<Statement> statements, Map<String, AnswerChoice> answers) {
        int estimate = form.levels().getFirst() - 1;
        for (int level : form.levels()) {
            double mean = statements.stream().filter(s -> s.level() == level)
                    .mapToDouble(s -> answers.get(s.id()).credit()).average().orElse(0);
            if (mean < REACHED_SHARE) {
                break;
            }
            estimate = level;
        }
        return estimate;
    }

    /** A domain's result for a stored estimate. */
    public DomainResult result(Domain domain, int estimate, int target) {
        if (estimate < 1) {
            return new DomainResult(domain.code(), domain.name(), 0, target, "Chưa đạt bậc 1",
                    "Chưa tự tin thực hiện các nhiệm vụ đơn giản của miền này, kể cả khi có hướng dẫn.", List.of());
        }
        Level level = framework.level(estimate).orElseThrow();
        List<String> descriptors = domain.competencies().stream()
                .filter(c -> c.descriptors().containsKey(estimate))
                .map(c -> c.code() + " " + c.name() + ": " + c.descriptors().get(estimate)).toList();
        return new DomainResult(domain.code(), domain.name(), estimate, target,
                level.name(), level.tasks() + "; " + level.autonomy().toLowerCase() + ".",
                descriptors);
    }
}
