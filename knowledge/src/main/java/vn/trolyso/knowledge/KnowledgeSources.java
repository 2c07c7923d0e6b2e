package vn.trolyso.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.trolyso.knowledge.document.BundledCorpusSource;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.SectionChunker;
import vn.trolyso.knowledge.framework.FrameworkSource;
import vn.trolyso.knowledge.ingest.DocumentExtractor;
import vn.trolyso.knowledge.ingest.IngestLimits;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;
import vn.trolyso.knowledge.materials.MaterialsSource;

/**
 * The one place that lists what the knowledge base indexes. Each area adds its source here: the bundled corpus
 * (knowledge), the competency framework passages (framework), the training materials (learning), the school's
 * uploads under {@code dataDir} (admin).
 */
public final class KnowledgeSources {
    private KnowledgeSources() {
    }

    /** The school's uploaded documents under {@code <dataDir>/documents/}, chunked like the bundled corpus. */
    public static UploadedDocumentStore uploads(Path dataDir, IngestLimits limits) {
        return new UploadedDocumentStore(dataDir, new DocumentExtractor(limits), SectionChunker::chunk);
    }

    /**
     * The default sources of a running service.
     *
     * @param dataDir the service's data directory (uploads live under it)
     */
    public static List<DocumentSource> defaults(Path dataDir) {
        return defaults(dataDir, dataDir == null ? null : uploads(dataDir, IngestLimits.defaults()));
    }

    /**
     * The default sources with a given upload store, so the service indexes the very store its admin API writes to.
     *
     * @param uploads the school's document store, or null for none
     */
    public static List<DocumentSource> defaults(Path dataDir, UploadedDocumentStore uploads) {
        List<DocumentSource> sources = new ArrayList<>();
        sources.add(new BundledCorpusSource());
        sources.add(FrameworkSource.bundled());
        sources.add(new MaterialsSource(dataDir));
        if (uploads != null) {
            sources.add(uploads);
        }
        return List.copyOf(sources);
    }
}
