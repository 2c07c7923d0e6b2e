package vn.trolyso.assistant.answering;

import java.time.Clock;
import java.time.Duration;

/**
 * Tuning of the answering pipeline.
 *
 * @param historyTurns      turns of a conversation kept for follow-ups
 * @param conversationIdle  a conversation idle this long is forgotten
 * @param maxConversations  live conversations kept at most (least recently used dropped first)
 * @param passages          passages retrieved per question
 * @param minCoverage       share of the question the best sentence must cover, else "the documents do not say"
 * @param maxSentences      sentences in an extractive answer at most
 * @param clock             time source (tests move it)
 */
public record AssistantSettings(int historyTurns, Duration conversationIdle, int maxConversations, int passages,
                                double minCoverage, int maxSentences, Clock clock) {
    public AssistantSettings {
        if (historyTurns < 1 || maxConversations < 1 || passages < 1 || passages > 50 || maxSentences < 1) {
            throw new IllegalArgumentException("history, conversations, passages and sentences must be positive");
        }
        if (minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("minCoverage must be within 0–1");
        }
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings(6, Duration.ofMinutes(30), 10_000, 6, 0.55, 3, Clock.systemUTC());
    }

    public AssistantSettings withClock(Clock c) {
        return new AssistantSettings(historyTurns, conversationIdle, maxConversations, passages, minCoverage,
                maxSentences, c);
    }
}
