package vn.trolyso.eval.retrieval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.UsageException;
import vn.trolyso.eval.qa.QaItem;
import vn.trolyso.eval.qa.QaSet;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.document.BundledCorpusSource;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * {@code retrieval --dataset dev|virhe4qa}: P@1, hit@5, MRR@10, nDCG@10 of the knowledge base's search, plus the
 * warm single-thread search latency (p50/p99) on the bundled corpus.
 */
@Command(name = "retrieval",
        description = "search quality (P@1, hit@5, MRR@10, nDCG@10) on --dataset dev|virhe4qa, and search latency "
                + "p50/p99")
public final class RetrievalCommand implements EvalCommand {
    static final String DEFAULT_VIRHE4QA = "../shared/bench/virhe4qa/ViRHE4QA_v2.csv";

    @Mixin
    private CommonOptions common;
    @Option(names = "--dataset", paramLabel = "dev|virhe4qa", description = "the question set (default dev)")
    private String dataset = "dev";
    @Option(names = "--file", paramLabel = "CSV", description = "the ViRHE4QA file (default: " + DEFAULT_VIRHE4QA + ")")
    private Path file = Path.of(DEFAULT_VIRHE4QA);
    @Option(names = "--articles", paramLabel = "whole|chunked", description = "index each article whole (default) "
            + "or chunked")
    private String articles = "whole";
    @Option(names = "--ranking", description = "nine numbers or name=value overrides of the ranking parameters")
    private String ranking;
    @Option(names = "--misses", description = "print the questions whose passage is not first")
    private boolean misses;
    @Option(names = "--latency-runs", description = "searches per latency round (default 2000, 100 with --dense)")
    private Integer latencyRuns;
    @Option(names = "--latency-rounds", description = "latency rounds (default 5)")
    private int latencyRounds = 5;
    @Option(names = "--dense", paramLabel = "MODEL", description = "fuse BM25 with semantic search through this "
            + "Ollama embedding model")
    private String denseModel;
    @Option(names = "--ollama-url", paramLabel = "URL", description = "the Ollama of --dense (default: "
            + "OLLAMA_BASE_URL)")
    private String ollamaUrl;

    @Override
    public int execute() {
        Optional<EmbeddingRetriever> dense = SemanticSearchOption.from(denseModel, ollamaUrl);
        try {
            return run(new KnowledgeBase.Options(ranking(ranking), dense.orElse(null)));
        } finally {
            dense.ifPresent(EmbeddingRetriever::close);
        }
    }

    private int run(KnowledgeBase.Options kbOptions) {
        boolean dense = kbOptions.denseRetriever() != null;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dataset", dataset);
        if (denseModel != null) {
            figures.put("dense_model", denseModel);
        }
        RankMetrics metrics;
        double[] targets; // P@1, hit@5, nDCG@10 minimums
        switch (dataset) {
            case "dev" -> {
                metrics = evaluateDev(kbOptions, misses);
                targets = new double[] {0, 0.95, 0};
            }
            case "virhe4qa" -> {
                System.out.println("ViRHE4QA is for research use only (CC BY-NC-SA); read from " + file
                        + ", never copied into the project.");
                if (!Files.isRegularFile(file)) {
                    System.out.println("Skipped: " + file.toAbsolutePath() + " is absent.");
                    figures.put("skipped", true);
                    JsonReport.writeIfRequested(common.out(), figures);
                    return 0;
                }
                boolean chunked = switch (articles) {
                    case "chunked" -> true;
                    case "whole" -> false;
                    default -> throw new UsageException("--articles must be chunked or whole");
                };
                figures.put("articles", chunked ? "chunked" : "whole");
                metrics = evaluateArticleQuestions(file, kbOptions, chunked, misses);
                targets = new double[] {0.78, 0, 0.87};
            }
            default -> throw new UsageException("--dataset must be dev or virhe4qa, not '" + dataset + "'");
        }
        // With --dense every search waits for Ollama to embed the question: fewer runs, same protocol.
        double[] latency = latencyOnBundledCorpus(kbOptions, latencyRuns != null ? latencyRuns : dense ? 100 : 2000,
                latencyRounds, dense ? 50 : 5000);
        figures.put("n", metrics.n());
        figures.put("p_at_1", round(metrics.precisionAt1()));
        figures.put("hit_at_5", round(metrics.hitAt5()));
        figures.put("mrr_at_10", round(metrics.mrrAt10()));
        figures.put("ndcg_at_10", round(metrics.ndcgAt10()));
        figures.put("p50_ms", round(latency[0]));
        figures.put("p99_ms", round(latency[1]));

        boolean met = metrics.precisionAt1() >= targets[0] && metrics.hitAt5() >= targets[1]
                && metrics.ndcgAt10() >= targets[2] && latency[0] <= 2.0 && latency[1] <= 10.0;
        new Table("dataset", "n", "P@1", "hit@5", "MRR@10", "nDCG@10", "p50 ms", "p99 ms")
                .row(dataset, metrics.n(), metrics.precisionAt1(), metrics.hitAt5(), metrics.mrrAt10(),
                        metrics.ndcgAt10(), latency[0], latency[1])
                .print(System.out);
        System.out.printf(Locale.ROOT, "targets: %s%s%s latency p50 <= 2 ms, p99 <= 10 ms -> %s%n",
                targets[0] > 0 ? "P@1 >= " + targets[0] + ", " : "",
                targets[1] > 0 ? "hit@5 >= " + targets[1] + ", " : "",
                targets[2] > 0 ? "nDCG@10 >= " + targets[2] + ", " : "",
                met ? "met" : "MISSED");
        figures.put("targets_met", met);
        JsonReport.writeIfRequested(common.out(), figures);
        return met ? 0 : 1;
    }

