package vn.trolyso.eval.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.answering.AssistantFactory;
import vn.trolyso.assistant.answering.AssistantSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.UsageException;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.eval.server.HttpAssistant;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.ingest.InboxScanner;
import vn.trolyso.knowledge.ingest.IngestLimits;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;

/**
 * {@code reader --dataset virhe4qa [--file CSV|ZIP]}: the no-LLM reader measured on an external set of questions
 * with gold extractive answers. The articles go through the production ingestion path (dropped as text files into
 * {@code <data>/inbox/} beside the bundled corpus), every question is asked through the {@link Assistant}, and the
 * naive baseline ({@link NaiveReader}) is measured in the same run over the same knowledge base. Exits 1 when the
 * reader misses a target or does not beat the baseline.
 */
@Command(name = "reader",
        description = "no-LLM reader on --dataset virhe4qa [--file CSV|ZIP] [--reader name=value,…]: gold answer "
                + "contained, refusals, length, latency, beside a naive baseline")
public final class ReaderCommand implements EvalCommand {
    static final String DEFAULT_FILE = "../shared/bench/virhe4qa/ViRHE4QA_v2.csv";
    /** Targets of issue #12: gold contained, refusal rate at most, median answer characters at most. */
    static final double MIN_CONTAINED = 0.65;
    static final double MAX_REFUSED = 0.05;
    static final int MAX_MEDIAN_CHARS = 350;

    @Mixin
    private CommonOptions common;
    @Option(names = "--dataset", description = "virhe4qa (the only one)")
    private String dataset = "virhe4qa";
    @Option(names = "--file", paramLabel = "CSV|ZIP", description = "the set (default: " + DEFAULT_FILE + ")")
    private Path file = Path.of(DEFAULT_FILE);
    @Option(names = "--limit", paramLabel = "N", description = "the first N questions only")
    private Integer limit;
    @Option(names = "--questions-with", paramLabel = "TEXT", description = "only the questions containing this text "
            + "(the knowledge base still holds every article): to look at one question with the reader's debug output")
    private String questionsWith;
    @Option(names = "--misses", paramLabel = "N", description = "print N questions the reader missed")
    private int misses;
    @Option(names = "--reader", paramLabel = "name=value,…", description = "reader weights to try")
    private String readerWeights = "";
    @Option(names = "--via-http", description = "also ask every question through a real server's POST /api/v1/chat "
            + "(default weights; the targets must hold there too)")
    private boolean viaHttp;

    @Override
    public int execute() {
        if (!dataset.equals("virhe4qa")) {
            throw new UsageException("--dataset must be virhe4qa, not '" + dataset + "'");
        }
        System.out.println("ViRHE4QA is for research use only (CC BY-NC-SA); read from " + file
                + ", never copied into the project.");
        if (!Files.isRegularFile(file)) {
            System.out.println("Skipped: " + file.toAbsolutePath() + " is absent.");
            return 0;
        }
        GoldQuestionSet set = GoldQuestionSet.load(file);
        List<GoldQuestionSet.Item> items = set.items();
        if (questionsWith != null) {
            items = items.stream().filter(i -> i.question().contains(questionsWith)).toList();
        }
        items = items.subList(0, Math.min(limit == null ? items.size() : limit, items.size()));
        System.out.printf(Locale.ROOT, "%s: %d questions over %d articles%n", set.name(), items.size(),
                set.articles().size());
        Path dataDir = ScratchDirs.create("trolyso-eval-reader");
        try (KnowledgeBase kb = knowledgeBase(dataDir, set.articles())) {
            Assistant reader = AssistantFactory.create(kb, FrameworkLoader.loadBundled(), settings(readerWeights));
            NaiveReader naive = new NaiveReader(kb);
            Figures readerFigures = measure(items, q -> reader.answer(Question.of(q)));
            Figures naiveFigures = measure(items, q -> new Reply(naive.answer(q), false));
            Figures httpFigures = null;
            if (viaHttp) {
                try (HttpAssistant http = HttpAssistant.start(set.articles(), kb.status().documents())) {
                    httpFigures = measure(items, q -> Reply.of(http.answer(Question.of(q))));
                }
            }
            Table table = new Table("reader", "n", "gold contained", "refused", "median chars", "p50 ms", "p99 ms")
                    .row("assistant (no LLM)", items.size(), readerFigures.contained(), readerFigures.refused(),
                            readerFigures.medianChars(), readerFigures.p50(), readerFigures.p99());
            if (httpFigures != null) {
                table.row("the same via HTTP API", items.size(), httpFigures.contained(), httpFigures.refused(),
                        httpFigures.medianChars(), httpFigures.p50(), httpFigures.p99());
            }
            table.row("naive baseline", items.size(), naiveFigures.contained(), naiveFigures.refused(),
                            naiveFigures.medianChars(), naiveFigures.p50(), naiveFigures.p99())
                    .print(System.out);
            printMisses(items, readerFigures, misses);
            boolean met = meets(readerFigures, naiveFigures) && (httpFigures == null || meets(httpFigures, naiveFigures));
            System.out.printf(Locale.ROOT, "targets: contained >= %.2f, refused <= %.2f, median <= %d chars, "
                            + "above the naive baseline -> %s%n", MIN_CONTAINED, MAX_REFUSED, MAX_MEDIAN_CHARS,
                    met ? "met" : "MISSED");
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("file", set.name());
            report.put("n", items.size());
            report.put("reader", readerFigures.toJson());
            report.put("naive", naiveFigures.toJson());
            if (httpFigures != null) {
                report.put("via_http", httpFigures.toJson());
            }
            report.put("targets_met", met);
            JsonReport.writeIfRequested(common.out(), report);
            return met ? 0 : 1;
        }
    }

