package vn.trolyso.server.sharing;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;
import vn.trolyso.server.learning.MaterialCatalogue;

/**
 * Keeps one node's documents and learning modules in step with the {@link SharedSources} of its database: publishes
 * each upload, replacement and deletion made on this node, and polls the shared generation every
 * {@link #POLL_INTERVAL} to pull what other nodes changed, then asks for a rebuild of this node's own index (one at a
 * time: the node's background indexer). A node that starts late pulls everything before its index is first built; the
 * first node on a new shared database publishes what it already has (a school's install moving to PostgreSQL).
 */
public final class SourceSync implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SourceSync.class.getName());
    /** How often the generation is read: one indexed query, so changes reach every node well within 10 s. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final SharedSources shared;
    private final UploadedDocumentStore documents;
    private final MaterialCatalogue materials;
    private final BooleanSupplier indexLoaded;
    private final Consumer<String> requestRebuild;
    private final ScheduledExecutorService poller;
    private volatile long seen = -1;
    private volatile boolean rebuildPending;
    private volatile boolean failing;

    private SourceSync(SharedSources shared, UploadedDocumentStore documents, MaterialCatalogue materials,
                       BooleanSupplier indexLoaded, Consumer<String> requestRebuild) {
        this.shared = shared;
        this.documents = documents;
        this.materials = materials;
        this.indexLoaded = indexLoaded;
        this.requestRebuild = requestRebuild;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trolyso-source-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Brings this node up to the shared sources (or seeds them), hooks the stores' changes and starts polling.
     *
     * @param indexLoaded    whether the node's index is loaded (before, the first build will read the pulled files)
     * @param requestRebuild asks the node's background indexer for a rebuild, with the reason
     */
    public static SourceSync start(SharedSources shared, UploadedDocumentStore documents, MaterialCatalogue materials,
                                   BooleanSupplier indexLoaded, Consumer<String> requestRebuild) {
        SourceSync sync = new SourceSync(shared, documents, materials, indexLoaded, requestRebuild);
        if (shared.generation() == 0) { // nothing was ever published (an emptied store has a later generation)
            Set<String> local = new HashSet<>();
            for (String folder : SharedSources.folders()) {
                if (!shared.localFiles(folder).isEmpty()) {
                    local.add(folder);
                }
            }
            if (!local.isEmpty()) {
                LOG.info(() -> "The shared sources are empty: publishing this node's " + local);
                shared.publish(local);
            }
        }
        sync.pullIfChanged();
        documents.onChange(id -> shared.publish(Set.of(SharedSources.DOCUMENTS + "/" + id)));
        materials.onChange(names -> shared.publish(names.stream().map(n -> SharedSources.MATERIALS + "/" + n)
                .collect(Collectors.toSet())));
        long millis = POLL_INTERVAL.toMillis();
        sync.poller.scheduleWithFixedDelay(sync::poll, millis, millis, TimeUnit.MILLISECONDS);
        return sync;
    }

    private void poll() {
        if (shared.closed()) { // the services closed their database (or only it): nothing left to follow
            poller.shutdown();
            return;
        }
        try {
            pullIfChanged();
            if (failing) {
                failing = false;
                LOG.info("Reading the shared sources works again");
            }
            if (rebuildPending && indexLoaded.getAsBoolean()) {
                rebuildPending = false;
                requestRebuild.accept("shared sources, generation " + seen);
            }
        } catch (RuntimeException e) {
            if (!failing && !shared.closed()) { // one line per outage, not one stack trace a second
                failing = true;
                LOG.warning("Reading the shared sources failed, trying again every " + POLL_INTERVAL.toSeconds()
                        + " s: " + e.getMessage());
            }
        }
    }

    /** Pulls when the generation moved since the last pull; a change is indexed now or once the index is loaded. */
    void pullIfChanged() {
        long generation = shared.generation(); // read first: a change published during the pull is seen next time
        if (generation == seen) {
            return;
        }
        SharedSources.Pulled docs = documents.exclusively(() -> shared.pull(SharedSources.DOCUMENTS));
        // Recorded before the modules pull: if that one fails, the documents already on disk are still indexed
        // (the next poll finds them equal to the shared copy and would not ask again).
        if (!docs.changed().isEmpty()) {
            rebuildPending = true;
        }
        SharedSources.Pulled modules = materials.exclusively(() -> shared.pull(SharedSources.MATERIALS));
        seen = generation;
        if (!docs.changed().isEmpty() || !modules.changed().isEmpty()) {
            LOG.info(() -> "Pulled shared sources at generation " + generation + ": " + docs.changed() + " "
                    + modules.changed());
            rebuildPending = true;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
