package vn.trolyso.knowledge.search.dense;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.knowledge.search.DenseRetriever;
import vn.trolyso.knowledge.search.TextEmbedder;

/**
 * Semantic search over the served passages with an embedding model: every passage is embedded once (in the
 * background, cached on disk by text), a query is embedded at search time and the passages are ranked by cosine.
 * Brute force over normalised vectors: a school's few thousand passages take well under a millisecond, so an
 * approximate index would only add a build step.
 *
 * <p>Until every passage is embedded it ranks those it has. After the model failed (embedding passages or a
 * question) it returns nothing and calls nothing, so the knowledge base answers from BM25 alone, until a search
 * made {@link #RETRY_AFTER} later has scheduled a new embedding run that succeeded. Thread-safe.
 */
public final class EmbeddingRetriever implements DenseRetriever, AutoCloseable {
    /** Passages per embedding request: big enough to amortise the call, small enough to stay under time-outs. */
    static final int BATCH = 16;
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(EmbeddingRetriever.class.getName());

    /** How far the embedding of the served passages has got. */
    public record Coverage(String model, int embedded, int passages, String lastError) {
        public boolean complete() {
            return embedded == passages;
        }
    }

    private record Snapshot(String[] ids, float[][] vectors) {
        static final Snapshot EMPTY = new Snapshot(new String[0], new float[0][]);
    }

    private final TextEmbedder embedder;
    private final EmbeddingCache cache;
    private final LongSupplier nanoClock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "embeddings");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private volatile Map<String, String> passages = Map.of();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile String lastError = "";
    private volatile long lastFailureNanos;
    private volatile boolean failed;

    /**
     * @param embedder the model
     * @param cacheDir where the vectors are kept between runs (one file per model); null = memory only
     */
    public EmbeddingRetriever(TextEmbedder embedder, Path cacheDir) {
        this(embedder, cacheDir, System::nanoTime);
    }

    EmbeddingRetriever(TextEmbedder embedder, Path cacheDir, LongSupplier nanoClock) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.cache = new EmbeddingCache(embedder.model(),
                cacheDir == null ? null : EmbeddingCache.fileFor(cacheDir, embedder.model()));
        this.nanoClock = nanoClock;
    }

    @Override
    public void passagesChanged(Map<String, String> served) {
        passages = Collections.unmodifiableMap(new LinkedHashMap<>(served)); // index order
        scheduleSync();
    }

    @Override
    public List<String> retrieve(String query, int limit) {
        Snapshot s = snapshot;
        if (failed) {
            // The model failed recently: no call per search (it could hang for its time-out) until a retry ran.
            if (nanoClock.getAsLong() - lastFailureNanos >= RETRY_AFTER.toNanos()) {
                scheduleSync();
            }
            return List.of();
        }
        if (s.ids().length == 0 || limit < 1) {
            return List.of();
        }
        float[] q;
        try {
            q = normalised(embedder.embed(List.of(query)).getFirst());
        } catch (RuntimeException e) {
            recordFailure(e);
            throw e;
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(); // the worst of the best on top
        for (int i = 0; i < s.ids().length; i++) {
            float[] v = s.vectors()[i];
            if (v.length != q.length) {
                continue;
            }
            double cosine = 0;
            for (int j = 0; j < v.length; j++) {
                cosine += q[j] * v[j];
            }
            if (best.size() < limit) {
                best.add(new Scored(i, cosine));
            } else if (cosine > best.peek().score()) {
                best.poll();
                best.add(new Scored(i, cosine));
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(null);
        return ranked.reversed().stream().map(sc -> s.ids()[sc.index()]).toList();
    }

    private record Scored(int index, double score) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored o) {
            return Double.compare(score, o.score);
        }
    }

    /** Embedded passages against served ones, and the last failure ("" when the last run succeeded). */
    public Coverage coverage() {
        return new Coverage(embedder.model(), snapshot.ids().length, passages.size(), lastError);
    }

    /**
     * Waits until the embedding work queued so far has run (the evaluation and tests use it).
     *
     * @return the coverage then
     */
    public Coverage awaitEmbedded(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return coverage();
    }

    private void scheduleSync() {
        if (syncQueued.compareAndSet(false, true)) {
            try {
                worker.submit(this::sync);
            } catch (RejectedExecutionException e) {
                syncQueued.set(false); // closed
            }
        }
    }

    /** Embeds the served passages the cache lacks, then serves every served passage that has a vector. */
    private void sync() {
        syncQueued.set(false);
        Map<String, String> target = passages;
        Map<String, String> keyById = new LinkedHashMap<>();
        List<Map.Entry<String, String>> missing = new ArrayList<>();
        for (Map.Entry<String, String> p : target.entrySet()) {
            String key = cache.key(p.getValue());
            keyById.put(p.getKey(), key);
            if (cache.get(key) == null) {
                missing.add(Map.entry(key, p.getValue()));
            }
        }
        long start = System.nanoTime();
        boolean ok = true;
        for (int from = 0; from < missing.size() && ok; from += BATCH) {
            List<Map.Entry<String, String>> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            try {
                List<float[]> vectors = embedder.embed(batch.stream().map(Map.Entry::getValue).toList());
                for (int i = 0; i < batch.size(); i++) {
                    cache.put(batch.get(i).getKey(), normalised(vectors.get(i)));
                }
            } catch (RuntimeException e) {
                ok = false;
                recordFailure(e);
                LOG.log(Level.WARNING, "Embedding passages with " + embedder.model() + " failed (" + lastError
                        + "); search uses BM25 alone until a retry succeeds (after " + RETRY_AFTER.toSeconds() + " s)");
            }
        }
        failed = !ok;
        if (ok) {
            lastError = "";
            cache.retainOnly(new HashSet<>(keyById.values()));
        }
        publish(keyById);
        if (!missing.isEmpty()) {
            cache.save();
            Coverage c = coverage();
            LOG.info(() -> "Semantic search (" + c.model() + "): " + c.embedded() + "/" + c.passages()
                    + " passages embedded, " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    private void recordFailure(RuntimeException e) {
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        lastFailureNanos = nanoClock.getAsLong();
        failed = true;
    }

    /** Serves every passage (id → cache key) that has a vector. */
    private void publish(Map<String, String> keyById) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        keyById.forEach((id, key) -> {
            float[] v = cache.get(key);
            if (v != null) {
                ids.add(id);
                vectors.add(v);
            }
        });
        snapshot = new Snapshot(ids.toArray(String[]::new), vectors.toArray(float[][]::new));
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            return v.clone();
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
