package vn.trolyso.assistant;

import java.util.List;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.knowledge.materials.Material;

/**
 * One user turn.
 *
 * @param message            the question as typed
 * @param conversationId     the conversation to continue, or null to start a new one
 * @param profile            who is asking ({@link UserProfile#UNKNOWN} when not given)
 * @param lesson             the training module the question is asked from ("Hỏi trợ lý về bài này"), or null: it is
 *                           answered from that module first
 * @param history            earlier turns the caller kept itself (an OpenAI-style client sends the whole transcript
 *                           each time, the server keeps conversations in its database), oldest first; used as the
 *                           conversation so far when {@code conversationId} names no live conversation or when
 *                           {@code callerKeepsHistory}. Unless every turn carries its standalone rewrite, the
 *                           assistant works them out again (the no-LLM rewrite, turn by turn).
 * @param messageId          the id the answer is to carry (the caller announced it already), or null: the assistant
 *                           makes one
 * @param callerKeepsHistory true when the caller keeps the conversation: {@code history} is all of it, the assistant
 *                           remembers nothing itself and answers under {@code conversationId} as given
 */
public record Question(String message, String conversationId, UserProfile profile, Material lesson,
                       List<Turn> history, String messageId, boolean callerKeepsHistory) {
    public Question {
        profile = profile == null ? UserProfile.UNKNOWN : profile;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Question(String message, String conversationId, UserProfile profile, Material lesson, List<Turn> history) {
        this(message, conversationId, profile, lesson, history, null, false);
    }

    public Question(String message, String conversationId, UserProfile profile, Material lesson) {
        this(message, conversationId, profile, lesson, List.of());
    }

    public Question(String message, String conversationId, UserProfile profile) {
        this(message, conversationId, profile, null);
    }

    public static Question of(String message) {
        return new Question(message, null, UserProfile.UNKNOWN);
    }

    /**
     * This question inside a conversation the caller keeps (its database, a client's transcript): answered under
     * {@code conversationId} and {@code messageId} with {@code turns} as the conversation so far.
     */
    public Question keptByCaller(String conversationId, String messageId, List<Turn> turns) {
        return new Question(message, conversationId, profile, lesson, turns, messageId, true);
    }
}
