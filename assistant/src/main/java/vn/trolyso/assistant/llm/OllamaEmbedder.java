package vn.trolyso.assistant.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;
import vn.trolyso.knowledge.search.TextEmbedder;

/**
 * The model behind semantic search ({@link vn.trolyso.knowledge.search.dense.EmbeddingRetriever}): embeddings from
 * Ollama's {@code /api/embed} through LangChain4j's {@link OllamaEmbeddingModel} (retries off, failures classified
 * like chat failures). Off by default: it exists only when {@code OLLAMA_EMBED_MODEL} names a pulled embedding
 * model (a multilingual one such as {@code bge-m3} suits Vietnamese).
 */
public final class OllamaEmbedder implements TextEmbedder {
    public static final String ENV_EMBED_MODEL = "OLLAMA_EMBED_MODEL";

    private final String model;
    private final EmbeddingModel embeddings;

    public OllamaEmbedder(OllamaSettings settings, String model) {
        this.model = model;
        this.embeddings = OllamaEmbeddingModel.builder()
                .baseUrl(settings.baseUrl())
                .modelName(model)
                .timeout(settings.firstTokenTimeout())
                .maxRetries(0)
                .build();
    }

    /** An embedder when generative mode is enabled and {@code OLLAMA_EMBED_MODEL} is set; empty otherwise. */
    public static Optional<OllamaEmbedder> from(OllamaSettings settings, Map<String, String> env) {
        String model = env.get(ENV_EMBED_MODEL);
        if (!settings.enabled() || model == null || model.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OllamaEmbedder(settings, model.strip()));
    }

    @Override
    public String model() {
        return model;
    }

    /**
     * One vector per text, in order.
     *
     * @throws EmbeddingUnavailableException whose cause is the classified {@link LlmUnavailableException}
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        try {
            return embedOrExplain(texts);
        } catch (LlmUnavailableException e) {
            throw new EmbeddingUnavailableException(e.getMessage(), e);
        }
    }

    private List<float[]> embedOrExplain(List<String> texts) throws LlmUnavailableException {
        try {
            List<Embedding> result = embeddings.embedAll(texts.stream().map(TextSegment::from).toList()).content();
            if (result.size() != texts.size()) {
                throw LlmUnavailableException.of(Reason.MALFORMED_STREAM, false, model,
                        result.size() + " embeddings for " + texts.size() + " texts", null);
            }
            return result.stream().map(Embedding::vector).toList();
        } catch (RuntimeException e) {
            throw LlmUnavailableException.of(FailureClassifier.reasonOf(e), false, model,
                    FailureClassifier.describe(e), e);
        }
    }
}
