package vn.trolyso.eval.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval metrics over a query set from per-query relevance lists (top 10, best first): P@1, hit@5, MRR@10,
 * nDCG@10 (binary gains; the ideal ranking holds {@code relevantTotal} relevant passages, capped at 10).
 */
public final class RankMetrics {
    private final List<Double> precisionAt1 = new ArrayList<>();
    private final List<Double> hitAt5 = new ArrayList<>();
    private final List<Double> mrrAt10 = new ArrayList<>();
    private final List<Double> ndcgAt10 = new ArrayList<>();

    /**
     * Adds one query.
     *
     * @param relevant      relevance of the retrieved passages, best first (only the first 10 count)
     * @param relevantTotal how many relevant passages exist in the collection (at least 1)
     */
    public void add(List<Boolean> relevant, int relevantTotal) {
        int firstHit = -1;
        double dcg = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            if (relevant.get(i)) {
                if (firstHit < 0) {
                    firstHit = i;
                }
                dcg += 1 / log2(i + 2);
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(10, Math.max(1, relevantTotal)); i++) {
            idcg += 1 / log2(i + 2);
        }
        precisionAt1.add(firstHit == 0 ? 1.0 : 0.0);
        hitAt5.add(firstHit >= 0 && firstHit < 5 ? 1.0 : 0.0);
        mrrAt10.add(firstHit >= 0 ? 1.0 / (firstHit + 1) : 0.0);
        ndcgAt10.add(Math.min(1.0, dcg / idcg));
    }

    public int n() {
        return precisionAt1.size();
    }

    public double precisionAt1() {
        return mean(precisionAt1);
    }

    public double hitAt5() {
        return mean(hitAt5);
    }

    public double mrrAt10() {
        return mean(mrrAt10);
    }

    public double ndcgAt10() {
        return mean(ndcgAt10);
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
