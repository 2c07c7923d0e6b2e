package vn.trolyso.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.search.DenseRetriever;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * Reads one {@link IndexGeneration}: validates a question, runs its BM25 query and, when a {@link DenseRetriever} is
 * given, fuses it with the semantic ranking by reciprocal rank ({@link TopDocs#rrf}); document and kind filters are
 * clauses of both Lucene queries. Also the per-word passage counts and whole documents. Stateless between calls.
 */
public final class HybridSearcher {
    /** Longest question accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 2000;
    /** The usual reciprocal-rank-fusion constant (Cormack et al. 2009); it damps the weight of the very top ranks. */
    static final int RRF_K = 60;
    private static final Logger LOG = Logger.getLogger(HybridSearcher.class.getName());

    private final Analyzer analyzer;
    private final PassageQueryBuilder queryBuilder;
    private final DenseRetriever denseRetriever;

    /** @param denseRetriever the semantic retriever fused with BM25, or null for BM25 alone */
    public HybridSearcher(Analyzer analyzer, Ranking ranking, DenseRetriever denseRetriever) {
        this.analyzer = analyzer;
        this.queryBuilder = new PassageQueryBuilder(analyzer, ranking);
        this.denseRetriever = denseRetriever;
    }

    /** Passages ranked best first; see {@link vn.trolyso.knowledge.search.KnowledgeSearch#search}. */
    public List<Passage> search(IndexGeneration generation, SearchQuery query) {
        String text = validate(query);
        try {
            Query lexical = queryBuilder.build(text, query.documentIds(), query.kinds(), generation.abbreviations());
            if (lexical == null) {
                return List.of();
            }
            TopDocs top = denseRetriever == null
                    ? generation.searcher().search(lexical, query.limit())
                    : fused(generation, lexical, text, query);
            return passages(generation, top.scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** The normalised question text, or an {@link InvalidQueryException} saying what is wrong with the query. */
    static String validate(SearchQuery query) {
        if (query.limit() < 1 || query.limit() > SearchQuery.MAX_LIMIT) {
            throw new InvalidQueryException("invalid_limit",
                    "Số kết quả cần lấy phải từ 1 đến " + SearchQuery.MAX_LIMIT + ".");
        }
        if (query.text() == null || query.text().isBlank()) {
            throw new InvalidQueryException("empty_query", "Câu hỏi đang trống. Hãy nhập nội dung cần tìm.");
        }
        if (query.text().length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException("query_too_long",
                    "Câu hỏi quá dài (tối đa " + MAX_QUERY_CHARS + " ký tự). Hãy rút gọn câu hỏi.");
        }
        String text = VietnameseText.normalize(query.text()).strip();
        if (text.isEmpty()) {
            throw new InvalidQueryException("empty_query", "Câu hỏi đang trống. Hãy nhập nội dung cần tìm.");
        }
        return text;
    }

    /**
     * BM25's top passages fused with the dense retriever's by reciprocal rank; BM25's own ranking and scores when the
     * retriever has nothing (not embedded yet, or the model is down).
     */
    private TopDocs fused(IndexGeneration generation, Query lexicalQuery, String text, SearchQuery query)
            throws IOException {
        int depth = Math.max(50, query.limit() * 4);
        TopDocs lexical = generation.searcher().search(lexicalQuery, depth);
        List<String> dense;
        try {
            dense = denseRetriever.retrieve(text, depth);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dense retriever failed, using BM25 alone: " + e.getMessage());
            dense = List.of();
        }
        if (dense.isEmpty()) {
            return new TopDocs(lexical.totalHits, Arrays.copyOf(lexical.scoreDocs,
                    Math.min(query.limit(), lexical.scoreDocs.length)));
        }
        TopDocs semantic = denseHits(generation, dense, query);
        return TopDocs.rrf(query.limit(), RRF_K, new TopDocs[] {lexical, semantic});
    }

    /**
     * The dense retriever's chunk ids as hits of this generation, in its order: one query for all of them, with the
     * query's filters, so ids the filters exclude (or no longer indexed) drop out before fusion.
     */
    private static TopDocs denseHits(IndexGeneration generation, List<String> chunkIds, SearchQuery query)
            throws IOException {
        IndexSearcher searcher = generation.searcher();
        Query ids = new TermInSetQuery(ChunkFields.CHUNK_ID, chunkIds.stream().map(BytesRef::new).toList());
        TopDocs found = searcher.search(PassageQueryBuilder.filtered(ids, query.documentIds(), query.kinds()),
                chunkIds.size());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < chunkIds.size(); i++) {
            rank.putIfAbsent(chunkIds.get(i), i);
        }
        ScoreDoc[] byRank = new ScoreDoc[chunkIds.size()];
        StoredFields stored = searcher.storedFields();
        Set<String> idField = Set.of(ChunkFields.CHUNK_ID);
        for (ScoreDoc sd : found.scoreDocs) {
            byRank[rank.get(stored.document(sd.doc, idField).get(ChunkFields.CHUNK_ID))] = sd;
        }
        ScoreDoc[] hits = Arrays.stream(byRank).filter(Objects::nonNull).toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
    }

    private static List<Passage> passages(IndexGeneration generation, ScoreDoc[] hits) throws IOException {
        StoredFields stored = generation.searcher().storedFields();
        List<Passage> result = new ArrayList<>(hits.length);
        for (ScoreDoc sd : hits) {
            Document doc = stored.document(sd.doc);
            Chunk chunk = ChunkFields.chunk(doc);
            DocumentMetadata metadata = generation.metadata(chunk.documentId());
            result.add(new Passage(metadata != null ? metadata : ChunkFields.metadata(doc), chunk.id(),
                    chunk.sectionPath(), chunk.text(), sd.score));
        }
        return result;
    }

    /** See {@link vn.trolyso.knowledge.search.KnowledgeSearch#passagesWithWord}. */
    public int passagesWithWord(IndexGeneration generation, String word) {
        // With diacritics the word itself is looked up: folded, "bơi" would be found as "bồi" and "lương" as "lượng".
        boolean exact = VietnameseText.hasDiacritics(word);
        String unigrams = exact ? VietnameseAnalyzers.EXACT : VietnameseAnalyzers.FOLDED;
        Map<String, Integer> words = VietnameseAnalyzers.terms(analyzer, unigrams, word);
        if (words.isEmpty()) {
            return -1;
        }
        // A name of several syllables ("Lê Lợi") is known when each of its syllable pairs is.
        String field = words.size() == 1 ? unigrams
                : exact ? VietnameseAnalyzers.EXACT_BIGRAMS : VietnameseAnalyzers.FOLDED_BIGRAMS;
        Set<String> terms = words.size() == 1 ? words.keySet()
                : VietnameseAnalyzers.terms(analyzer, field, word).keySet();
        try {
            int least = Integer.MAX_VALUE;
            for (String term : terms) {
                least = Math.min(least, generation.searcher().getIndexReader().docFreq(new Term(field, term)));
            }
            return least == Integer.MAX_VALUE ? -1 : least;
        } catch (IOException e) {
            throw new UncheckedIOException("term statistics failed", e);
        }
    }

    /** One document with all its passages in order, or empty when the generation has no such document. */
    public static Optional<IndexableDocument> document(IndexGeneration generation, String id) {
        DocumentMetadata metadata = generation.metadata(id);
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = generation.searcher();
            Query q = new TermQuery(new Term(ChunkFields.DOCUMENT_ID, id));
            TopDocs top = searcher.search(q, Math.max(1, searcher.getIndexReader().maxDoc()));
            StoredFields stored = searcher.storedFields();
            List<Chunk> chunks = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                chunks.add(ChunkFields.chunk(stored.document(sd.doc)));
            }
            chunks.sort(Comparator.comparingInt(Chunk::ordinal));
            return Optional.of(new IndexableDocument(metadata, chunks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
