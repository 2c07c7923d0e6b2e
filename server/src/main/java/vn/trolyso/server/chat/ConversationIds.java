package vn.trolyso.server.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The conversations of this server run: who started each (the API key id, or "anonymous") and the assistant's own
 * conversation id for it. The API must announce its id before the answer starts streaming, while the assistant only
 * assigns its id once it answers, so the server keeps its own ids and translates. Bounded: the least recently used
 * entries are dropped first (the assistant forgets idle conversations too); older conversations are known from the
 * answer log ({@link ConversationHistory}).
 */
final class ConversationIds {
    private record Owned(String owner, String assistantId) {
    }

    private final Map<String, Owned> conversations;

    ConversationIds(int capacity) {
        this.conversations = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Owned> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A new API conversation id (random: knowing it is what lets an anonymous caller continue or read it). */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether this run knows the conversation: null when not, else whether {@code owner} started it. */
    synchronized Boolean ownedBy(String apiId, String owner) {
        Owned e = conversations.get(apiId);
        return e == null ? null : e.owner().equals(owner);
    }

    /** Registers a conversation for {@code owner} (before its first answer, so a failed answer does not lose it). */
    synchronized void reserve(String apiId, String owner) {
        conversations.putIfAbsent(apiId, new Owned(owner, null));
    }

    /** The assistant's id for this API conversation, or null when it has none yet (a new conversation). */
    synchronized String assistantId(String apiId) {
        Owned e = conversations.get(apiId);
        return e == null ? null : e.assistantId();
    }

    synchronized void remember(String apiId, String owner, String assistantId) {
        if (assistantId != null) {
            conversations.put(apiId, new Owned(owner, assistantId));
        }
    }

    synchronized void forget(String apiId) {
        conversations.remove(apiId);
    }
}
