package vn.trolyso.server.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.ingest.BackgroundIndexer;
import vn.trolyso.knowledge.ingest.StoredDocument;

/** The response bodies of the document administration API (openapi.yaml UploadedDocument, IndexingStatus). */
public final class DocumentJson {
    private DocumentJson() {
    }

    /**
     * An uploaded document as stored; {@code guessed} lists the metadata fields read from the text, {@code kept} those
     * left blank and kept from the version it replaced.
     */
    record Stored(String id, String title, String issuer, String place, String date, String type, String fileName,
                  String format, long sizeBytes, int characters, String uploadedAt, boolean replaced,
                  List<String> guessed, List<String> kept) {
    }

    /** What the background indexer is doing, plus what the live index holds (when one is loaded). */
    public record Indexing(String state, int done, int total, String reason, String startedAt, String finishedAt,
                           long lastDurationMs, String lastError, long completedRuns,
                           @JsonInclude(Include.NON_NULL) Integer documents,
                           @JsonInclude(Include.NON_NULL) Integer passages) {
    }

    /** {@code POST /admin/documents} (201). */
    record Uploaded(Stored document, Indexing indexing) {
    }

    /** {@code DELETE /admin/documents/{id}}. */
    record Deleted(String documentId, boolean deleted, Indexing indexing) {
    }

    /** {@code GET /admin/indexing}. */
    record IndexingOnly(Indexing indexing) {
    }

    /** {@code POST /admin/reindex} (202): what the inbox scan stored and rejected. */
    record Reindex(Indexing indexing, Inbox inbox) {
    }

    record Inbox(List<String> stored, List<String> rejected) {
    }

    static Stored stored(StoredDocument d, boolean replaced, List<String> guessed, List<String> kept) {
        DocumentMetadata meta = d.metadata();
        return new Stored(meta.id(), meta.title(), meta.issuer(), meta.place(), meta.date(), meta.type(),
                meta.source(), format(d), d.sizeBytes(), d.characters(), d.uploadedAt(), replaced, guessed, kept);
    }

    static String format(StoredDocument d) {
        return d.format().name().toLowerCase(Locale.ROOT);
    }

    public static Indexing indexing(BackgroundIndexer.Status s, Optional<KnowledgeBase> kb) {
        return new Indexing(s.state(), s.done(), s.total(), s.reason(), instant(s.startedAt()),
                instant(s.finishedAt()), s.lastDurationMs(), s.lastError(), s.completedRuns(),
                kb.map(k -> k.status().documents()).orElse(null), kb.map(k -> k.status().chunks()).orElse(null));
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
