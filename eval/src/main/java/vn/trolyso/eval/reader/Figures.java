package vn.trolyso.eval.reader;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader's figures on a gold question set.
 *
 * @param hits per question, whether the answer contains the gold answer
 */
record Figures(List<ReaderCommand.Reply> replies, boolean[] hits, double contained, double refused,
               int medianChars, double p50, double p99) {

    static Figures of(List<GoldQuestionSet.Item> items, List<ReaderCommand.Reply> replies, long[] nanos) {
        boolean[] hits = new boolean[items.size()];
        int contained = 0;
        int refused = 0;
        int[] chars = replies.stream().filter(r -> !r.refused())
                .mapToInt(r -> GoldMatch.answerBody(r.text()).length()).sorted().toArray();
        for (int i = 0; i < items.size(); i++) {
            ReaderCommand.Reply reply = replies.get(i);
            hits[i] = !reply.refused() && GoldMatch.contains(reply.text(), items.get(i).spans());
            contained += hits[i] ? 1 : 0;
            refused += reply.refused() ? 1 : 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double n = Math.max(1, items.size());
        return new Figures(replies, hits, contained / n, refused / n,
                chars.length == 0 ? 0 : chars[chars.length / 2], percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int at = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gold_contained", Math.round(contained * 1000) / 1000.0);
        json.put("refused", Math.round(refused * 1000) / 1000.0);
        json.put("median_chars", medianChars);
        json.put("p50_ms", Math.round(p50 * 100) / 100.0);
        json.put("p99_ms", Math.round(p99 * 100) / 100.0);
        return json;
    }
}
