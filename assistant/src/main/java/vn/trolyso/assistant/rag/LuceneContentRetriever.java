package vn.trolyso.assistant.rag;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Set;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.SearchQuery;

/**
 * LangChain4j's {@link ContentRetriever} over the project's own Lucene search (LangChain4j's community Lucene
 * retriever pins Lucene 9 and a StandardAnalyzer that cannot handle Vietnamese). Each result keeps its
 * {@link vn.trolyso.knowledge.search.Passage} (see {@link PassageContents}).
 */
public final class LuceneContentRetriever implements ContentRetriever {
    private final KnowledgeSearch search;
    private final int maxResults;
    private final Set<DocumentKind> kinds;
    private final Set<String> documentIds;

    /**
     * @param maxResults how many passages to fetch (the prompt budget may keep fewer)
     * @param kinds      restrict to these kinds of content (empty: all)
     */
    public LuceneContentRetriever(KnowledgeSearch search, int maxResults, Set<DocumentKind> kinds) {
        this(search, maxResults, kinds, Set.of());
    }

    /** @param documentIds restrict to these documents (empty: all) */
    public LuceneContentRetriever(KnowledgeSearch search, int maxResults, Set<DocumentKind> kinds,
                                  Set<String> documentIds) {
        if (maxResults < 1 || maxResults > SearchQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("maxResults must be 1–" + SearchQuery.MAX_LIMIT + ": " + maxResults);
        }
        this.search = search;
        this.maxResults = maxResults;
        this.kinds = Set.copyOf(kinds);
        this.documentIds = Set.copyOf(documentIds);
    }

    public LuceneContentRetriever(KnowledgeSearch search, int maxResults) {
        this(search, maxResults, Set.of());
    }

    @Override
    public List<Content> retrieve(Query query) {
        try {
            return search.search(new SearchQuery(query.text(), maxResults, documentIds, kinds)).stream()
                    .map(PassageContents::toContent)
                    .toList();
        } catch (InvalidQueryException e) {
            // Nothing searchable in the question (e.g. only stop words): no sources, the prompt says so.
            return List.of();
        }
    }
}
