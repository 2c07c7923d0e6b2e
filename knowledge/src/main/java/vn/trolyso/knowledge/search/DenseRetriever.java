package vn.trolyso.knowledge.search;

import java.util.List;

/**
 * Optional semantic retriever (e.g. Ollama embeddings such as bge-m3) whose ranking the knowledge base fuses with
 * BM25 by reciprocal rank. Off by default: {@link vn.trolyso.knowledge.KnowledgeBase} uses BM25 alone unless one is
 * given in its options.
 */
public interface DenseRetriever {
    /**
     * Chunk ids ("documentId#ordinal") most similar to the query, best first.
     *
     * @param query the normalised query text
     * @param limit how many ids at most
     */
    List<String> retrieve(String query, int limit);
}
