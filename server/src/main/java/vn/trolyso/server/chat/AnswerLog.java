package vn.trolyso.server.chat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.guard.ScopeGuard;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.store.StoreException;
import vn.trolyso.server.http.Json;

/**
 * Records every answer in the answer log ({@link AnswerStore}): question and answer text only when configured,
 * citations always, for feedback, reports and the conversation history ({@link ConversationHistory}).
 */
public final class AnswerLog {
    private static final Logger LOG = Logger.getLogger(AnswerLog.class.getName());

    private final AnswerStore store;
    private final boolean logQuestions;

    public AnswerLog(AnswerStore store, boolean logQuestions) {
        this.store = store;
        this.logQuestions = logQuestions;
    }

    /** Writes the row under the answer's own ids; a failure is logged, never shown to the person who asked. */
    public void record(String question, Answer answer, Duration latency, String clientKey) {
        String cited = answer.citations().stream().map(Citation::documentId).distinct()
                .collect(Collectors.joining(","));
        try {
            store.record(new AnswerStore.LoggedAnswer(answer.messageId(), answer.conversationId(),
                    OffsetDateTime.now(ZoneOffset.UTC), logQuestions ? question : null, answer.mode().apiName(), cited,
                    latency.toMillis(), answer.llmFallback(), clientKey,
                    ScopeGuard.isSmallTalk(question), // known even when the text is not stored
                    // the answer text may repeat the question, so it follows the same privacy setting
                    logQuestions ? answer.text() : null,
                    Json.string(AnswerJson.sourced(answer.citations()))));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not log answer " + answer.messageId(), e);
        }
    }
}
