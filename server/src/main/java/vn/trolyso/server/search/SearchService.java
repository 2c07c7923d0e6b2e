package vn.trolyso.server.search;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.documents.DocumentListing;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.Paging;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.Scope;

/**
 * {@code GET /search?q=&offset=0&limit=5} → {@code {"hits":[{"documentId","title","section","text","score"}],
 * "total","offset","limit"}} (paged within the first {@value SearchQuery#MAX_LIMIT} hits) and {@code GET /documents}
 * → the indexed documents with metadata and passage counts ({@link DocumentListing}), paged ({@link Paging}).
 */
public final class SearchService implements HttpService {
    static final int DEFAULT_K = 5;

    private final AppServices services;

    public SearchService(AppServices services) {
        this.services = services;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/search", this::search)
                .any("/search", ApiErrors.methodNotAllowed("GET"))
                .get("/documents", this::documents)
                .any("/documents", ApiErrors.methodNotAllowed("GET", "POST"));
    }

    private KnowledgeBase knowledgeBase() {
        return services.loadedKnowledgeBase();
    }

    private void search(ServerRequest req, ServerResponse res) {
        Access.require(req, Scope.SEARCH);
        Optional<String> q = req.query().first("q").asOptional();
        if (q.isEmpty()) {
            throw ApiErrors.missingField("q");
        }
        TextInput.requireClean("q", q.get());
        if (TextInput.length(q.get()) > services.config().limits().maxMessageChars()) {
            throw ApiErrors.badRequest("query_too_long", "Nội dung tìm kiếm quá dài. Tối đa "
                    + services.config().limits().maxMessageChars() + " ký tự.");
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
        Access.require(req, Scope.DOCUMENTS);
        Paging page = Paging.of(req);
        List<DocumentListing.Listed> documents = DocumentListing.list(knowledgeBase(), services.documents().store());
        // timeZone: the admin page shows times in it
        Json.send(res, new SearchJson.Documents(page.slice(documents), services.config().reports().timeZone().getId(),
                documents.size(), page.offset(), page.limit()));
    }
}
