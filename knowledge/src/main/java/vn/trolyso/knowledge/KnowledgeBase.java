package vn.trolyso.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.index.ChunkFields;
import vn.trolyso.knowledge.index.IndexGeneration;
import vn.trolyso.knowledge.index.PassageQueryBuilder;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.DenseRetriever;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.ReciprocalRankFusion;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.text.Abbreviations;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * The searchable knowledge of Trợ lý số: a Lucene index of every {@link DocumentSource}'s passages, under
 * {@code <dataDir>/index/}.
 *
 * <p>The index is built at first start and reused while the combined fingerprint of the sources (and of this
 * analysis pipeline) is unchanged; it is rebuilt when the sources changed or when the index is missing or fails
 * its checksum check. Each build writes a new generation directory and then switches to it atomically (the
 * {@code CURRENT} file names the live one), so a half-written index is never served and searches continue on the
 * old generation during a {@link #rebuild(IndexProgress)}. Thread-safe.
 */
public final class KnowledgeBase implements KnowledgeSearch, AutoCloseable {
    /** Longest question accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 2000;
    /** Bump when cleaning, chunking or analysis changes: a changed pipeline rebuilds existing indexes. */
    static final String PIPELINE_VERSION = "knowledge-pipeline-3";
    static final String CURRENT_FILE = "CURRENT";
    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class.getName());

    private final Path indexRoot;
    private final List<DocumentSource> sources;
    private final Options options;
    private final Analyzer analyzer = VietnameseAnalyzers.perField();
    private final PassageQueryBuilder queryBuilder;
    private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
    private final ReentrantLock buildLock = new ReentrantLock();
    private final AtomicLong requestedBuilds = new AtomicLong();
    private volatile long completedBuilds;
    private volatile long lastBuildMillis;
    private volatile String lastError = "";
    private volatile boolean closed;

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
        this.indexRoot = dataDir.resolve("index");
        this.sources = List.copyOf(sources);
        this.options = options;
        this.queryBuilder = new PassageQueryBuilder(analyzer, options.ranking());
    }

    /** Opens (building when needed) the knowledge base of these sources under {@code <dataDir>/index/}. */
    public static KnowledgeBase open(Path dataDir, List<DocumentSource> sources) {
        return open(dataDir, sources, Options.defaults());
    }

    /** As {@link #open(Path, List)}, with explicit options. */
    public static KnowledgeBase open(Path dataDir, List<DocumentSource> sources, Options options) {
        KnowledgeBase kb = new KnowledgeBase(dataDir, sources, options);
        kb.start();
        return kb;
    }

    private void start() {
        try {
            Files.createDirectories(indexRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index directory " + indexRoot, e);
        }
        String fingerprint = combinedFingerprint();
        Optional<String> live = readCurrent();
        if (live.isPresent()) {
            try {
                IndexGeneration generation = IndexGeneration.open(indexRoot.resolve(live.get()),
                        options.ranking(), true);
                if (generation.fingerprint().equals(fingerprint)) {
                    current.set(generation);
                    announcePassages(generation);
                    LOG.info(() -> "Knowledge index " + generation.name() + " reused ("
                            + generation.summaries().size() + " documents, " + generation.chunkCount() + " passages)");
                } else {
                    generation.retire();
                    LOG.info("Knowledge sources changed: rebuilding the index");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Knowledge index " + live.get() + " is unusable (" + e.getMessage()
                        + "): rebuilding it");
            }
        }
        if (current.get() == null) {
            rebuild(IndexProgress.NONE);
        } else {
            deleteStaleGenerations(current.get().name());
        }
    }

    // ---------------------------------------------------------------------------------------------- search

    @Override
    public List<Passage> search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        String text = validate(query);
        IndexGeneration generation = acquire();
        try {
            Query luceneQuery = queryBuilder.build(text, query.documentIds(), query.kinds(),
                    generation.abbreviations());
            if (luceneQuery == null) {
                return List.of();
            }
            if (options.denseRetriever() != null) {
                return fused(generation, luceneQuery, text, query);
            }
            TopDocs top = generation.searcher().search(luceneQuery, query.limit());
            return passages(generation, top.scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        } finally {
            generation.release();
        }
    }

    @Override
    public Abbreviations abbreviations() {
        IndexGeneration generation = acquire();
        try {
            return generation.abbreviations();
        } finally {
            generation.release();
        }
    }

    @Override
    public int passagesWithWord(String word) {
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
        IndexGeneration generation = acquire();
        try {
            int least = Integer.MAX_VALUE;
            for (String term : terms) {
                least = Math.min(least, generation.searcher().getIndexReader().docFreq(new Term(field, term)));
            }
            return least == Integer.MAX_VALUE ? -1 : least;
        } catch (IOException e) {
            throw new UncheckedIOException("term statistics failed", e);
        } finally {
            generation.release();
        }
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

    private static String validate(SearchQuery query) {
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

    private List<Passage> fused(IndexGeneration generation, Query luceneQuery, String text, SearchQuery query)
            throws IOException {
        int depth = Math.max(50, query.limit() * 4);
        TopDocs lexical = generation.searcher().search(luceneQuery, depth);
        List<String> lexicalIds = new ArrayList<>();
        StoredFields stored = generation.searcher().storedFields();
        for (ScoreDoc sd : lexical.scoreDocs) {
            lexicalIds.add(stored.document(sd.doc, Set.of(ChunkFields.CHUNK_ID)).get(ChunkFields.CHUNK_ID));
        }
        List<String> dense;
        try {
            dense = options.denseRetriever().retrieve(text, depth);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dense retriever failed, using BM25 alone: " + e.getMessage());
            dense = List.of();
        }
        if (dense.isEmpty()) { // not embedded yet, or the model is down: BM25's own ranking and scores
            return passages(generation, Arrays.copyOf(lexical.scoreDocs,
                    Math.min(query.limit(), lexical.scoreDocs.length)));
        }
        Map<String, Double> scores = ReciprocalRankFusion.fuse(List.of(lexicalIds, dense),
                ReciprocalRankFusion.DEFAULT_K);
        List<Passage> result = new ArrayList<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEachOrdered(e -> {
                    if (result.size() < query.limit()) {
                        passageById(generation, e.getKey(), e.getValue().floatValue(), query)
                                .ifPresent(result::add);
                    }
                });
        return result;
    }

    private Optional<Passage> passageById(IndexGeneration generation, String chunkId, float score,
                                          SearchQuery query) {
        try {
            IndexSearcher searcher = generation.searcher();
            TopDocs hit = searcher.search(new TermQuery(new Term(ChunkFields.CHUNK_ID, chunkId)), 1);
            if (hit.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Passage p = toPassage(generation, searcher.storedFields().document(hit.scoreDocs[0].doc), score);
            boolean allowed = (query.documentIds().isEmpty() || query.documentIds().contains(p.document().id()))
                    && (query.kinds().isEmpty() || query.kinds().contains(p.document().kind()));
            return allowed ? Optional.of(p) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Passage> passages(IndexGeneration generation, ScoreDoc[] hits) throws IOException {
        StoredFields stored = generation.searcher().storedFields();
        List<Passage> result = new ArrayList<>(hits.length);
        for (ScoreDoc sd : hits) {
            result.add(toPassage(generation, stored.document(sd.doc), sd.score));
        }
        return result;
    }

    private static Passage toPassage(IndexGeneration generation, Document doc, float score) {
        Chunk chunk = ChunkFields.chunk(doc);
        DocumentMetadata metadata = generation.metadata(chunk.documentId());
        return new Passage(metadata != null ? metadata : ChunkFields.metadata(doc), chunk.id(),
                chunk.sectionPath(), chunk.text(), score);
    }

    // -------------------------------------------------------------------------------------------- documents

    /** Every indexed document with its passage count, ordered by id. */
    public List<DocumentSummary> documents() {
        return current().summaries();
    }

    /** One document with all its passages in order, or empty when no such document is indexed. */
    public Optional<IndexableDocument> document(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        IndexGeneration generation = acquire();
        try {
            DocumentMetadata metadata = generation.metadata(id);
            if (metadata == null) {
                return Optional.empty();
            }
            IndexSearcher searcher = generation.searcher();
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(ChunkFields.DOCUMENT_ID, id)), BooleanClause.Occur.FILTER).build();
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
        } finally {
            generation.release();
        }
    }

    /** What is being served now. */
    public IndexStatus status() {
        IndexGeneration g = current();
        return new IndexStatus(g.name(), g.summaries().size(), g.chunkCount(), g.fingerprint(), g.builtAt(),
                buildLock.isLocked(), lastBuildMillis, lastError);
    }

    // ---------------------------------------------------------------------------------------------- rebuild

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
        long request = requestedBuilds.incrementAndGet();
        buildLock.lock();
        try {
            if (completedBuilds >= request) {
                return status();
            }
            long covers = requestedBuilds.get();
            build(listener == null ? IndexProgress.NONE : listener);
            completedBuilds = covers;
            return status();
        } finally {
            buildLock.unlock();
        }
    }

    private void build(IndexProgress listener) {
        if (closed) {
            throw new IllegalStateException("the knowledge base is closed");
        }
        long start = System.nanoTime();
        String fingerprint = combinedFingerprint();
        List<IndexableDocument> documents = new ArrayList<>();
        boolean complete = true;
        Set<String> seen = new HashSet<>();
        for (DocumentSource source : sources) {
            try {
                for (IndexableDocument doc : source.load()) {
                    if (seen.add(doc.metadata().id())) {
                        documents.add(doc);
                    } else {
                        LOG.warning("Duplicate document id " + doc.metadata().id() + " from " + source.name()
                                + ": skipped");
                    }
                }
            } catch (RuntimeException e) {
                complete = false;
                LOG.log(Level.WARNING, "Source " + source.name() + " failed to load; indexing the others", e);
            }
        }
        // An incomplete build must not look up to date, so the next start tries again.
        String storedFingerprint = complete ? fingerprint : fingerprint + "-incomplete";
        String name = nextGenerationName();
        Path path = indexRoot.resolve(name);
        try {
            writeGeneration(path, documents, storedFingerprint, listener);
            IndexGeneration generation = IndexGeneration.open(path, options.ranking(), false);
            writeCurrent(name);
            IndexGeneration old = current.getAndSet(generation);
            if (old != null) {
                old.retire();
            }
            announcePassages(generation);
            lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
            lastError = "";
            LOG.info(() -> "Knowledge index " + name + " built: " + generation.summaries().size() + " documents, "
                    + generation.chunkCount() + " passages in " + lastBuildMillis + " ms");
            deleteStaleGenerations(name);
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            deleteQuietly(path);
            throw new IndexBuildException("building the knowledge index failed: " + lastError, e);
        }
    }

    private void writeGeneration(Path path, List<IndexableDocument> documents, String fingerprint,
                                 IndexProgress listener) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(IndexGeneration.similarity(options.ranking()));
        try (FSDirectory directory = FSDirectory.open(path); IndexWriter writer = new IndexWriter(directory, config)) {
            int done = 0;
            listener.progress(0, documents.size());
            for (IndexableDocument doc : documents) {
                for (Chunk chunk : doc.chunks()) {
                    writer.addDocument(ChunkFields.toDocument(doc.metadata(), chunk));
                }
                listener.progress(++done, documents.size());
            }
            Map<String, String> userData = new LinkedHashMap<>();
            userData.put(IndexGeneration.FINGERPRINT_KEY, fingerprint);
            userData.put(IndexGeneration.BUILT_AT_KEY, Instant.now().toString());
            writer.setLiveCommitData(userData.entrySet());
            writer.forceMerge(1);
            writer.commit();
        }
    }

    // --------------------------------------------------------------------------------------- index layout

    private String combinedFingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(PIPELINE_VERSION.getBytes(StandardCharsets.UTF_8));
            for (DocumentSource source : sources) {
                sha.update(("\n" + source.name() + "=" + source.fingerprint()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> readCurrent() {
        Path file = indexRoot.resolve(CURRENT_FILE);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.matches("gen-\\d{6}") ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeCurrent(String name) throws IOException {
        Path tmp = indexRoot.resolve(CURRENT_FILE + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, indexRoot.resolve(CURRENT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private String nextGenerationName() {
        int max = 0;
        try (Stream<Path> listing = Files.list(indexRoot)) {
            for (Path p : (Iterable<Path>) listing::iterator) {
                String n = p.getFileName().toString();
                if (n.matches("gen-\\d{6}")) {
                    max = Math.max(max, Integer.parseInt(n.substring(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("gen-%06d", max + 1);
    }

    private void deleteStaleGenerations(String keep) {
        try (Stream<Path> listing = Files.list(indexRoot)) {
            listing.filter(p -> p.getFileName().toString().startsWith("gen-"))
                    .filter(p -> !p.getFileName().toString().equals(keep))
                    .forEach(KnowledgeBase::deleteQuietly);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not list " + indexRoot, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not delete " + p, e);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete " + dir, e);
        }
    }

    private IndexGeneration current() {
        IndexGeneration g = current.get();
        if (g == null || closed) {
            throw new IllegalStateException("the knowledge base is closed");
        }
        return g;
    }

    private IndexGeneration acquire() {
        while (true) {
            IndexGeneration g = current();
            if (g.tryAcquire()) {
                return g;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        IndexGeneration g = current.getAndSet(null);
        if (g != null) {
            g.retire();
        }
    }

    /** A build of the index failed; the previous generation (if any) keeps serving. */
    public static final class IndexBuildException extends RuntimeException {
        public IndexBuildException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
