package vn.trolyso.knowledge.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import vn.trolyso.knowledge.DocumentSummary;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.text.AbbreviationMiner;
import vn.trolyso.knowledge.text.Abbreviations;
import vn.trolyso.knowledge.text.PlaceInitials;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;

/**
 * One immutable, fully written index generation ({@code <dataDir>/index/gen-NNNNNN}) opened for searching, with
 * the per-document metadata read once. Searches hold a reference ({@link #tryAcquire()}/{@link #release()}); a
 * retired generation closes when its last search finishes.
 */
public final class IndexGeneration {
    public static final String FINGERPRINT_KEY = "trolyso.fingerprint";
    public static final String BUILT_AT_KEY = "trolyso.builtAt";

    private final String name;
    private final Path path;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String fingerprint;
    private final Instant builtAt;
    private final Map<String, DocumentMetadata> metadata;
    private final List<DocumentSummary> summaries;
    private final int chunkCount;
    private final Abbreviations abbreviations;

    private IndexGeneration(Path path, Directory directory, DirectoryReader reader, Ranking ranking)
            throws IOException {
        this.name = path.getFileName().toString();
        this.path = path;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(similarity(ranking));
        Map<String, String> userData = reader.getIndexCommit().getUserData();
        this.fingerprint = userData.getOrDefault(FINGERPRINT_KEY, "");
        this.builtAt = userData.containsKey(BUILT_AT_KEY) ? Instant.parse(userData.get(BUILT_AT_KEY)) : Instant.EPOCH;
        Map<String, DocumentMetadata> meta = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int chunks = 0;
        List<String> texts = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader lr = leaf.reader();
            Bits live = lr.getLiveDocs();
            StoredFields stored = lr.storedFields();
            for (int i = 0; i < lr.maxDoc(); i++) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                Document doc = stored.document(i);
                DocumentMetadata m = ChunkFields.metadata(doc);
                meta.putIfAbsent(m.id(), m);
                counts.merge(m.id(), 1, Integer::sum);
                chunks++;
                texts.add(doc.get(ChunkFields.TEXT));
            }
        }
        this.metadata = Map.copyOf(meta);
        List<DocumentSummary> list = new ArrayList<>();
        meta.values().forEach(m -> list.add(new DocumentSummary(m, counts.get(m.id()))));
        list.sort(Comparator.comparing(s -> s.metadata().id()));
        this.summaries = List.copyOf(list);
        this.chunkCount = chunks;
        this.abbreviations = ranking.learnAbbreviations()
                ? Abbreviations.defaults().withLearned(AbbreviationMiner.learn(texts))
                        .withLearned(PlaceInitials.learn(meta.values().stream().map(DocumentMetadata::issuer).toList()))
                : Abbreviations.defaults();
        reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
    }

    /**
     * The BM25 similarity of the search fields: the bigram fields have their own k1 and b (a bigram repeated in a
     * passage is stronger evidence than a repeated syllable, and bigram counts grow differently with length).
     * Norms do not depend on k1 and b, so changing them needs no rebuild.
     */
    public static Similarity similarity(Ranking ranking) {
        BM25Similarity syllables = new BM25Similarity(ranking.k1(), ranking.b());
        BM25Similarity bigrams = new BM25Similarity(ranking.bigramK1(), ranking.bigramB());
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String field) {
                return VietnameseAnalyzers.EXACT_BIGRAMS.equals(field)
                        || VietnameseAnalyzers.FOLDED_BIGRAMS.equals(field) ? bigrams : syllables;
            }
        };
    }

    /**
     * Opens a generation for searching.
     *
     * @param verify run Lucene's checksum check of every file first (a corrupt or half-written index fails here)
     * @throws IOException when the generation is missing, unreadable or corrupt
     */
    public static IndexGeneration open(Path path, Ranking ranking, boolean verify) throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            if (verify) {
                try (CheckIndex check = new CheckIndex(directory)) {
                    check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
                    CheckIndex.Status status = check.checkIndex();
                    if (!status.clean) {
                        throw new IOException("index " + path.getFileName() + " failed its checksum check");
                    }
                }
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            try {
                return new IndexGeneration(path, directory, reader, ranking);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Takes a reference for one search; false when the generation was already closed. */
    public boolean tryAcquire() {
        return reader.tryIncRef();
    }

    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            // closing a retired generation failed: nothing a search can do about it
        }
    }

    /** Drops the owner's reference: the generation closes once running searches are done. */
    public void retire() {
        release();
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public DocumentMetadata metadata(String documentId) {
        return metadata.get(documentId);
    }

    public List<DocumentSummary> summaries() {
        return summaries;
    }

    /** The bundled abbreviations plus those this generation's documents define ("Cán bộ quản lý (CBQL)"). */
    public Abbreviations abbreviations() {
        return abbreviations;
    }

    public int chunkCount() {
        return chunkCount;
    }

    /**
     * Every passage's id and the text its search fields see ({@link ChunkFields#searchableText}), in index order:
     * what a dense retriever embeds. Reads all stored fields, so it is only called when one is configured.
     */
    public Map<String, String> searchableTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader lr = leaf.reader();
            Bits live = lr.getLiveDocs();
            StoredFields stored = lr.storedFields();
            for (int i = 0; i < lr.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    Document doc = stored.document(i);
                    texts.put(doc.get(ChunkFields.CHUNK_ID),
                            ChunkFields.searchableText(ChunkFields.metadata(doc), ChunkFields.chunk(doc)));
                }
            }
        }
        return texts;
    }

    public Directory directory() {
        return directory;
    }
}
