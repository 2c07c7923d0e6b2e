package vn.trolyso.server.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.guard.ScopeGuard;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.http.Json;

/**
 * Records every answer in {@code answer_log} (question and answer text only when configured, citations always), for
 * feedback, reports and the conversation history ({@link ConversationHistory}).
 */
public final class AnswerLog {
    private static final Logger LOG = Logger.getLogger(AnswerLog.class.getName());
    private static final int MAX_QUESTION = 4000;
    private static final int MAX_CITED = 2000;

    private final Database database;
    private final boolean logQuestions;

    public AnswerLog(Database database, boolean logQuestions) {
        this.database = database;
        this.logQuestions = logQuestions;
    }

    /** Writes the row; a failure is logged, never shown to the person who asked. */
    public void record(String messageId, String conversationId, String question, Answer answer, Duration latency,
                       String clientKey) {
        String cited = answer.citations().stream().map(Citation::documentId).distinct()
                .collect(Collectors.joining(","));
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("INSERT INTO answer_log(message_id, conversation_id, asked_at,"
                     + " question, mode, cited_documents, latency_ms, llm_fallback, client_key, small_talk, answer_text,"
                     + " citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, messageId);
            p.setString(2, conversationId);
            p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            if (logQuestions) {
                p.setString(4, truncate(question, MAX_QUESTION));
            } else {
                p.setNull(4, Types.VARCHAR);
            }
            p.setString(5, answer.mode().apiName());
            p.setString(6, truncate(cited, MAX_CITED));
            p.setInt(7, (int) Math.min(Integer.MAX_VALUE, latency.toMillis()));
            p.setBoolean(8, answer.llmFallback());
            p.setString(9, clientKey);
            p.setBoolean(10, ScopeGuard.isSmallTalk(question)); // known even when the text is not stored
            // the answer text may repeat the question, so it follows the same privacy setting
            if (logQuestions) {
                p.setString(11, answer.text());
            } else {
                p.setNull(11, Types.VARCHAR);
            }
            p.setString(12, Json.string(AnswerJson.sourced(answer.citations())));
            p.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not log answer " + messageId, e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
