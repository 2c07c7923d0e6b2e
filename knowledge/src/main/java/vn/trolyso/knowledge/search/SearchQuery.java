package vn.trolyso.knowledge.search;

import java.util.Set;
import vn.trolyso.knowledge.document.DocumentKind;

/**
 * A search request.
 *
 * @param text        the user's question or keywords, as typed (any diacritics, any tone placement)
 * @param limit       how many passages to return (1–50)
 * @param documentIds restrict to these documents (empty: all)
 * @param kinds       restrict to these kinds (empty: all)
 */
public record SearchQuery(String text, int limit, Set<String> documentIds, Set<DocumentKind> kinds) {
    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, limit, Set.of(), Set.of());
    }
}
