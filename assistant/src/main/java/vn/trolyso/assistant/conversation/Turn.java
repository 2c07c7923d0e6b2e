package vn.trolyso.assistant.conversation;

/**
 * One finished exchange of a conversation.
 *
 * @param question           what the person typed
 * @param standaloneQuestion the question rewritten to stand on its own (equal to {@code question} when it already did);
 *                           null in a transcript kept elsewhere that does not know it (the assistant works it out with
 *                           {@link FollowUpRewriter#replay})
 * @param answer             the answer text given
 */
public record Turn(String question, String standaloneQuestion, String answer) {
}
