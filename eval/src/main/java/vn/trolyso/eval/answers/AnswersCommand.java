package vn.trolyso.eval.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.answering.AssistantFactory;
import vn.trolyso.assistant.answering.AssistantSettings;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.rag.GenerativeAnswerer;
import vn.trolyso.eval.EvalArgs;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.qa.QaItem;
import vn.trolyso.eval.qa.QaSet;
import vn.trolyso.eval.reader.ReaderCommand;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.server.config.ConfigVariables;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code answers}: answer, refusal and citation accuracy of the assistant over the bundled QA sets (dev-qa plus
 * answers-qa, or {@code --file}), in the no-LLM mode always and through a real Ollama when OLLAMA_BASE_URL is set.
 */
public final class AnswersCommand implements EvalCommand {
    private static final Set<String> VALUE_OPTIONS = Set.of("out", "file", "data-dir", "reader");

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public String summary() {
        return "answer/refusal/citation accuracy over the QA sets, no-LLM mode (and Ollama if OLLAMA_BASE_URL is set)";
    }

    @Override
    public int run(List<String> args) {
        EvalArgs options = EvalArgs.parse(args, VALUE_OPTIONS).requireKnown(Set.of("out", "file", "data-dir",
                "verbose", "reader"));
        QaSet set = options.path("file").map(QaSet::load).orElseGet(QaSet::bundled);
        List<QaItem> items = set.items().stream()
                .filter(i -> !i.question().isBlank() && (i.refuse() || !i.any().isEmpty()))
                .toList();
        Path dataDir = options.path("data-dir").orElseGet(AnswersCommand::tempDir);
        Map<String, Object> report = new LinkedHashMap<>();
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir))) {
            Assistant extractive = AssistantFactory.create(kb, FrameworkLoader.loadBundled(),
                    ReaderCommand.settings(options));
            report.put("extractive", evaluate("extractive", extractive, items, options.flag("verbose")));
            String ollama = ConfigVariables.environment().get("OLLAMA_BASE_URL");
            if (ollama != null && !ollama.isBlank()) {
                GenerativeAnswerer llm = GenerativeAnswerer.create(ServerConfig.load().ollama(), kb);
                if (!llm.available()) {
                    System.out.println("Ollama at " + ollama + " is not usable: " + llm.status().detail());
                    report.put("generative_unavailable", llm.status().detail());
                } else {
                    Assistant generative = AssistantFactory.create(kb, FrameworkLoader.loadBundled(),
                            Optional.of(llm), AssistantSettings.defaults());
                    report.put("generative", evaluate("generative (" + llm.status().model() + ")", generative,
                            items, options.flag("verbose")));
                }
            }
        }
        JsonReport.writeIfRequested(options.out(), report);
        return 0;
    }

    private static Map<String, Object> evaluate(String mode, Assistant assistant, List<QaItem> items,
                                                boolean verbose) {
        List<AnswerScorer.Outcome> outcomes = AnswerScorer.run(assistant, items);
        AnswerScorer.Figures f = AnswerScorer.figures(outcomes);
        System.out.println("== mode: " + mode);
        Table table = new Table("kind", "correct", "n");
        f.byKind().forEach((kind, v) -> table.row(kind, (int) v[0], (int) v[1]));
        table.print(System.out);
        System.out.printf("answer_accuracy %.3f (n=%d)  refusal_accuracy %.3f (n=%d)  citation_accuracy %.3f (n=%d)"
                        + "  over_refusals %d  median %d ms%n", f.answerAccuracy(), f.answerable(),
                f.refusalAccuracy(), f.refusals(), f.citationAccuracy(), f.citable(), f.overRefusals(),
                f.medianMillis());
        for (AnswerScorer.Outcome o : outcomes) {
            if (verbose || !o.correct() || Boolean.FALSE.equals(o.cited())) {
                System.out.println((o.correct() ? "ok   " : "MISS ") + o.item().id() + " [" + o.item().kind() + "] "
                        + o.item().question() + (Boolean.FALSE.equals(o.cited()) ? "  (not cited)" : ""));
                System.out.println("     → " + o.answer().mode().apiName() + ": "
                        + o.answer().text().replace("\n", " ").substring(0,
                        Math.min(300, o.answer().text().replace("\n", " ").length())));
            }
        }
        return f.toJson();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("trolyso-eval-answers");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
