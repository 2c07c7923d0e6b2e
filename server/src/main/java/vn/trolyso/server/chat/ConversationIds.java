package vn.trolyso.server.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Maps the conversation ids the API hands out to the assistant's own conversation ids. The API must announce the id
 * before the answer starts streaming, while the assistant only assigns its id once it answers (and starts a fresh
 * conversation for an id it does not know), so the server keeps its own ids and translates. Bounded: the least
 * recently used mappings are dropped first (the assistant forgets idle conversations too).
 */
final class ConversationIds {
    private final Map<String, String> apiToAssistant;

    ConversationIds(int capacity) {
        this.apiToAssistant = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The API id for a request: the client's own, or a new one. */
    static String apiId(String fromClient) {
        return fromClient != null ? fromClient : UUID.randomUUID().toString();
    }

    /** The assistant's id for this API conversation, or null when it has none yet (a new conversation). */
    synchronized String assistantId(String apiId) {
        return apiToAssistant.get(apiId);
    }

    synchronized void remember(String apiId, String assistantId) {
        if (assistantId != null) {
            apiToAssistant.put(apiId, assistantId);
        }
    }
}
