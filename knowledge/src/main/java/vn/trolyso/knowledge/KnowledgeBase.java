package vn.trolyso.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.index.GenerationFiles;
import vn.trolyso.knowledge.index.HybridSearcher;
import vn.trolyso.knowledge.index.IndexGeneration;
import vn.trolyso.knowledge.index.IndexGenerations;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.DenseRetriever;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.text.Abbreviations;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;

/**
 * The searchable knowledge of Trợ lý số: a Lucene index of every {@link DocumentSource}'s passages, under
 * {@code <dataDir>/index/}. A facade over the index generations ({@link IndexGenerations}: built at first start,
 * reused while the sources are unchanged, rebuilt into a new generation that is switched to atomically) and the
 * {@link HybridSearcher} that reads the live one. Thread-safe.
 */
public final class KnowledgeBase implements KnowledgeSearch, AutoCloseable {
    /** Longest question accepted, in characters. */
    public static final int MAX_QUERY_CHARS = HybridSearcher.MAX_QUERY_CHARS;
    static final String CURRENT_FILE = GenerationFiles.CURRENT_FILE;
    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class.getName());

    private final Options options;
    private final HybridSearcher searcher;
    private final IndexGenerations generations;

    /**
     * Tuning of a knowledge base.
     *
     * @param ranking        field weights and BM25 parameters
     * @param denseRetriever optional semantic retriever fused with BM25 by reciprocal rank; null (default) = off
     */
    public record Options(Ranking ranking, DenseRetriever denseRetriever) {
        public Options {
            Objects.requireNonNull(ranking, "ranking");
        }

        public static Options defaults() {
            return new Options(Ranking.defaults(), null);
        }
    }

    private KnowledgeBase(Path dataDir, List<DocumentSource> sources, Options options) {
        this.options = options;
        Analyzer analyzer = VietnameseAnalyzers.perField();
        this.searcher = new HybridSearcher(analyzer, options.ranking(), options.denseRetriever());
        this.generations = IndexGenerations.open(dataDir.resolve("index"), sources, options.ranking(), analyzer,
                this::announcePassages);
    }

    /** Opens (building when needed) the knowledge base of these sources under {@code <dataDir>/index/}. */
    public static KnowledgeBase open(Path dataDir, List<DocumentSource> sources) {
        return open(dataDir, sources, Options.defaults());
    }

    /** As {@link #open(Path, List)}, with explicit options. */
    public static KnowledgeBase open(Path dataDir, List<DocumentSource> sources, Options options) {
        return new KnowledgeBase(dataDir, sources, options);
    }

    /** Tells the dense retriever, if any, which passages are served now (it embeds new ones in the background). */
    private void announcePassages(IndexGeneration generation) {
        if (options.denseRetriever() == null) {
            return;
        }
        try {
            options.denseRetriever().passagesChanged(generation.searchableTexts());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Semantic search was not told of index " + generation.name()
                    + "; it keeps its previous passages: " + e.getMessage());
        }
    }

    @Override
    public List<Passage> search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        return generations.read(g -> searcher.search(g, query));
    }

    @Override
    public Abbreviations abbreviations() {
        return generations.current().abbreviations();
    }

    @Override
    public int passagesWithWord(String word) {
        return generations.read(g -> searcher.passagesWithWord(g, word));
    }

    /** Every indexed document with its passage count, ordered by id. */
    public List<DocumentSummary> documents() {
        return generations.current().summaries();
    }

    /** One document with all its passages in order, or empty when no such document is indexed. */
    public Optional<IndexableDocument> document(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return generations.read(g -> HybridSearcher.document(g, id));
    }

    /** What is being served now. */
    public IndexStatus status() {
        return generations.status();
    }

    /**
     * Re-reads every source and writes a new index generation while searches continue on the current one, then
     * switches to it atomically. Single-flight: concurrent calls wait for one build that started after their
     * call (so a document added just before calling is always included), never run builds side by side.
     *
     * @param listener receives (documents indexed, documents total)
     * @return the status after the build
     * @throws IndexBuildException when the build failed (the previous generation keeps serving)
     */
    public IndexStatus rebuild(IndexProgress listener) {
        return generations.rebuild(listener);
    }

    @Override
    public void close() {
        generations.close();
    }
}
