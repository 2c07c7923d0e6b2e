package vn.trolyso.assistant.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bounded in-process conversation memory, for callers of the assistant that keep no conversations themselves (the
 * evaluation, library use; the server keeps its conversations in the database, {@code store.ConversationStore}): the last {@code windowTurns} turns of each conversation, forgotten after
 * {@code idleExpiry} without activity, at most {@code maxConversations} kept (least recently used dropped first).
 *
 * <p>LangChain4j's {@code MessageWindowChatMemory} windows chat messages, but a turn here needs both what the
 * person typed and the standalone rewrite used for retrieval (follow-ups are rewritten from the previous
 * standalone question), so the window is kept over {@link Turn}s; the generative mode builds its chat messages
 * from them.
 */
public final class ConversationMemory {
    private final int windowTurns;
    private final Duration idleExpiry;
    private final int maxConversations;
    private final Clock clock;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(64, 0.75f, true);

    /** A conversation as seen by one question: its id, its history (oldest first) and whether it is new. */
    public record Session(String id, List<Turn> history, boolean isNew) {
        public Session {
            history = List.copyOf(history);
        }
    }

    private static final class Conversation {
        final ArrayDeque<Turn> turns = new ArrayDeque<>();
        Instant lastActive;

        Conversation(Instant now) {
            lastActive = now;
        }
    }

    public ConversationMemory(int windowTurns, Duration idleExpiry, int maxConversations, Clock clock) {
        if (windowTurns < 1 || maxConversations < 1 || idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("window, expiry and capacity must be positive");
        }
        this.windowTurns = windowTurns;
        this.idleExpiry = idleExpiry;
        this.maxConversations = maxConversations;
        this.clock = clock;
    }

    /** Continues the live conversation with this id, or starts a new one (unknown, expired or absent id). */
    public synchronized Session open(String conversationId) {
        Instant now = clock.instant();
        evictExpired(now);
        Conversation c = conversationId == null ? null : conversations.get(conversationId);
        if (c != null) {
            c.lastActive = now;
            return new Session(conversationId, List.copyOf(c.turns), false);
        }
        String id = UUID.randomUUID().toString();
        conversations.put(id, new Conversation(now));
        evictOverflow();
        return new Session(id, List.of(), true);
    }

    /** Records a finished turn; the oldest turn leaves the window when it is full. */
    public synchronized void append(String conversationId, Turn turn) {
        Instant now = clock.instant();
        Conversation c = conversations.get(conversationId);
        if (c == null) {
            c = new Conversation(now);
            conversations.put(conversationId, c);
            evictOverflow();
        }
        c.turns.addLast(turn);
        while (c.turns.size() > windowTurns) {
            c.turns.removeFirst();
        }
        c.lastActive = now;
    }

    /** How many conversations are live (for tests and metrics). */
    public synchronized int size() {
        evictExpired(clock.instant());
        return conversations.size();
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Conversation>> it = conversations.entrySet().iterator();
        // Access order equals activity order, so the expired conversations are all at the head.
        while (it.hasNext()) {
            if (Duration.between(it.next().getValue().lastActive, now).compareTo(idleExpiry) < 0) {
                return;
            }
            it.remove();
        }
    }

    private void evictOverflow() {
        Iterator<String> it = conversations.keySet().iterator();
        while (conversations.size() > maxConversations && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
