package vn.trolyso.server.documents;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.ingest.DocumentIds;
import vn.trolyso.knowledge.ingest.InboxScanner;
import vn.trolyso.knowledge.ingest.IngestException;
import vn.trolyso.knowledge.ingest.StoredDocument;
import vn.trolyso.knowledge.ingest.UploadRequest;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;

/**
 * The document administration (admin token on every route): {@code POST /documents} (multipart upload),
 * {@code DELETE /documents/{id}}, {@code POST /documents/reindex} and {@code GET /documents/indexing}. Changes are
 * stored at once and indexed by the background indexer; searches keep being served meanwhile. The listing
 * {@code GET /documents} stays in the search service (portal scope).
 */
public final class DocumentsAdminService {
    private final DocumentIngestion documents;
    private final Supplier<Optional<KnowledgeBase>> knowledgeBase;

    /** @param knowledgeBase the knowledge base once loaded */
    public DocumentsAdminService(DocumentIngestion documents, Supplier<Optional<KnowledgeBase>> knowledgeBase) {
        this.documents = documents;
        this.knowledgeBase = knowledgeBase;
    }

    /** Every route is the administrator's (the admin token is checked before the handler runs). */
    public void routes(Routes routes) {
        routes.post("/documents", RouteAccess.admin(), this::upload)
                .post("/documents/reindex", RouteAccess.admin(), this::reindex)
                .get("/documents/indexing", RouteAccess.admin(), this::indexing)
                .delete("/documents/{id}", RouteAccess.admin(), this::delete)
                .refuseOtherMethods("/documents/reindex", "/documents/indexing", "/documents/{id}");
    }

    private DocumentIngestion ingestion() {
        return documents;
    }

    /** A loaded knowledge base (a change made before it loads could be missed), after the admin token. */
    private KnowledgeBase loadedKnowledgeBase() {
        return knowledgeBase.get().orElseThrow(ApiErrors::notReady);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        loadedKnowledgeBase();
        UploadRequest request;
        try (MultipartForm form = MultipartForm.read(req, ingestion().maxUploadBytes())) {
            request = UploadForm.from(form);
        }
        UploadedDocumentStore.Added added;
        try {
            added = ingestion().store().add(request);
        } catch (IngestException e) {
            throw IngestErrors.toApi(e);
        }
        StoredDocument doc = added.document();
        List<String> guessed = UploadForm.blankFields(request).stream()
                .filter(f -> !value(doc, f).isBlank() && !added.kept().contains(f)).toList();
        ingestion().indexer().request((added.replaced() ? "replace " : "upload ") + doc.id());
        Json.send(res, Status.CREATED_201, new DocumentJson.Uploaded(
                DocumentJson.stored(doc, added.replaced(), guessed, added.kept()), indexingStatus()));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        KnowledgeBase kb = loadedKnowledgeBase();
        String id = req.path().pathParameters().get("id");
        if (!ingestion().store().delete(id)) {
            if (!id.startsWith(DocumentIds.PREFIX) && kb.document(id).isPresent()) {
                throw new ApiException(Status.CONFLICT_409, "bundled_document",
                        "Tài liệu “" + id + "” có sẵn trong hệ thống, không phải tài liệu trường tải lên, nên không"
                                + " xóa được.");
            }
            throw ApiErrors.notFound("unknown_document", "Không tìm thấy tài liệu đã tải lên có mã “" + id + "”.");
        }
        ingestion().indexer().request("delete " + id);
        Json.send(res, new DocumentJson.Deleted(id, true, indexingStatus()));
    }

    /** Ingests the inbox, then rebuilds the index (even when nothing changed: the administrator asked for it). */
    private void reindex(ServerRequest req, ServerResponse res) {
        loadedKnowledgeBase();
        InboxScanner.Result inbox = ingestion().scanInbox();
        ingestion().indexer().request("manual");
        Json.send(res, Status.ACCEPTED_202, new DocumentJson.Reindex(indexingStatus(),
                new DocumentJson.Inbox(inbox.stored(), inbox.rejected())));
    }

    private void indexing(ServerRequest req, ServerResponse res) {
        loadedKnowledgeBase();
        Json.send(res, new DocumentJson.IndexingOnly(indexingStatus()));
    }

    private DocumentJson.Indexing indexingStatus() {
        return DocumentJson.indexing(ingestion().indexer().status(), knowledgeBase.get());
    }

    private static String value(StoredDocument d, String field) {
        return switch (field) {
            case "title" -> d.metadata().title();
            case "issuer" -> d.metadata().issuer();
            case "date" -> d.metadata().date();
            case "type" -> d.metadata().type().equals(UploadedDocumentStore.DEFAULT_TYPE) ? "" : d.metadata().type();
            default -> "";
        };
    }
}
