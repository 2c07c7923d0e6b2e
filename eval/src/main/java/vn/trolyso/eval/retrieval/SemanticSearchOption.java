package vn.trolyso.eval.retrieval;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import vn.trolyso.assistant.llm.OllamaEmbedder;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.eval.UsageException;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code --dense MODEL [--ollama-url URL]}: search as the server does with {@code OLLAMA_EMBED_MODEL=MODEL}, BM25
 * fused with semantic search through the Ollama at URL (default: {@code OLLAMA_BASE_URL}, else localhost:11434).
 * Every knowledge base opened with it is embedded in full before it is measured; a model that cannot embed them
 * stops the command with its reason.
 */
final class SemanticSearchOption {
    /** Long enough for a CPU-only Ollama to embed a benchmark's few hundred articles. */
    private static final Duration EMBEDDING_BUDGET = Duration.ofHours(2);

    private SemanticSearchOption() {
    }

    /** The retriever of {@code --dense MODEL [--ollama-url URL]} (either may be null), or empty without a model. */
    static Optional<EmbeddingRetriever> from(String denseModel, String ollamaUrl) {
        return Optional.ofNullable(denseModel).map(String::strip).filter(m -> !m.isEmpty()).map(model -> {
            OllamaSettings env = ServerConfig.load().ollama();
            OllamaSettings settings = ollamaUrl == null ? env : env.withBaseUrl(ollamaUrl);
            System.out.println("semantic search: " + model + " at " + settings.baseUrl() + ", fused with BM25");
            return new EmbeddingRetriever(new OllamaEmbedder(settings, model), null);
        });
    }

    /** Waits until the knowledge base just opened is embedded in full (nothing to do without --dense). */
    static void awaitEmbedded(KnowledgeBase.Options kbOptions) {
        if (!(kbOptions.denseRetriever() instanceof EmbeddingRetriever retriever)) {
            return;
        }
        try {
            EmbeddingRetriever.Coverage c = retriever.awaitEmbedded(EMBEDDING_BUDGET);
            if (!c.complete()) {
                throw new UsageException("--dense " + c.model() + ": only " + c.embedded() + " of "
                        + c.passages() + " passages could be embedded (" + c.lastError() + ")");
            }
            System.out.println("semantic search: " + c.passages() + " passages embedded");
        } catch (TimeoutException e) {
            throw new UsageException("--dense: embedding took longer than " + EMBEDDING_BUDGET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--dense: interrupted");
        }
    }
}
