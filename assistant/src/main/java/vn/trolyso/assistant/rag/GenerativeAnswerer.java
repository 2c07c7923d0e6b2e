package vn.trolyso.assistant.rag;

import java.util.List;
import java.util.Set;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.llm.OllamaStatus;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.search.KnowledgeSearch;

/**
 * Generative answering with a local LLM (Ollama) over the knowledge base: what the answering pipeline calls when
 * {@link #available()}. Every failure is an {@link LlmUnavailableException}: when {@code tokensEmitted()} is false
 * nothing reached the sink and the caller answers in the no-LLM mode instead; when true the caller ends the answer
 * with the exception's {@code vietnameseMessage()}. Thread-safe.
 */
public interface GenerativeAnswerer {

    /**
     * Answers a standalone question from retrieved, numbered sources, streaming the text to {@code sink}. The
     * streamed text has its markers already mapped: it equals {@code CitationMapper.map(result.text(),
     * result.sources()).text()}, the text the caller should store with the citations.
     * When retrieval finds no source the LLM is not called, nothing is sent to {@code sink}, and the result is
     * ungrounded ({@link GenerativeResult#grounded()} false) so the caller can give its own refusal.
     *
     * @param history the earlier turns of the conversation, oldest first (bounded to a token budget here)
     */
    GenerativeResult answer(String standaloneQuestion, List<Turn> history, UserProfile profile, TokenSink sink)
            throws LlmUnavailableException;

    /**
     * As {@link #answer(String, List, UserProfile, TokenSink)}, with sources taken from {@code preferredDocuments}
     * first (a question asked from a training module): the rest of the knowledge base is searched only when those
     * documents have no passage for the question. The default ignores the preference.
     */
    default GenerativeResult answer(String standaloneQuestion, List<Turn> history, UserProfile profile, TokenSink sink,
                                    Set<String> preferredDocuments) throws LlmUnavailableException {
        return answer(standaloneQuestion, history, profile, sink);
    }

    /**
     * Rewrites a follow-up ("Còn THCS thì sao?") into a standalone question using the conversation. Returns
     * {@code question} unchanged when there is no history or the model's output is unusable.
     */
    String rewriteFollowUp(List<Turn> history, String question) throws LlmUnavailableException;

    /** Configured, Ollama reachable with the model pulled (cached probe), and the circuit breaker closed. */
    boolean available();

    /** The last known state of Ollama, for health reporting. */
    OllamaStatus status();

    /**
     * True when a question that finds every generation slot and the queue taken is refused ({@code OLLAMA_WHEN_BUSY=
     * reject}: the caller gets 503 busy) instead of answered in the no-LLM mode (the default).
     */
    default boolean rejectWhenBusy() {
        return false;
    }

    /** The generative answerer for these settings (disabled settings give one that is never available). */
    static GenerativeAnswerer create(OllamaSettings settings, KnowledgeSearch search) {
        return new RagGenerativeAnswerer(OllamaGateway.create(settings), search);
    }

    /**
     * As {@link #create(OllamaSettings, KnowledgeSearch)}, and questions about the competency framework are looked
     * up with the framework tools (LangChain4j tool calling) before answering.
     */
    static GenerativeAnswerer create(OllamaSettings settings, KnowledgeSearch search, CompetencyFramework framework) {
        return new RagGenerativeAnswerer(OllamaGateway.create(settings), search, framework);
    }
}
