package vn.trolyso.server.documents;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.ingest.BackgroundIndexer;
import vn.trolyso.knowledge.ingest.InboxScanner;
import vn.trolyso.knowledge.ingest.IngestLimits;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;

/**
 * The school's document store, the inbox beside it and the one background indexer that rebuilds the knowledge base
 * after a change. There is one instance per service: the knowledge base indexes this very store, and the admin API
 * writes to it.
 */
public final class DocumentIngestion implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DocumentIngestion.class.getName());

    private final UploadedDocumentStore store;
    private final InboxScanner inbox;
    private final BackgroundIndexer indexer;
    private final int maxUploadBytes;

    /**
     * @param dataDir        the service's data directory ({@code documents/} and {@code inbox/} live under it)
     * @param maxUploadBytes the largest accepted file
     * @param knowledgeBase  the knowledge base once loaded (rebuilds fail while it is not)
     */
    public DocumentIngestion(Path dataDir, int maxUploadBytes, Supplier<Optional<KnowledgeBase>> knowledgeBase) {
        this.maxUploadBytes = maxUploadBytes;
        this.store = KnowledgeSources.uploads(dataDir, IngestLimits.defaults().withMaxFileBytes(maxUploadBytes));
        this.inbox = new InboxScanner(dataDir, store);
        this.indexer = new BackgroundIndexer(progress -> knowledgeBase.get()
                .orElseThrow(() -> new IllegalStateException("the knowledge base is not loaded yet"))
                .rebuild(progress::update));
    }

    public UploadedDocumentStore store() {
        return store;
    }

    public BackgroundIndexer indexer() {
        return indexer;
    }

    public int maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Ingests what waits in the inbox and, when anything was stored, asks for a rebuild. */
    public InboxScanner.Result scanInbox() {
        InboxScanner.Result result = inbox.scan();
        if (result.changed()) {
            indexer.request("inbox " + String.join(", ", result.stored()));
        }
        return result;
    }

    /** The start-up scan: a failure is logged, never fatal (the service runs on without the inbox). */
    public void scanInboxAtStart() {
        try {
            scanInbox();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scanning the inbox failed", e);
        }
    }

    @Override
    public void close() {
        indexer.close();
    }
}
