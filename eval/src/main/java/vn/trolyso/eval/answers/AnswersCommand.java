package vn.trolyso.eval.answers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.answering.AssistantFactory;
import vn.trolyso.assistant.answering.AssistantSettings;
import vn.trolyso.assistant.rag.GenerativeAnswerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.eval.UsageException;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.qa.QaItem;
import vn.trolyso.eval.qa.QaSet;
import vn.trolyso.eval.reader.ReaderCommand;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.eval.server.HttpAssistant;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.server.config.ConfigVariables;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code answers}: answer, refusal and citation accuracy of the assistant over the bundled QA sets (dev-qa plus
 * answers-qa, or {@code --file}), in the no-LLM mode always and through a real Ollama when OLLAMA_BASE_URL is set.
 */
@Command(name = "answers",
        description = "answer/refusal/citation accuracy over the QA sets, no-LLM mode (and Ollama if OLLAMA_BASE_URL "
                + "is set)")
public final class AnswersCommand implements EvalCommand {
    @Mixin
    private CommonOptions common;
    @Option(names = "--file", paramLabel = "F.jsonl", description = "a QA set instead of the bundled ones")
    private Path file;
    @Option(names = "--data-dir", description = "where the knowledge base is built (default: a temporary directory)")
    private Path dataDir;
    @Option(names = "--reader", paramLabel = "name=value,…", description = "reader weights to try")
    private String reader = "";
    @Option(names = "--verbose", description = "print every item")
    private boolean verbose;
    @Option(names = "--via-http", description = "also ask every item through a real server's POST /api/v1/chat "
            + "(bundled corpus, no Ollama, default weights; follow-ups with the returned conversationId)")
    private boolean viaHttp;

    /** A QA file named on the command line; one that cannot be read or parsed is a usage error, not a crash. */
    private static QaSet load(Path file) {
        try {
            return QaSet.load(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UsageException("--file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public int execute() {
        QaSet set = file != null ? load(file) : QaSet.bundled();
        List<QaItem> items = set.items().stream()
                .filter(i -> !i.question().isBlank() && (i.refuse() || !i.any().isEmpty()))
                .toList();
        Path dataDir = this.dataDir != null ? this.dataDir : ScratchDirs.create("trolyso-eval-answers");
        Map<String, Object> report = new LinkedHashMap<>();
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir))) {
            Assistant extractive = AssistantFactory.create(kb, FrameworkLoader.loadBundled(),
                    ReaderCommand.settings(reader));
            report.put("extractive", evaluate("extractive", extractive, items, verbose));
            if (viaHttp) {
                try (HttpAssistant http = HttpAssistant.start(Map.of(), kb.status().documents())) {
                    report.put("extractive_via_http", evaluate("extractive via HTTP API", http, items, verbose));
                }
            }
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
                            items, verbose));
                }
            }
        }
        JsonReport.writeIfRequested(common.out(), report);
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
}
