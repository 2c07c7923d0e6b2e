/**
 * Semantic search: passages embedded through a {@code TextEmbedder}, vectors cached on disk, retrieval by
 * similarity. Uses knowledge.search only; the embedder itself (Ollama) comes from the assistant.
 */
package vn.trolyso.knowledge.search.dense;
