package vn.trolyso.server.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.DocumentSummary;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.ingest.DocumentIds;
import vn.trolyso.knowledge.ingest.StoredDocument;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;

/**
 * {@code GET /documents}: the indexed documents (the original fields), each with its origin — {@code bundled} with the
 * service or {@code uploaded} by the school (then also format, size, upload time) — and a {@code status}:
 * {@code indexed}, {@code pending} (stored, waiting for the background rebuild) or {@code removing} (deleted, still
 * in the live index until the rebuild ends).
 */
public final class DocumentListing {
    private DocumentListing() {
    }

    /** One document of the list; {@code format}, {@code sizeBytes} and {@code uploadedAt} only for uploads. */
    public record Listed(String documentId, String title, String issuer, String place, String date, String type,
                         String kind, String source, int chunkCount, String origin, String status,
                         @JsonInclude(Include.NON_NULL) String format,
                         @JsonInclude(Include.NON_NULL) Long sizeBytes,
                         @JsonInclude(Include.NON_NULL) String uploadedAt) {
    }

    public static List<Listed> list(KnowledgeBase kb, UploadedDocumentStore store) {
        Map<String, StoredDocument> uploads = store.list().stream()
                .collect(Collectors.toMap(StoredDocument::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Listed> out = new ArrayList<>();
        for (DocumentSummary s : kb.documents()) {
            StoredDocument upload = uploads.remove(s.metadata().id());
            boolean uploaded = upload != null || s.metadata().id().startsWith(DocumentIds.PREFIX);
            out.add(listed(s.metadata(), s.chunkCount(), uploaded ? "uploaded" : "bundled",
                    uploaded && upload == null ? "removing" : "indexed", upload));
        }
        for (StoredDocument upload : uploads.values()) {
            out.add(listed(upload.metadata(), 0, "uploaded", "pending", upload));
        }
        return out;
    }

    private static Listed listed(DocumentMetadata d, int chunkCount, String origin, String status, StoredDocument up) {
        return new Listed(d.id(), d.title(), d.issuer(), d.place(), d.date(), d.type(),
                d.kind().name().toLowerCase(Locale.ROOT), d.source(), chunkCount, origin, status,
                up == null ? null : DocumentJson.format(up), up == null ? null : up.sizeBytes(),
                up == null ? null : up.uploadedAt());
    }
}
