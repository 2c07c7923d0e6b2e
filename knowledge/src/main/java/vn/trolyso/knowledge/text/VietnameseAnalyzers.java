package vn.trolyso.knowledge.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chains of the search fields. Every chain first applies {@link VietnameseText#normalize(String)}
 * (NFC, Đ look-alikes, canonical tone marks, GD&amp;ĐT forms), then Lucene's StandardTokenizer (syllables), then:
 * <ul>
 *   <li>{@link #EXACT}: ICU NFKC case folding, diacritics kept — the precise view of accented text;</li>
 *   <li>{@link #EXACT_BIGRAMS}: the same, as syllable bigrams (two-syllable words are most Vietnamese words);</li>
 *   <li>{@link #FOLDED}: ICU folding, diacritics removed and đ → d — for queries typed without diacritics;</li>
 *   <li>{@link #FOLDED_BIGRAMS}: folded syllable bigrams.</li>
 * </ul>
 */
public final class VietnameseAnalyzers {
    public static final String EXACT = "exact";
    public static final String EXACT_BIGRAMS = "exact2";
    public static final String FOLDED = "folded";
    public static final String FOLDED_BIGRAMS = "folded2";
    /** The document title, folded syllables. */
    public static final String TITLE = "title_folded";
    /** The search fields, in the order queries use them. */
    public static final List<String> FIELDS = List.of(EXACT, EXACT_BIGRAMS, FOLDED, FOLDED_BIGRAMS);

    private VietnameseAnalyzers() {
    }

    /** One analyzer that routes each search field to its chain (others: standard analysis). */
    public static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                EXACT, new Chain(false, false),
                EXACT_BIGRAMS, new Chain(false, true),
                FOLDED, new Chain(true, false),
                FOLDED_BIGRAMS, new Chain(true, true),
                TITLE, new Chain(true, false)));
    }

    /** The terms a text yields in one field with their counts, in order of first appearance. */
    public static Map<String, Integer> terms(Analyzer analyzer, String field, String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.merge(term.toString(), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static final class Chain extends Analyzer {
        private final boolean folded;
        private final boolean bigrams;

        Chain(boolean folded, boolean bigrams) {
            this.folded = folded;
            this.bigrams = bigrams;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            try {
                StringBuilder sb = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    sb.append(buffer, 0, n);
                }
                return new StringReader(VietnameseText.matchingForm(sb.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = folded ? new ICUFoldingFilter(tokenizer) : new ICUNormalizer2Filter(tokenizer);
            if (bigrams) {
                ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
                shingles.setOutputUnigrams(false);
                stream = shingles;
            }
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
