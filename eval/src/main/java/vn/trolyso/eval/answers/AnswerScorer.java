package vn.trolyso.eval.answers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.eval.qa.QaItem;

/**
 * Asks an assistant every QA item (multiturn items turn by turn in one conversation) and scores the last answer:
 * answer accuracy on answerable items (contains an {@code any} string, NFC and case-insensitive, and no
 * {@code forbid} string), refusal accuracy on items where declining is right, citation accuracy on items naming
 * their document (a citation points into it).
 */
public final class AnswerScorer {
    /** The outcome of one item. */
    public record Outcome(QaItem item, Answer answer, boolean correct, Boolean cited, long millis) {
    }

    /** The figures of one run. */
    public record Figures(int n, double answerAccuracy, int answerable, double refusalAccuracy, int refusals,
                          double citationAccuracy, int citable, int overRefusals, long medianMillis,
                          Map<String, double[]> byKind) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("answer_accuracy", round(answerAccuracy));
            m.put("refusal_accuracy", round(refusalAccuracy));
            m.put("citation_accuracy", round(citationAccuracy));
            m.put("n", n);
            m.put("answerable", answerable);
            m.put("refusal_items", refusals);
            m.put("citable", citable);
            m.put("over_refusals", overRefusals);
            m.put("median_ms", medianMillis);
            Map<String, Object> kinds = new TreeMap<>();
            byKind.forEach((k, v) -> kinds.put(k, Map.of("correct", (int) v[0], "n", (int) v[1])));
            m.put("by_kind", kinds);
            return m;
        }

        private static double round(double v) {
            return Double.isNaN(v) ? 0 : Math.round(v * 10_000) / 10_000.0;
        }
    }

    private AnswerScorer() {
    }

    public static List<Outcome> run(Assistant assistant, List<QaItem> items) {
        List<Outcome> outcomes = new ArrayList<>();
        for (QaItem item : items) {
            long start = System.nanoTime();
            Answer answer = ask(assistant, item);
            long millis = (System.nanoTime() - start) / 1_000_000;
            outcomes.add(new Outcome(item, answer, correct(item, answer), cited(item, answer), millis));
        }
        return outcomes;
    }

    static Answer ask(Assistant assistant, QaItem item) {
        List<String> turns = item.turns().isEmpty() ? List.of(item.question()) : item.turns();
        String conversation = null;
        Answer last = null;
        for (String turn : turns) {
            last = assistant.answer(new Question(turn, conversation, UserProfile.UNKNOWN));
            conversation = last.conversationId();
        }
        return last;
    }

    static boolean correct(QaItem item, Answer answer) {
        String text = fold(answer.text());
        if (item.forbid().stream().anyMatch(f -> text.contains(fold(f)))) {
            return false;
        }
        if (item.refuse()) {
            boolean refused = answer.mode() == AnswerMode.REFUSAL;
            return refused && (item.any().isEmpty() || item.any().stream().anyMatch(a -> text.contains(fold(a))));
        }
        return item.any().stream().anyMatch(a -> text.contains(fold(a)));
    }

    /** Whether a citation points into the item's document; null when the item names none. */
    static Boolean cited(QaItem item, Answer answer) {
        if (item.refuse() || item.doc() == null || item.doc().isBlank()) {
            return null;
        }
        return answer.citations().stream().anyMatch(c -> c.documentId().equals(item.docId()));
    }

    public static Figures figures(List<Outcome> outcomes) {
        int answerable = 0;
        int answeredRight = 0;
        int refusals = 0;
        int refusedRight = 0;
        int citable = 0;
        int citedRight = 0;
        int overRefusals = 0;
        Map<String, double[]> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            double[] k = byKind.computeIfAbsent(o.item().kind(), x -> new double[2]);
            k[1]++;
            if (o.correct()) {
                k[0]++;
            }
            if (o.item().refuse()) {
                refusals++;
                refusedRight += o.correct() ? 1 : 0;
            } else if (!o.item().any().isEmpty()) {
                answerable++;
                answeredRight += o.correct() ? 1 : 0;
                overRefusals += o.answer().mode() == AnswerMode.REFUSAL ? 1 : 0;
            }
            if (o.cited() != null) {
                citable++;
                citedRight += o.cited() ? 1 : 0;
            }
        }
        long[] times = outcomes.stream().mapToLong(Outcome::millis).sorted().toArray();
        long median = times.length == 0 ? 0 : times[times.length / 2];
        return new Figures(outcomes.size(), ratio(answeredRight, answerable), answerable,
                ratio(refusedRight, refusals), refusals, ratio(citedRight, citable), citable, overRefusals, median,
                byKind);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
