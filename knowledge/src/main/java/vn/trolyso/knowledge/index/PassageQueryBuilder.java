package vn.trolyso.knowledge.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.text.Abbreviations;
import vn.trolyso.knowledge.text.EverydayWords;
import vn.trolyso.knowledge.text.QuestionWords;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * Builds the Lucene query of a question programmatically (user text never reaches a query parser, so
 * {@code AND ( * "} is just text): every analysed term of every view as a weighted optional clause, abbreviations
 * expanded, filters as non-scoring clauses.
 */
public final class PassageQueryBuilder {
    /** Terms per field at most, which keeps a long question below Lucene's clause limit. */
    static final int MAX_TERMS_PER_FIELD = 150;

    private final Analyzer analyzer;
    private final Ranking ranking;

    public PassageQueryBuilder(Analyzer analyzer, Ranking ranking) {
        this.analyzer = analyzer;
        this.ranking = ranking;
    }

    /**
     * The query for a question, or null when the text has no searchable term (only punctuation, say). Terms that
     * only the abbreviation expansions bring in weigh {@link Ranking#expansion()} of a typed term, so "KLTN"
     * expanded to "khóa luận tốt nghiệp" does not outweigh the rest of the question.
     *
     * @param text        the question, already normalised
     * @param documentIds restrict to these documents (empty: all)
     * @param kinds       restrict to these kinds (empty: all)
     * @param known       the abbreviations of the index generation searched (bundled + learned)
     */
    public Query build(String text, Set<String> documentIds, Set<DocumentKind> kinds, Abbreviations known) {
        String expansions = (known.expansionsFor(text) + " " + EverydayWords.defaults().expansionsFor(text)).strip();
        boolean accented = VietnameseText.hasDiacritics(text);
        // Single syllables without the question words; bigrams keep them ("có thể" is a word, "là gì" rarely matches).
        String syllables = ranking.dropQuestionWords() ? QuestionWords.strip(text, accented) : text;
        String extraSyllables = ranking.dropQuestionWords() ? QuestionWords.strip(expansions, accented) : expansions;
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += addField(terms, VietnameseAnalyzers.EXACT, syllables, extraSyllables, ranking.exact(), null);
        clauses += addField(terms, VietnameseAnalyzers.EXACT_BIGRAMS, text, expansions, ranking.exactBigrams(),
                false);
        clauses += addField(terms, VietnameseAnalyzers.FOLDED, syllables, extraSyllables,
                accented ? ranking.folded() : ranking.unaccented(), null);
        clauses += addField(terms, VietnameseAnalyzers.FOLDED_BIGRAMS, text, expansions,
                accented ? ranking.foldedBigrams() : ranking.unaccented(), true);
        if (clauses == 0) {
            return null;
        }
        addField(terms, VietnameseAnalyzers.TITLE, syllables, extraSyllables, ranking.title(), null);
        return filtered(terms.build(), documentIds, kinds);
    }

    /**
     * {@code query} restricted to passages of these documents and kinds (empty: no restriction), the restrictions
     * as non-scoring clauses.
     */
    public static Query filtered(Query query, Set<String> documentIds, Set<DocumentKind> kinds) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (!documentIds.isEmpty()) {
            builder.add(new TermInSetQuery(ChunkFields.DOCUMENT_ID,
                    documentIds.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
        if (!kinds.isEmpty()) {
            builder.add(new TermInSetQuery(ChunkFields.KIND,
                    kinds.stream().map(k -> new BytesRef(k.name())).collect(Collectors.toList())),
                    BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    /**
     * Adds a field's terms: typed terms weigh {@code weight} per occurrence, terms only the expansions bring in
     * {@code weight × expansion}; for bigrams ({@code folded} non-null) pairs of question words are left out.
     */
    private int addField(BooleanQuery.Builder builder, String field, String text, String extra, float weight,
                         Boolean folded) {
        if (weight <= 0) {
            return 0;
        }
        Map<String, Float> weights = new LinkedHashMap<>();
        VietnameseAnalyzers.terms(analyzer, field, text).forEach((term, count) -> weights.put(term, weight * count));
        if (!extra.isEmpty() && ranking.expansion() > 0) {
            for (String term : VietnameseAnalyzers.terms(analyzer, field, extra).keySet()) {
                weights.putIfAbsent(term, weight * ranking.expansion());
            }
        }
        int added = 0;
        for (Map.Entry<String, Float> term : weights.entrySet()) {
            if (added == MAX_TERMS_PER_FIELD) {
                break;
            }
            if (folded != null && ranking.dropQuestionWords() && QuestionWords.isQuestionTerm(term.getKey(), folded)) {
                continue;
            }
            builder.add(new BoostQuery(new TermQuery(new Term(field, term.getKey())), term.getValue()),
                    BooleanClause.Occur.SHOULD);
            added++;
        }
        return added;
    }
}
