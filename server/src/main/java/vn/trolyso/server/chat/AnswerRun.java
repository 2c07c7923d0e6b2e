package vn.trolyso.server.chat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.AssistantBusyException;
import vn.trolyso.assistant.InvalidQuestionException;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;

/**
 * One answer being produced on its own virtual thread. Tokens, the final answer or the failure arrive through a queue,
 * so the HTTP handler thread alone writes to the connection, whatever thread the assistant calls back on, and can
 * give up at a deadline.
 */
final class AnswerRun {
    /** What the handler receives, in order: any number of tokens, then exactly one of Done or Failed. */
    sealed interface Event permits Queued, Token, Done, Failed, Busy {
    }

    /** The answer waits for a free LLM slot, {@code ahead} requests before it. */
    record Queued(int ahead) implements Event {
    }

    record Token(String text) implements Event {
    }

    record Done(Answer answer) implements Event {
    }

    record Failed(String code, String message, boolean badInput) implements Event {
    }

    /** The LLM's queue is full and the operator chose to refuse (OLLAMA_WHEN_BUSY=reject). */
    record Busy(String message, long retryAfterSeconds) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread worker;

    private AnswerRun(Assistant assistant, Question question) {
        this.worker = Thread.ofVirtual().name("answer").unstarted(() -> run(assistant, question));
    }

    static AnswerRun start(Assistant assistant, Question question) {
        AnswerRun run = new AnswerRun(assistant, question);
        run.worker.start();
        return run;
    }

    private void run(Assistant assistant, Question question) {
        try {
            Answer answer = assistant.answer(question, new TokenSink() {
                @Override
                public void onToken(String text) {
                    if (text != null && !text.isEmpty()) {
                        events.add(new Token(text));
                    }
                }

                @Override
                public void onQueued(int ahead) {
                    events.add(new Queued(ahead));
                }
            });
            events.add(new Done(answer));
        } catch (AssistantBusyException e) {
            events.add(new Busy(e.getMessage(), e.retryAfter().toSeconds()));
        } catch (InvalidQuestionException e) {
            events.add(new Failed(e.code(), e.getMessage(), true));
        } catch (Throwable t) {
            java.util.logging.Logger.getLogger(AnswerRun.class.getName())
                    .log(java.util.logging.Level.WARNING, "Answering failed", t);
            events.add(new Failed("answer_failed", "Không thể trả lời câu hỏi lúc này. Vui lòng thử lại sau.", false));
        }
    }

    /** The next event, or null when {@code remaining} passes without one. */
    Event next(Duration remaining) throws InterruptedException {
        return events.poll(Math.max(0, remaining.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Stops the work (client gone or deadline passed). */
    void cancel() {
        worker.interrupt();
    }
}
