package vn.trolyso.assistant;

import java.util.List;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.knowledge.materials.Material;

/**
 * One user turn.
 *
 * @param message        the question as typed
 * @param conversationId the conversation to continue, or null to start a new one
 * @param profile        who is asking ({@link UserProfile#UNKNOWN} when not given)
 * @param lesson         the training module the question is asked from ("Hỏi trợ lý về bài này"), or null: it is
 *                       answered from that module first
 * @param history        earlier turns the caller kept itself (an OpenAI-style client sends the whole transcript each
 *                       time), oldest first; used as the conversation so far when {@code conversationId} names no
 *                       live conversation. Their standalone rewrites are worked out by the assistant.
 */
public record Question(String message, String conversationId, UserProfile profile, Material lesson,
                       List<Turn> history) {
    public Question {
        profile = profile == null ? UserProfile.UNKNOWN : profile;
        history = history == null ? List.of() : List.copyOf(history);
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
}
