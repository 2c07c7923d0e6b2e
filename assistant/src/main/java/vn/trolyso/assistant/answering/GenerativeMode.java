package vn.trolyso.assistant.answering;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.guard.Refusals;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.rag.GenerativeAnswerer;
import vn.trolyso.assistant.rag.GenerativeResult;

/** The pipeline's use of the LLM: follow-up rewrite and streamed answers, with the fallback policy. */
final class GenerativeMode {
    private static final Logger LOG = Logger.getLogger(GenerativeMode.class.getName());
    private final GenerativeAnswerer llm;

    /**
     * A generated answer (already streamed to the sink).
     *
     * @param grounded false when retrieval found no source (nothing was streamed)
     */
    record Result(String text, AnswerMode mode, List<Citation> citations, boolean grounded) {
    }

    GenerativeMode(GenerativeAnswerer llm) {
        this.llm = llm;
    }

    /**
     * The follow-up made standalone by the LLM; the rules take over when it fails, and also when it returned the
     * question unchanged although the rules see an elliptical follow-up.
     */
    String rewrite(List<Turn> history, String question) {
        if (history.isEmpty()) {
            return question;
        }
        try {
            String rewritten = llm.rewriteFollowUp(history, question);
            if (!rewritten.isBlank() && !rewritten.strip().equals(question.strip())) {
                return rewritten.strip();
            }
        } catch (LlmUnavailableException e) {
            LOG.log(Level.INFO, "LLM follow-up rewrite failed ({0}); using the rule-based rewrite",
                    e.reason().apiName());
        }
        return FollowUpRewriter.rewrite(history, question);
    }

    /**
     * Streams the LLM's answer; an answer ending with a notice when it failed midway.
     *
     * @throws LlmUnavailableException when it failed before anything reached the sink (the caller answers in the
     *                                 no-LLM mode, with a note chosen from the reason)
     */
    Result answer(String standalone, List<Turn> history, UserProfile profile, Set<String> preferredDocuments,
                  TokenSink tokens)
            throws LlmUnavailableException {
        StringBuilder emitted = new StringBuilder();
        TokenSink recording = new TokenSink() {
            @Override
            public void onToken(String token) {
                emitted.append(token);
                tokens.onToken(token);
            }

            @Override
            public void onQueued(int ahead) {
                tokens.onQueued(ahead);
            }
        };
        try {
            GenerativeResult r = llm.answer(standalone, history, profile, recording,
                    preferredDocuments);
            if (!r.grounded()) {
                return new Result("", AnswerMode.REFUSAL, List.of(), false);
            }
            CitationMapper.Mapped mapped = CitationMapper.map(r.text(), r.sources());
            AnswerMode mode = r.notInSources() || r.text().strip().startsWith(Refusals.NOT_IN_DOCUMENTS_PREFIX)
                    ? AnswerMode.REFUSAL : AnswerMode.GENERATIVE;
            return new Result(mapped.text(), mode, mode == AnswerMode.REFUSAL ? List.of() : mapped.citations(), true);
        } catch (LlmUnavailableException e) {
            if (!e.tokensEmitted() && emitted.isEmpty()) {
                LOG.log(Level.INFO, "LLM failed before answering ({0}); answering in the no-LLM mode",
                        e.reason().apiName());
                throw e;
            }
            if (Thread.currentThread().isInterrupted()) {
                // Cancelled by the caller (the client left, or the server's answer timeout): not an LLM fault.
                LOG.log(Level.FINE, "Answer cancelled while streaming");
            } else {
                LOG.log(Level.WARNING, "LLM stream broke off ({0}); ending the answer with a notice",
                        e.reason().apiName());
            }
            // The sources of a broken stream are unknown here, so its markers cannot be mapped: drop them.
            String notice = "\n\n" + e.vietnameseMessage();
            tokens.onToken(notice);
            String partial = CitationMapper.map(emitted.toString(), List.of()).text();
            return new Result(partial + notice, AnswerMode.GENERATIVE, List.of(), true);
        }
    }
}
