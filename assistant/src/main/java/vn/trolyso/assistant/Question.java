package vn.trolyso.assistant;

/**
 * One user turn.
 *
 * @param message        the question as typed
 * @param conversationId the conversation to continue, or null to start a new one
 * @param profile        who is asking ({@link UserProfile#UNKNOWN} when not given)
 */
public record Question(String message, String conversationId, UserProfile profile) {
    public Question {
        profile = profile == null ? UserProfile.UNKNOWN : profile;
    }

    public static Question of(String message) {
        return new Question(message, null, UserProfile.UNKNOWN);
    }
}
