package vn.trolyso.knowledge.search;

import java.util.List;

/** Ranked passage search over the knowledge base. Thread-safe; always answers from the current index. */
public interface KnowledgeSearch {
    /**
     * Returns passages ranked best first.
     *
     * @throws InvalidQueryException when the query cannot be run (empty after normalisation, too long, bad limit)
     */
    List<Passage> search(SearchQuery query);
}
