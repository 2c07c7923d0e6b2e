package vn.trolyso.server.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.server.http.Json;

/**
 * A conversation read back from the answer log ({@link AnswerStore}), so it outlives the server run, in the shape
 * {@code GET /api/v1/conversations/{id}} returns, and forgotten on request. Only the caller that started it (its API
 * key id, or "anonymous") sees it.
 */
final class ConversationHistory {
    /** One answered question, as {@code GET /api/v1/conversations/{id}} returns it. */
    record Turn(String messageId, String askedAt, String question, String answer, String mode, JsonNode citations,
                List<Rating> feedback) {
    }

    /** A rating of the answer (one per voter). */
    record Rating(String rating, String comment, String at) {
    }

    private final AnswerStore store;

    ConversationHistory(AnswerStore store) {
        this.store = store;
    }

    /** The turns {@code owner} had in the conversation, oldest first; empty when there are none (or not theirs). */
    List<Turn> turns(String conversationId, String owner) {
        return store.conversation(conversationId, owner).stream().map(t -> new Turn(t.messageId(),
                t.askedAt().toInstant().toString(), t.question(), t.answer(), t.mode(), citations(t.citations()),
                t.ratings().stream().map(r -> new Rating(r.rating(), r.comment(), r.at().toString())).toList()))
                .toList();
    }

    /**
     * Forgets the conversation: its question, answer and comment texts are erased and its rows no longer carry its id
     * (the reports keep counting them, anonymously). False when {@code owner} had no such conversation.
     */
    boolean forget(String conversationId, String owner) {
        return store.forgetConversation(conversationId, owner);
    }

    private static JsonNode citations(String json) {
        if (json == null) {
            return Json.MAPPER.createArrayNode();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.createArrayNode();
        }
    }
}
