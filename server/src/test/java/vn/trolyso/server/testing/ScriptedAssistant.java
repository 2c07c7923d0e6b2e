package vn.trolyso.server.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.InvalidQuestionException;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;

/**
 * A test double of the assistant for HTTP-protocol tests (streaming order, timeouts, failures): streams the given
 * pieces with an optional pause between them and records the questions it was asked. Answer quality is tested with
 * the real assistant elsewhere.
 */
public final class ScriptedAssistant implements Assistant {
    private final List<String> pieces;
    private final Duration pause;
    private final List<Question> asked = new CopyOnWriteArrayList<>();

    public ScriptedAssistant(List<String> pieces, Duration pause) {
        this.pieces = List.copyOf(pieces);
        this.pause = pause;
    }

    public List<Question> asked() {
        return asked;
    }

    @Override
    public Answer answer(Question question, TokenSink tokens) {
        asked.add(question);
        if (question.message().contains("#invalid")) {
            throw new InvalidQuestionException("question_rejected", "Câu hỏi không hợp lệ.");
        }
        if (question.message().contains("#crash")) {
            throw new IllegalStateException("simulated failure with internal detail");
        }
        StringBuilder text = new StringBuilder();
        for (String p : pieces) {
            sleep();
            tokens.onToken(p);
            text.append(p);
        }
        String conversation = question.conversationId() != null ? question.conversationId()
                : "assistant-conversation-" + asked.size();
        String message = question.messageId() != null ? question.messageId() : "assistant-message-id";
        return new Answer(conversation, message, text.toString(), AnswerMode.EXTRACTIVE,
                List.of(new Citation(1, "doc-1", "Kế hoạch thử", "UBND", "I. MỤC ĐÍCH", "Đoạn trích <b>thử</b>")),
                false);
    }

    private void sleep() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
