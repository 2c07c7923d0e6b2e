package vn.trolyso.assistant.answering;

import vn.trolyso.assistant.Assistant;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.search.KnowledgeSearch;

/** Builds the assistant the server uses. */
public final class AssistantFactory {
    private AssistantFactory() {
    }

    /** The no-LLM assistant over a knowledge search, with exact framework answers when a responder is given. */
    public static Assistant create(KnowledgeSearch search, FrameworkResponder framework, AssistantSettings settings) {
        return new DefaultAssistant(search, framework, settings);
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
