package vn.trolyso.assistant.answering;

import java.util.Optional;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.rag.GenerativeAnswerer;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.search.KnowledgeSearch;

/** Builds the assistant the server uses. */
public final class AssistantFactory {
    private AssistantFactory() {
    }

    /** The no-LLM assistant over a knowledge search, with exact framework answers when a responder is given. */
    public static Assistant create(KnowledgeSearch search, FrameworkResponder framework, AssistantSettings settings) {
        return new DefaultAssistant(search, framework, Optional.empty(), settings);
    }

    /**
     * The assistant the server runs: generative through {@code llm} whenever it is available (falling back to the
     * no-LLM mode when it is not or fails before answering), exact framework answers, extractive otherwise.
     */
    public static Assistant create(KnowledgeSearch search, CompetencyFramework framework,
                                   Optional<GenerativeAnswerer> llm, AssistantSettings settings) {
        return new DefaultAssistant(search, FrameworkResponder.of(framework), llm, settings);
    }

    /** The no-LLM assistant with exact answers from the competency framework data. */
    public static Assistant create(KnowledgeSearch search, CompetencyFramework framework, AssistantSettings settings) {
        return create(search, FrameworkResponder.of(framework), settings);
    }

    /** The no-LLM assistant with default settings and no framework shortcut. */
    public static Assistant create(KnowledgeSearch search) {
        return create(search, FrameworkResponder.NONE, AssistantSettings.defaults());
    }
}
