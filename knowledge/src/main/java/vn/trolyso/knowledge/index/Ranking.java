package vn.trolyso.knowledge.index;

/**
 * How the search fields are weighted. Accented queries lean on the exact (diacritics kept) fields so "hoà" does
 * not match "hỏa"; queries typed without diacritics lean on the folded fields. Values were tuned with
 * {@code ./trolyso eval retrieval} on the dev set and ViRHE4QA (see README).
 *
 * @param exact          weight of exact syllables for accented queries
 * @param exactBigrams   weight of exact syllable bigrams for accented queries
 * @param folded         weight of folded syllables for accented queries
 * @param foldedBigrams  weight of folded bigrams for accented queries
 * @param unaccented     weight of folded syllables and folded bigrams for queries typed without diacritics
 * @param title          weight of the document title (folded syllables)
 * @param k1             BM25 term-frequency saturation
 * @param b              BM25 length normalisation
 * @param dropQuestionWords whether question words ("ai", "gì", "như thế nào") are left out of single-syllable terms
 */
public record Ranking(float exact, float exactBigrams, float folded, float foldedBigrams, float unaccented,
                      float title, float k1, float b, boolean dropQuestionWords) {
    public static Ranking defaults() {
        return new Ranking(1.0f, 1.0f, 0.1f, 0.1f, 1.0f, 0.2f, 1.2f, 0.75f, true);
    }
}
