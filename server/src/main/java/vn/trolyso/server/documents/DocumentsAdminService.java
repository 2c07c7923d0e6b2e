package vn.trolyso.server.documents;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.ingest.DocumentIds;
import vn.trolyso.knowledge.ingest.InboxScanner;
import vn.trolyso.knowledge.ingest.IngestException;
import vn.trolyso.knowledge.ingest.StoredDocument;
import vn.trolyso.knowledge.ingest.UploadRequest;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.AdminAuth;

/**
 * The document administration (admin token on every route): {@code POST /documents} (multipart upload),
 * {@code DELETE /documents/{id}}, {@code POST /documents/reindex} and {@code GET /documents/indexing}. Changes are
 * stored at once and indexed by the background indexer; searches keep being served meanwhile. The listing
 * {@code GET /documents} stays in the search service (portal scope).
 */
public final class DocumentsAdminService implements HttpService {
    private final AppServices services;
    private final AdminAuth admin;

    public DocumentsAdminService(AppServices services, AdminAuth admin) {
        this.services = services;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/documents", this::upload)
                .post("/documents/reindex", this::reindex)
                .any("/documents/reindex", ApiErrors.methodNotAllowed("POST"))
                .get("/documents/indexing", this::indexing)
                .any("/documents/indexing", ApiErrors.methodNotAllowed("GET"))
                .delete("/documents/{id}", this::delete)
                .any("/documents/{id}", ApiErrors.methodNotAllowed("DELETE"));
    }

    private DocumentIngestion ingestion() {
        return services.documents();
    }

    /** Admin token first, then a loaded knowledge base (a change made before it loads could be missed). */
    private KnowledgeBase authorised(ServerRequest req) {
        admin.require(req);
        return services.loadedKnowledgeBase();
    }

    private void upload(ServerRequest req, ServerResponse res) {
        authorised(req);
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
        KnowledgeBase kb = authorised(req);
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
        authorised(req);
        InboxScanner.Result inbox = ingestion().scanInbox();
        ingestion().indexer().request("manual");
        Json.send(res, Status.ACCEPTED_202, new DocumentJson.Reindex(indexingStatus(),
                new DocumentJson.Inbox(inbox.stored(), inbox.rejected())));
    }

    private void indexing(ServerRequest req, ServerResponse res) {
        authorised(req);
        Json.send(res, new DocumentJson.IndexingOnly(indexingStatus()));
    }

    private DocumentJson.Indexing indexingStatus() {
        return DocumentJson.indexing(ingestion().indexer().status(), services.knowledgeBase());
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
