package vn.trolyso.server.documents;

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

    public static List<Map<String, Object>> list(KnowledgeBase kb, UploadedDocumentStore store) {
        Map<String, StoredDocument> uploads = store.list().stream()
                .collect(Collectors.toMap(StoredDocument::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Map<String, Object>> out = new ArrayList<>();
        for (DocumentSummary s : kb.documents()) {
            StoredDocument upload = uploads.remove(s.metadata().id());
            boolean uploaded = upload != null || s.metadata().id().startsWith(DocumentIds.PREFIX);
            Map<String, Object> m = indexed(s.metadata(), s.chunkCount());
            m.put("origin", uploaded ? "uploaded" : "bundled");
            m.put("status", uploaded && upload == null ? "removing" : "indexed");
            if (upload != null) {
                uploadFields(m, upload);
            }
            out.add(m);
        }
        for (StoredDocument upload : uploads.values()) {
            Map<String, Object> m = indexed(upload.metadata(), 0);
            m.put("origin", "uploaded");
            m.put("status", "pending");
            uploadFields(m, upload);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> indexed(DocumentMetadata d, int chunkCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documentId", d.id());
        m.put("title", d.title());
        m.put("issuer", d.issuer());
        m.put("place", d.place());
        m.put("date", d.date());
        m.put("type", d.type());
        m.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        m.put("source", d.source());
        m.put("chunkCount", chunkCount);
        return m;
    }

    private static void uploadFields(Map<String, Object> m, StoredDocument d) {
        m.put("format", DocumentJson.format(d));
        m.put("sizeBytes", d.sizeBytes());
        m.put("uploadedAt", d.uploadedAt());
    }
}
