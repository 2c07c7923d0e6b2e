package vn.trolyso.server.search;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.ingest.UploadedDocumentStore;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.server.documents.DocumentListing;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.Paging;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * {@code GET /search?q=&offset=0&limit=5} → {@code {"hits":[{"documentId","title","section","text","score"}],
 * "total","offset","limit"}} (paged within the first {@value SearchQuery#MAX_LIMIT} hits) and {@code GET /documents}
 * → the indexed documents with metadata and passage counts ({@link DocumentListing}), paged ({@link Paging}).
 */
public final class SearchService {
    static final int DEFAULT_K = 5;

    private final Supplier<Optional<KnowledgeBase>> knowledgeBase;
    private final UploadedDocumentStore uploads;
    private final int maxQueryChars;
    private final ZoneId zone;

    /**
     * @param knowledgeBase the knowledge base once loaded
     * @param uploads       the school's uploaded documents (their metadata in the document list)
     * @param maxQueryChars longest accepted query (the chat message limit)
     * @param zone          the zone the admin page shows times in
     */
    public SearchService(Supplier<Optional<KnowledgeBase>> knowledgeBase, UploadedDocumentStore uploads,
                         int maxQueryChars, ZoneId zone) {
        this.knowledgeBase = knowledgeBase;
        this.uploads = uploads;
        this.maxQueryChars = maxQueryChars;
        this.zone = zone;
    }

    public void routes(Routes routes) {
        routes.get("/search", RouteAccess.scope(Scope.SEARCH), this::search)
                .get("/documents", RouteAccess.scope(Scope.DOCUMENTS), this::documents)
                .refuseOtherMethods("/search", "/documents");
    }

    private KnowledgeBase knowledgeBase() {
        return knowledgeBase.get().orElseThrow(ApiErrors::notReady);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Optional<String> q = req.query().first("q").asOptional();
        if (q.isEmpty()) {
            throw ApiErrors.missingField("q");
        }
        TextInput.requireClean("q", q.get());
        if (TextInput.length(q.get()) > maxQueryChars) {
            throw ApiErrors.badRequest("query_too_long", "Nội dung tìm kiếm quá dài. Tối đa "
                    + maxQueryChars + " ký tự.");
        }
        Paging page = paging(req);
        // Always the first MAX_LIMIT hits, sliced: every page of one query comes from the same ranking.
        List<Passage> passages = knowledgeBase().search(SearchQuery.of(q.get(), SearchQuery.MAX_LIMIT));
        List<SearchJson.Hit> hits = page.slice(passages).stream().map(p -> new SearchJson.Hit(p.document().id(), p.document().title(),
                p.sectionPath(), p.text(), p.score())).toList();
        Json.send(res, new SearchJson.Hits(hits, passages.size(), page.offset(), page.limit()));
    }

    /** {@code offset} and {@code limit}; {@code k} is the older name of {@code limit}, still accepted. */
    static Paging paging(ServerRequest req) {
        Optional<String> limit = req.query().first("limit").asOptional();
        int dflt = limit.isPresent() ? DEFAULT_K : parseK(req.query().first("k").asOptional());
        return Paging.of(req, dflt, SearchQuery.MAX_LIMIT);
    }

    static int parseK(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return DEFAULT_K;
        }
        try {
            int k = Integer.parseInt(raw.get().strip());
            if (k >= 1 && k <= SearchQuery.MAX_LIMIT) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiErrors.badRequest("invalid_limit", "Tham số k phải là số nguyên từ 1 đến " + SearchQuery.MAX_LIMIT + ".");
    }

    private void documents(ServerRequest req, ServerResponse res) {
        Paging page = Paging.of(req);
        List<DocumentListing.Listed> documents = DocumentListing.list(knowledgeBase(), uploads);
        // timeZone: the admin page shows times in it
        Json.send(res, new SearchJson.Documents(page.slice(documents), zone.getId(),
                documents.size(), page.offset(), page.limit()));
    }
}
