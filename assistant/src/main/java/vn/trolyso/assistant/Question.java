package vn.trolyso.assistant;

import vn.trolyso.knowledge.materials.Material;

/**
 * One user turn.
 *
 * @param message        the question as typed
 * @param conversationId the conversation to continue, or null to start a new one
 * @param profile        who is asking ({@link UserProfile#UNKNOWN} when not given)
 * @param lesson         the training module the question is asked from ("Hỏi trợ lý về bài này"), or null: it is
 *                       answered from that module first
 */
public record Question(String message, String conversationId, UserProfile profile, Material lesson) {
    public Question {
        profile = profile == null ? UserProfile.UNKNOWN : profile;
    }

    public Question(String message, String conversationId, UserProfile profile) {
        this(message, conversationId, profile, null);
    }

    public static Question of(String message) {
        return new Question(message, null, UserProfile.UNKNOWN);
    }
}
