package vn.trolyso.eval.framework;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.qa.QaItem;
import vn.trolyso.eval.qa.QaSet;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkAnswer;
import vn.trolyso.knowledge.framework.FrameworkAnswerer;
import vn.trolyso.knowledge.framework.FrameworkIntent;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.framework.FrameworkQuestionRecognizer;

/**
 * {@code framework}: exactness of the framework answers on every bundled QA item of kind "framework" (dev-qa.jsonl
 * plus framework-qa.jsonl). An answer is exact when the recogniser takes the question, the answer contains one of
 * the item's {@code any} strings and none of its {@code forbid} strings (NFC, case-insensitive). Target: 100 %.
 */
@Command(name = "framework",
        description = "exact answers of the competency framework on the framework QA items (target 100 %)")
public final class FrameworkEvalCommand implements EvalCommand {
    @Mixin
    private CommonOptions common;
    @Option(names = "--verbose", description = "print every item, not only the misses")
    private boolean verbose;

    /** One scored item. */
    public record Result(QaItem item, boolean recognised, boolean exact, String answer) {
    }

    @Override
    public int execute() {
        QaSet items = QaSet.bundled().ofKind("framework");
        List<Result> results = score(items, FrameworkLoader.loadBundled());
        long exact = results.stream().filter(Result::exact).count();
        long recognised = results.stream().filter(Result::recognised).count();
        Table table = new Table("id", "file", "recognised", "exact", "question");
        for (Result r : results) {
            if (!r.exact() || verbose) {
                table.row(r.item().id(), r.item().source(), r.recognised() ? "yes" : "NO", r.exact() ? "yes" : "NO",
                        r.item().question());
            }
        }
        if (exact < results.size() || verbose) {
            table.print(System.out);
        }
        double accuracy = results.isEmpty() ? 0 : (double) exact / results.size();
        System.out.printf(Locale.ROOT, "framework: n=%d recognised=%d exact=%d accuracy=%.3f%n",
                results.size(), recognised, exact, accuracy);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n", results.size());
        figures.put("recognised", recognised);
        figures.put("exact", exact);
        figures.put("accuracy", accuracy);
        figures.put("misses", results.stream().filter(r -> !r.exact()).map(r -> r.item().id()).toList());
        JsonReport.writeIfRequested(common.out(), figures);
        return exact == results.size() && !results.isEmpty() ? 0 : 1;
    }

    /** Answers every item with the recogniser and the exact answerer (no profile grade). */
    public static List<Result> score(QaSet items, CompetencyFramework framework) {
        FrameworkQuestionRecognizer recognizer = new FrameworkQuestionRecognizer(framework);
        FrameworkAnswerer answerer = new FrameworkAnswerer(framework);
        List<Result> results = new ArrayList<>();
        for (QaItem item : items.items()) {
            Optional<FrameworkIntent> intent = recognizer.recognize(item.question());
            String answer = intent.map(i -> answerer.answer(i, null)).map(FrameworkAnswer::text).orElse("");
            results.add(new Result(item, intent.isPresent(), intent.isPresent() && isExact(item, answer), answer));
        }
        return results;
    }

    static boolean isExact(QaItem item, String answer) {
        String a = normal(answer);
        return item.any().stream().anyMatch(s -> a.contains(normal(s)))
                && item.forbid().stream().noneMatch(s -> a.contains(normal(s)));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
