package vn.trolyso.knowledge.search;

import java.util.List;
import java.util.Map;

/**
 * Optional semantic retriever whose ranking the knowledge base fuses with BM25 by reciprocal rank. Off by default:
 * {@link vn.trolyso.knowledge.KnowledgeBase} uses BM25 alone unless one is given in its options. The implementation
 * over an embedding model is {@link vn.trolyso.knowledge.search.dense.EmbeddingRetriever}.
 */
public interface DenseRetriever {
    /**
     * Chunk ids ("documentId#ordinal") most similar to the query, best first.
     *
     * @param query the normalised query text
     * @param limit how many ids at most
     */
    List<String> retrieve(String query, int limit);

    /**
     * The passages now served changed (the index was opened or rebuilt): from now on only these may be returned.
     * Called by the knowledge base; must not block for long (embedding is the implementation's background work).
     *
     * @param passages chunk id → the text its search fields see (title, issuer, section path, passage)
     */
    default void passagesChanged(Map<String, String> passages) {
    }
}
