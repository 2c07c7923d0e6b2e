package vn.trolyso.assistant.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.trolyso.assistant.guard.ScopeGuard;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.store.Database;

/**
 * Builds the administration reports from {@code answer_log} and {@code feedback}. An answer counts as unanswered when
 * it was a refusal, cited no document (framework answers excepted: they cite the framework data itself), or received
 * a thumbs-down; unanswered questions are grouped by {@link QuestionSimilarity} so an administrator sees topics, not
 * wordings. Greetings and small talk are counted apart and never "unanswered". Answers that cited sources and got a
 * thumbs-down are listed as possibly wrong.
 */
public final class UsageReports {
    /** Shown instead of the question when question text is not stored (privacy setting). */
    public static final String NOT_STORED = "(nội dung câu hỏi không được lưu)";
    /** Jaccard similarity from which two questions are considered the same topic. */
    static final double SAME_TOPIC = 0.45;
    private static final int TOP_QUESTIONS = 10;
    private static final int MAX_GROUPS = 30;
    private static final int MAX_EXAMPLES = 5;
    private static final int MAX_POSSIBLY_WRONG = 50;

    private final AnswerStore answers;

    public UsageReports(Database database) {
        this.answers = new AnswerStore(database);
    }

    /** The report for the days {@code from}–{@code to} (inclusive) counted in {@code zone}. */
    public UsageReport report(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        List<Row> rows = rows(from.atStartOfDay(zone).toOffsetDateTime(), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        Map<String, Long> byMode = new TreeMap<>();
        long latency = 0;
        long up = 0;
        long down = 0;
        for (Row r : rows) {
            perDay.merge(r.askedAt.atZoneSameInstant(zone).toLocalDate(), 1L, Long::sum);
            byMode.merge(r.mode, 1L, Long::sum);
            latency += r.latencyMs;
            up += r.up;
            down += r.down;
        }
        List<UsageReport.DayCount> days = perDay.entrySet().stream()
                .map(e -> new UsageReport.DayCount(e.getKey(), e.getValue())).toList();
        long average = rows.isEmpty() ? 0 : Math.round((double) latency / rows.size());
        Double ratio = up + down == 0 ? null : (double) up / (up + down);
        return new UsageReport(from, to, zone.getId(), rows.size(), days, byMode, average, topQuestions(rows),
                unanswered(rows), new UsageReport.Feedback(up, down, ratio), rows.stream().filter(Row::smallTalk).count(),
                possiblyWrong(rows));
    }

    private static List<UsageReport.PossiblyWrong> possiblyWrong(List<Row> rows) {
        return rows.stream().filter(Row::possiblyWrong)
                .sorted(Comparator.comparing(Row::askedAt).reversed())
                .limit(MAX_POSSIBLY_WRONG)
                .map(r -> new UsageReport.PossiblyWrong(r.messageId, r.askedAt,
                        r.question == null ? NOT_STORED : r.question.strip(), r.mode,
                        r.cited == null || r.cited.isBlank() ? List.of() : List.of(r.cited.split(",")), r.down, r.up,
                        r.comment))
                .toList();
    }

    private static List<UsageReport.QuestionCount> topQuestions(List<Row> rows) {
        return groupExact(rows.stream().filter(r -> r.question != null).toList()).stream()
                .sorted(Comparator.comparingLong(Wording::count).reversed().thenComparing(Wording::text))
                .limit(TOP_QUESTIONS)
                .map(w -> new UsageReport.QuestionCount(w.text(), w.count()))
                .toList();
    }

    private static List<UsageReport.UnansweredGroup> unanswered(List<Row> rows) {
        List<Row> missed = rows.stream().filter(r -> r.unanswered() && !r.smallTalk()).toList();
        List<Wording> wordings = new ArrayList<>(groupExact(missed));
        wordings.sort(Comparator.comparingLong(Wording::count).reversed().thenComparing(Wording::text));
        List<List<Wording>> clusters = new ArrayList<>();
        for (Wording w : wordings) {
            List<Wording> home = null;
            if (w.rows.getFirst().question != null) {
                double best = SAME_TOPIC;
                for (List<Wording> cluster : clusters) {
                    if (cluster.getFirst().rows.getFirst().question == null) {
                        continue;
                    }
                    for (Wording member : cluster) {
                        double sim = QuestionSimilarity.jaccard(w.features, member.features);
                        if (sim >= best) {
                            best = sim;
                            home = cluster;
                        }
                    }
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(w);
        }
        List<UsageReport.UnansweredGroup> groups = new ArrayList<>();
        for (List<Wording> cluster : clusters) {
            List<Row> all = cluster.stream().flatMap(w -> w.rows.stream()).toList();
            groups.add(new UsageReport.UnansweredGroup(cluster.getFirst().text(), all.size(),
                    cluster.stream().skip(1).limit(MAX_EXAMPLES).map(Wording::text).toList(),
                    all.stream().filter(Row::refused).count(), all.stream().filter(Row::noSource).count(),
                    all.stream().filter(r -> r.down > 0).count()));
        }
        groups.sort(Comparator.comparingLong(UsageReport.UnansweredGroup::count).reversed()
                .thenComparing(UsageReport.UnansweredGroup::representative));
        return groups.stream().limit(MAX_GROUPS).toList();
    }

    /** Rows grouped by folded question; each group shows its most frequent exact wording. */
    private static List<Wording> groupExact(List<Row> rows) {
        Map<String, List<Row>> byFolded = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.question == null ? "\u0000" : QuestionSimilarity.fold(r.question);
            byFolded.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Wording> out = new ArrayList<>();
        for (List<Row> group : byFolded.values()) {
            Map<String, Long> forms = new HashMap<>();
            group.forEach(r -> forms.merge(r.question == null ? NOT_STORED : r.question.strip(), 1L, Long::sum));
            String text = forms.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            out.add(new Wording(text, group, QuestionSimilarity.features(text)));
        }
        return out;
    }

    private List<Row> rows(OffsetDateTime from, OffsetDateTime to) {
        return answers.reportRows(from, to).stream().map(r -> new Row(r.askedAt(), r.question(), r.mode(),
                r.citedDocuments(), r.latencyMs(), r.up(), r.down(), r.messageId(),
                r.smallTalk() || ScopeGuard.isSmallTalk(r.question()), r.downComment())).toList();
    }

    private record Row(OffsetDateTime askedAt, String question, String mode, String cited, int latencyMs, long up,
                       long down, String messageId, boolean smallTalk, String comment) {
        boolean refused() {
            return "refusal".equals(mode);
        }

        boolean noSource() {
            return !refused() && !"framework".equals(mode) && (cited == null || cited.isBlank());
        }

        boolean unanswered() {
            return refused() || noSource() || down > 0;
        }

        /** Answered from sources, yet rated down. */
        boolean possiblyWrong() {
            return !refused() && !noSource() && down > 0 && !smallTalk;
        }
    }

    private record Wording(String text, List<Row> rows, Set<String> features) {
        long count() {
            return rows.size();
        }
    }
}
