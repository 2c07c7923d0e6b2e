package vn.trolyso.knowledge.search;

import java.util.List;

/**
 * Turns texts into vectors whose cosine tells how close their meanings are (an embedding model, e.g. Ollama's
 * {@code bge-m3}). The knowledge module only defines the seam; the assistant module implements it over Ollama.
 */
public interface TextEmbedder {
    /** Names the model, so vectors of one model are never compared with (or cached as) another's. */
    String model();

    /**
     * One vector per text, in order, all of the same dimension.
     *
     * @throws EmbeddingUnavailableException when the model cannot be reached or answers wrongly
     */
    List<float[]> embed(List<String> texts);

    /** The embedding model failed; the search goes on without it. */
    final class EmbeddingUnavailableException extends RuntimeException {
        public EmbeddingUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
