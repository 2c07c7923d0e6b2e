package vn.trolyso.assistant;

import java.util.List;

/**
 * The assistant's reply to one question.
 *
 * @param conversationId     the conversation this turn belongs to (new id when the question had none)
 * @param messageId          unique id of this answer (feedback refers to it): the question's when it gave one
 * @param text               the answer in Vietnamese, with [n] markers that map to {@code citations}
 * @param mode               how it was produced
 * @param citations          the sources the text refers to
 * @param llmFallback        true when the LLM was configured but failed and the no-LLM mode answered instead
 * @param standaloneQuestion the question made standalone (follow-ups rewritten), for a caller that keeps the
 *                           conversation itself; null when the assistant does not say
 */
public record Answer(String conversationId, String messageId, String text, AnswerMode mode,
                     List<Citation> citations, boolean llmFallback, String standaloneQuestion) {
    public Answer {
        citations = List.copyOf(citations);
    }

    public Answer(String conversationId, String messageId, String text, AnswerMode mode, List<Citation> citations,
                  boolean llmFallback) {
        this(conversationId, messageId, text, mode, citations, llmFallback, null);
    }
}