    private static boolean meets(Figures reader, Figures naive) {
        return reader.contained() >= MIN_CONTAINED && reader.refused() <= MAX_REFUSED
                && reader.medianChars() <= MAX_MEDIAN_CHARS && reader.contained() > naive.contained();
    }

    /** The default answering settings, with the reader weights given by {@code --reader name=value,…}. */
    public static AssistantSettings settings(String readerWeights) {
        AssistantSettings defaults = AssistantSettings.defaults();
        try {
            return defaults.withReader(defaults.reader().with(readerWeights));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--reader: " + e.getMessage());
        }
    }

    /** What one reader said to one question. */
    record Reply(String text, boolean refused) {
        static Reply of(Answer answer) {
            return new Reply(answer.text(), answer.mode() == AnswerMode.REFUSAL);
        }
    }

    private static Figures measure(List<GoldQuestionSet.Item> items, java.util.function.Function<String, ?> reader) {
        // Warm up the JIT on a slice so the latency is the server's steady state.
        for (int i = 0; i < Math.min(50, items.size()); i++) {
            reader.apply(items.get(i).question());
        }
        List<Reply> replies = new ArrayList<>();
        long[] nanos = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            long start = System.nanoTime();
            Object out = reader.apply(items.get(i).question());
            nanos[i] = System.nanoTime() - start;
            replies.add(out instanceof Answer a ? Reply.of(a) : (Reply) out);
        }
        return Figures.of(items, replies, nanos);
    }

    private static void printMisses(List<GoldQuestionSet.Item> items, Figures figures, int count) {
        int shown = 0;
        for (int i = 0; i < items.size() && shown < count; i++) {
            if (!figures.hits()[i]) {
                shown++;
                GoldQuestionSet.Item item = items.get(i);
                System.out.println("MISS " + item.question());
                System.out.println("  gold: " + String.join(" # ", item.spans()));
                System.out.println("  got:  " + GoldMatch.answerBody(figures.replies().get(i).text())
                        .replace('\n', ' '));
            }
        }
    }

    /** A knowledge base of the bundled corpus plus the articles, ingested as a school drops files in its inbox. */
    static KnowledgeBase knowledgeBase(Path dataDir, Map<String, String> articles) {
        try {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
            for (Map.Entry<String, String> article : articles.entrySet()) {
                Files.writeString(inbox.resolve(article.getKey() + ".txt"), article.getValue(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadedDocumentStore uploads = KnowledgeSources.uploads(dataDir, IngestLimits.defaults());
        InboxScanner.Result scan = new InboxScanner(dataDir, uploads).scan();
        if (!scan.rejected().isEmpty()) {
            System.out.println("Rejected by ingestion: " + scan.rejected());
        }
        return KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir, uploads));
    }
}
