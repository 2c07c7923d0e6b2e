package vn.trolyso.server.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Citation;

/**
 * The response bodies of the chat routes (openapi.yaml ChatResponse, Citation, the {@code trolyso_citations} of /v1),
 * as records serialised by Jackson in component order.
 */
public final class AnswerJson {
    private AnswerJson() {
    }

    /** The chat response object of the API (also the data of the SSE {@code done} event). */
    public record ChatResponse(String conversationId, String messageId, String answer, String mode,
                               List<CitationJson> citations) {
    }

    /** A citation as /api/v1/chat returns it. */
    public record CitationJson(int n, String documentId, String title, String section, String snippet) {
    }

    /** A citation with its issuer ({@code trolyso_citations} of /v1, the stored history). */
    public record SourcedCitation(int n, String documentId, String title, String issuer, String section,
                                  String snippet) {
    }

    /** The SSE {@code meta} event. */
    record Meta(String conversationId, String messageId) {
    }

    /** The SSE {@code queued} event. */
    record Queued(int ahead, String message) {
    }

    /** The SSE {@code token} event. */
    record Token(String text) {
    }

    /** The SSE {@code error} event; {@code retryAfter} (seconds) only when the model is busy. */
    record StreamError(String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfter) {
    }

    /** {@code DELETE /api/v1/conversations/{id}}. */
    public record Deleted(String conversationId, boolean deleted) {
    }

    /** {@code GET /api/v1/conversations/{id}}. */
    record Conversation(String conversationId, List<ConversationHistory.Turn> turns) {
    }

    public static ChatResponse of(String conversationId, String messageId, Answer answer) {
        return new ChatResponse(conversationId, messageId, answer.text(), answer.mode().apiName(),
                citations(answer.citations()));
    }

    static List<CitationJson> citations(List<Citation> citations) {
        return citations.stream()
                .map(c -> new CitationJson(c.n(), c.documentId(), c.title(), c.section(), c.snippet())).toList();
    }

    static List<SourcedCitation> sourced(List<Citation> citations) {
        return citations.stream().map(c -> new SourcedCitation(c.n(), c.documentId(), c.title(), c.issuer(),
                c.section(), c.snippet())).toList();
    }
}
