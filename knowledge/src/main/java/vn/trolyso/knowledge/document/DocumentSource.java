package vn.trolyso.knowledge.document;

import java.util.List;

/**
 * One origin of indexable content: the bundled corpus, the competency framework, the learning materials, the
 * school's uploads. The knowledge base indexes the union of its sources and rebuilds when any fingerprint changes.
 */
public interface DocumentSource {
    /** Short name for logs and errors, e.g. "bundled-corpus". */
    String name();

    /**
     * A content hash of everything this source would load (file names, sizes, contents, format version). Cheap
     * compared with {@link #load()}; equal fingerprints mean an identical index.
     */
    String fingerprint();

    /** Loads and chunks the documents. A malformed item is reported and skipped; it does not fail the others. */
    List<IndexableDocument> load();
}
