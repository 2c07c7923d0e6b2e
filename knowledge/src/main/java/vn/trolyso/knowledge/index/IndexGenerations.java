package vn.trolyso.knowledge.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import vn.trolyso.knowledge.IndexBuildException;
import vn.trolyso.knowledge.IndexProgress;
import vn.trolyso.knowledge.IndexStatus;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;

/**
 * The live index generation of a set of sources and its replacement: reused at start while the combined
 * fingerprint of the sources (and of this analysis pipeline) is unchanged, rebuilt when the sources changed or the
 * index is missing or fails its checksum check. A build writes a new generation and then switches to it atomically,
 * so a half-written index is never served and readers continue on the old generation meanwhile. Thread-safe.
 */
public final class IndexGenerations implements AutoCloseable {
    /** Bump when cleaning, chunking or analysis changes: a changed pipeline rebuilds existing indexes. */
    static final String PIPELINE_VERSION = "knowledge-pipeline-6";
    private static final Logger LOG = Logger.getLogger(IndexGenerations.class.getName());

    private final GenerationFiles files;
    private final List<DocumentSource> sources;
    private final Ranking ranking;
    private final Analyzer analyzer;
    private final Consumer<IndexGeneration> onServed;
    private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
    private final ReentrantLock buildLock = new ReentrantLock();
    private final AtomicLong requestedBuilds = new AtomicLong();
    private volatile long completedBuilds;
    private volatile long lastBuildMillis;
    private volatile String lastError = "";
    private volatile boolean closed;

    /**
     * @param root     the index root ({@code <dataDir>/index})
     * @param onServed told of each generation that starts being served (opened at start or freshly built)
     */
    private IndexGenerations(Path root, List<DocumentSource> sources, Ranking ranking, Analyzer analyzer,
                             Consumer<IndexGeneration> onServed) {
        this.files = new GenerationFiles(root);
        this.sources = List.copyOf(sources);
        this.ranking = ranking;
        this.analyzer = analyzer;
        this.onServed = onServed;
    }

    /** Opens the live generation under {@code root}, building one when none is usable and up to date. */
    public static IndexGenerations open(Path root, List<DocumentSource> sources, Ranking ranking, Analyzer analyzer,
                                        Consumer<IndexGeneration> onServed) {
        IndexGenerations generations = new IndexGenerations(root, sources, ranking, analyzer, onServed);
        generations.start();
        return generations;
    }

    private void start() {
        files.createRoot();
        String fingerprint = combinedFingerprint();
        Optional<String> live = files.readCurrent();
        if (live.isPresent()) {
            try {
                IndexGeneration generation = IndexGeneration.open(files.root().resolve(live.get()), ranking, true);
                if (generation.fingerprint().equals(fingerprint)) {
                    current.set(generation);
                    onServed.accept(generation);
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
            files.deleteStaleGenerations(current.get().name());
        }
    }

    /**
     * Runs {@code read} on the live generation, holding a reference so that a concurrent switch does not close it
     * underneath.
     */
    public <T> T read(Function<IndexGeneration, T> read) {
        IndexGeneration generation = acquire();
        try {
            return read.apply(generation);
        } finally {
            generation.release();
        }
    }

    /** The live generation, for reading what it holds in memory (no Lucene access). */
    public IndexGeneration current() {
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

    /** What is being served now. */
    public IndexStatus status() {
        IndexGeneration g = current();
        return new IndexStatus(g.name(), g.summaries().size(), g.chunkCount(), g.fingerprint(), g.builtAt(),
                buildLock.isLocked(), lastBuildMillis, lastError);
    }

    /**
     * Re-reads every source and writes a new generation while readers continue on the current one, then switches
     * to it atomically. Single-flight: concurrent calls wait for one build that started after their call (so a
     * document added just before calling is always included), never run builds side by side.
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
        boolean complete = loadAll(documents);
        // An incomplete build must not look up to date, so the next start tries again.
        String storedFingerprint = complete ? fingerprint : fingerprint + "-incomplete";
        String name = files.nextGenerationName();
        Path path = files.root().resolve(name);
        try {
            GenerationFiles.write(path, documents, storedFingerprint, analyzer, ranking, listener);
            IndexGeneration generation = IndexGeneration.open(path, ranking, false);
            files.writeCurrent(name);
            IndexGeneration old = current.getAndSet(generation);
            if (old != null) {
                old.retire();
            }
            onServed.accept(generation);
            lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
            lastError = "";
            LOG.info(() -> "Knowledge index " + name + " built: " + generation.summaries().size() + " documents, "
                    + generation.chunkCount() + " passages in " + lastBuildMillis + " ms");
            files.deleteStaleGenerations(name);
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            GenerationFiles.deleteQuietly(path);
            throw new IndexBuildException("building the knowledge index failed: " + lastError, e);
        }
    }

    /** Loads every source's documents into {@code documents} (first id wins); false when a source failed. */
    private boolean loadAll(List<IndexableDocument> documents) {
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
        return complete;
    }

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

    @Override
    public void close() {
        closed = true;
        IndexGeneration g = current.getAndSet(null);
        if (g != null) {
            g.retire();
        }
    }
}
