package vn.trolyso.knowledge.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reciprocal rank fusion (Cormack et al. 2009): score(d) = Σ 1 / (k + rank(d)), ranks from 1. */
public final class ReciprocalRankFusion {
    /** The usual constant; it damps the weight of the very top ranks. */
    public static final int DEFAULT_K = 60;

    private ReciprocalRankFusion() {
    }

    /** Fuses rankings of ids (best first); returns id → fused score. */
    public static Map<String, Double> fuse(List<List<String>> rankings, int k) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return scores;
    }
}
