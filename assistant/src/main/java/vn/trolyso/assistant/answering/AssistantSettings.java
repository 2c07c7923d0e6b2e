package vn.trolyso.assistant.answering;

import java.time.Clock;
import java.time.Duration;
import vn.trolyso.assistant.extractive.ReaderWeights;

/**
 * Tuning of the answering pipeline.
 *
 * @param historyTurns      turns of a conversation kept for follow-ups
 * @param conversationIdle  a conversation idle this long is forgotten
 * @param maxConversations  live conversations kept at most (least recently used dropped first)
 * @param passages          passages retrieved per question
 * @param reader            the weights of the no-LLM reader (its evidence thresholds among them)
 * @param maxSentences      sentences in an extractive answer at most
 * @param clock             time source (tests move it)
 */
public record AssistantSettings(int historyTurns, Duration conversationIdle, int maxConversations, int passages,
                                ReaderWeights reader, int maxSentences, Clock clock) {
    public AssistantSettings {
        if (historyTurns < 1 || maxConversations < 1 || passages < 1 || passages > 50 || maxSentences < 1) {
            throw new IllegalArgumentException("history, conversations, passages and sentences must be positive");
        }
        if (reader.minCoverage() < 0 || reader.minCoverage() > 1) {
            throw new IllegalArgumentException("minCoverage must be within 0–1");
        }
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings(6, Duration.ofMinutes(30), 10_000, 6, ReaderWeights.defaults(), 3,
                Clock.systemUTC());
    }

    public AssistantSettings withClock(Clock c) {
        return new AssistantSettings(historyTurns, conversationIdle, maxConversations, passages, reader,
                maxSentences, c);
    }

    public AssistantSettings withReader(ReaderWeights weights) {
        return new AssistantSettings(historyTurns, conversationIdle, maxConversations, passages, weights,
                maxSentences, clock);
    }
}
