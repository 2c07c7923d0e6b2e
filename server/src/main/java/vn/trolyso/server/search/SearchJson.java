package vn.trolyso.server.search;

import java.util.List;
import vn.trolyso.server.documents.DocumentListing;

/** The response bodies of {@code GET /search} and {@code GET /documents} (openapi.yaml), each one page of a list. */
final class SearchJson {
    private SearchJson() {
    }

    record Hit(String documentId, String title, String section, String text, float score) {
    }

    record Hits(List<Hit> hits, int total, int offset, int limit) {
    }

    /** {@code timeZone}: the admin page shows the upload times in it. */
    record Documents(List<DocumentListing.Listed> documents, String timeZone, int total, int offset, int limit) {
    }
}
