package vn.trolyso.knowledge.index;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the search fields are weighted. Accented queries lean on the exact (diacritics kept) fields so "hoà" does
 * not match "hỏa"; queries typed without diacritics lean on the folded fields. Values were tuned with
 * {@code ./trolyso eval retrieval} on the dev set and ViRHE4QA (see docs/knowledge-base.md and {@link #defaults()}).
 *
 * @param exact          weight of exact syllables for accented queries
 * @param exactBigrams   weight of exact syllable bigrams for accented queries
 * @param folded         weight of folded syllables for accented queries
 * @param foldedBigrams  weight of folded bigrams for accented queries
 * @param unaccented     weight of folded syllables and folded bigrams for queries typed without diacritics
 * @param title          weight of the document title (folded syllables)
 * @param k1             BM25 term-frequency saturation of the syllable fields
 * @param b              BM25 length normalisation of the syllable fields
 * @param dropQuestionWords whether question words ("ai", "gì", "như thế nào") are left out of single-syllable terms
 * @param bigramK1       BM25 term-frequency saturation of the bigram fields
 * @param bigramB        BM25 length normalisation of the bigram fields
 * @param learnAbbreviations whether abbreviations the documents define ("Khóa luận tốt nghiệp (KLTN)") widen
 *                       queries like the bundled list does
 * @param expansion      weight of a term only an abbreviation expansion brings into the query, relative to a
 *                       typed term (1 = as if typed)
 */
public record Ranking(float exact, float exactBigrams, float folded, float foldedBigrams, float unaccented,
                      float title, float k1, float b, boolean dropQuestionWords, float bigramK1, float bigramB,
                      boolean learnAbbreviations, float expansion) {

    /**
     * The nine historical parameters; the bigram fields share the syllable fields' k1 and b, the other parameters
     * keep their defaults.
     */
    public Ranking(float exact, float exactBigrams, float folded, float foldedBigrams, float unaccented,
                   float title, float k1, float b, boolean dropQuestionWords) {
        this(exact, exactBigrams, folded, foldedBigrams, unaccented, title, k1, b, dropQuestionWords, k1, b,
                DEFAULT_LEARN_ABBREVIATIONS, DEFAULT_EXPANSION);
    }

    /*
     * Measured with `eval retrieval` (ViRHE4QA v2 whole articles with their heading as section path; dev set):
     * - expansion 0.5: dev P@1 0.90 -> 0.95 (nDCG 0.962 -> 0.971), ViRHE4QA unchanged within 0.002 (1.0 costs
     *   ViRHE4QA 0.013 P@1 once learned abbreviations are on: their expansions then outweigh the question);
     * - learned abbreviations: ViRHE4QA P@1 0.769 -> 0.771, nDCG 0.868 -> 0.870; dev unchanged;
     * - k1/b and the bigram fields' own k1/b: every value tried in 0.8-2.0 / 0.3-1.0 was within noise or worse
     *   than 1.2/0.75 for both field kinds, so they stay shared.
     */
    private static final boolean DEFAULT_LEARN_ABBREVIATIONS = true;
    private static final float DEFAULT_EXPANSION = 0.5f;

    public static Ranking defaults() {
        return new Ranking(1.0f, 1.0f, 0.1f, 0.1f, 1.0f, 0.2f, 1.2f, 0.75f, true);
    }

    /** The parameter names {@link #with(String, double)} accepts: the record's components, in order. */
    public static String names() {
        return Arrays.stream(Ranking.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.joining(","));
    }

    /**
     * A copy with one parameter changed, by its component name (case-insensitive; booleans: non-zero = true).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public Ranking with(String name, double value) {
        RecordComponent[] components = Ranking.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                if (c.getName().equalsIgnoreCase(name.strip())) {
                    args[i] = c.getType() == boolean.class ? (Object) (value != 0) : (Object) (float) value;
                    found = true;
                } else {
                    args[i] = c.getAccessor().invoke(this);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("unknown ranking parameter '" + name + "' (known: " + names() + ")");
            }
            return Ranking.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