    /**
     * {@code --ranking}: either the nine positional numbers
     * (exact,exact2,folded,folded2,unaccented,title,k1,b,dropQuestionWords) or {@code name=value} overrides of the
     * defaults, e.g. {@code k1=1.0,bigramB=0.5} (names: {@link Ranking#names()}).
     */
    static Ranking ranking(String option) {
        return option == null ? Ranking.defaults() : parseRanking(option);
    }

    static Ranking parseRanking(String v) {
        if (v.contains("=")) {
            Ranking r = Ranking.defaults();
            for (String pair : v.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new UsageException("--ranking: '" + pair + "' is not name=value");
                }
                try {
                    r = r.with(kv[0], Double.parseDouble(kv[1].strip()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--ranking: " + e.getMessage());
                }
            }
            return r;
        }
        double[] x = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
        if (x.length != 9) {
            throw new UsageException("--ranking needs 9 numbers: "
                    + "exact,exact2,folded,folded2,unaccented,title,k1,b,dropQuestionWords(0|1), or name=value "
                    + "pairs (" + Ranking.names() + ")");
        }
        return new Ranking((float) x[0], (float) x[1], (float) x[2], (float) x[3], (float) x[4], (float) x[5],
                (float) x[6], (float) x[7], x[8] != 0);
    }

    /** The dev set's retrieval items; a multi-turn item is searched with all its turns (the conversation). */
    private static RankMetrics evaluateDev(KnowledgeBase.Options kbOptions, boolean printMisses) {
        QaSet dev = QaSet.bundled().fromFile("dev-qa.jsonl").retrieval();
        RankMetrics metrics = new RankMetrics();
        Path dir = ScratchDirs.create("trolyso-eval-");
        try (KnowledgeBase kb = KnowledgeBase.open(dir, List.of(new BundledCorpusSource()), kbOptions)) {
            SemanticSearchOption.awaitEmbedded(kbOptions);
            for (QaItem item : dev.items()) {
                String question = item.turns().isEmpty() ? item.question() : String.join(" ", item.turns());
                List<Passage> top = kb.search(SearchQuery.of(question, 10));
                List<Boolean> relevant = top.stream().map(p -> isHit(item, p.document().id(), p.text())).toList();
                List<Chunk> chunks = kb.document(item.docId()).map(d -> d.chunks()).orElse(List.of());
                int total = (int) chunks.stream().filter(c -> isHit(item, c.documentId(), c.text())).count();
                if (total == 0) {
                    System.out.println("warning: no passage of " + item.doc() + " holds " + item.passage()
                            + " (item " + item.id() + ")");
                }
                metrics.add(relevant, total);
                if (printMisses && (relevant.isEmpty() || !relevant.get(0))) {
                    System.out.println("miss@1 " + item.id() + " [" + item.kind() + "] " + question + "\n  got: "
                            + (top.isEmpty() ? "-" : top.get(0).chunkId() + " " + abbreviate(top.get(0).text())));
                }
            }
        } finally {
            ScratchDirs.delete(dir);
        }
        return metrics;
    }

    static boolean isHit(QaItem item, String documentId, String text) {
        if (!documentId.equals(item.docId())) {
            return false;
        }
        String haystack = nfcLower(text);
        return item.passage().stream().anyMatch(p -> haystack.contains(nfcLower(p)));
    }

    private static String nfcLower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Article retrieval as the protocol defines it: the knowledge base ranks passages, an article ranks where its
     * best passage does (max-passage aggregation), and the first 10 distinct articles are judged.
     *
     * @param chunked index the articles as the production pipeline does (cleaner + section chunker) rather than
     *                one passage per article
     */
    private static RankMetrics evaluateArticleQuestions(Path file, KnowledgeBase.Options kbOptions, boolean chunked,
                                                boolean printMisses) {
        ArticleQuestionSet data = ArticleQuestionSet.load(file);
        System.out.println(data.questions().size() + " questions over " + data.articleCount() + " distinct articles"
                + (chunked ? ", indexed as production chunks" : ", one passage each"));
        RankMetrics metrics = new RankMetrics();
        Path dir = ScratchDirs.create("trolyso-eval-");
        try (KnowledgeBase kb = KnowledgeBase.open(dir, List.of(data.asSource(chunked)), kbOptions)) {
            SemanticSearchOption.awaitEmbedded(kbOptions);
            for (ArticleQuestionSet.Question q : data.questions()) {
                List<String> articles = kb.search(SearchQuery.of(q.text(), SearchQuery.MAX_LIMIT)).stream()
                        .map(p -> p.document().id()).distinct().limit(10).toList();
                List<Boolean> relevant = articles.stream().map(q.articleId()::equals).toList();
                metrics.add(relevant, 1);
                if (printMisses && (relevant.isEmpty() || !relevant.get(0))) {
                    System.out.println("miss@1 " + q.text());
                }
            }
        } finally {
            ScratchDirs.delete(dir);
        }
        return metrics;
    }

    /**
     * Warm, single-thread latency of {@link KnowledgeBase#search} on the bundled corpus: the dev questions, as typed
     * and without diacritics, cycled. {@code warmUp} warm-up searches (JIT; 5,000 for BM25), then {@code rounds}
     * rounds of {@code runs} timed searches, each round after a GC and a short pause so that one collection or a
     * neighbour's burst on a shared machine shows up in one round rather than in the figure. Returns {p50, p99} ms
     * of the round with the median p99, and prints every round's figures.
     */
    private static double[] latencyOnBundledCorpus(KnowledgeBase.Options kbOptions, int runs, int rounds,
                                                   int warmUp) {
        List<SearchQuery> queries = new ArrayList<>();
        for (QaItem item : QaSet.bundled().items()) {
            queries.add(SearchQuery.of(item.question(), 5));
            queries.add(SearchQuery.of(VietnameseText.fold(item.question()), 5));
        }
        Path dir = ScratchDirs.create("trolyso-eval-");
        try (KnowledgeBase kb = KnowledgeBase.open(dir, List.of(new BundledCorpusSource()), kbOptions)) {
            SemanticSearchOption.awaitEmbedded(kbOptions);
            for (int i = 0; i < warmUp; i++) {
                kb.search(queries.get(i % queries.size()));
            }
            List<double[]> results = new ArrayList<>();
            long[] nanos = new long[Math.max(1, runs)];
            for (int round = 0; round < Math.max(1, rounds); round++) {
                System.gc();
                pause();
                for (int i = 0; i < nanos.length; i++) {
                    SearchQuery q = queries.get(i % queries.size());
                    long start = System.nanoTime();
                    kb.search(q);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                results.add(new double[] {percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6,
                        nanos[nanos.length - 1] / 1e6});
            }
            StringBuilder line = new StringBuilder("latency rounds (p50/p99/max ms, " + nanos.length + " searches each):");
            results.forEach(r -> line.append(String.format(Locale.ROOT, " %.3f/%.3f/%.1f", r[0], r[1], r[2])));
            System.out.println(line);
            results.sort(Comparator.comparingDouble(r -> r[1]));
            double[] median = results.get(results.size() / 2);
            return new double[] {median[0], median[1]};
        } finally {
            ScratchDirs.delete(dir);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 140 ? one.substring(0, 140) + "…" : one;
    }
}
