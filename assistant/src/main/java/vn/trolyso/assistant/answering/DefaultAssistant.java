package vn.trolyso.assistant.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.conversation.ConversationStore;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.extractive.ExtractiveAnswerer;
import vn.trolyso.assistant.guard.QuestionValidator;
import vn.trolyso.assistant.guard.Refusals;
import vn.trolyso.assistant.guard.ScopeGuard;
import vn.trolyso.assistant.guard.ScopeVerdict;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/**
 * The answering pipeline: validate → screen (injection, out of scope) → make follow-ups standalone → framework
 * questions from the structured data → extractive answer from the best sentences, or "the documents do not
 * mention it" when the evidence is weak. Every answer is remembered in its conversation.
 */
public final class DefaultAssistant implements Assistant {
    private static final Logger LOG = Logger.getLogger(DefaultAssistant.class.getName());

    private final KnowledgeSearch search;
    private final FrameworkResponder framework;
    private final AssistantSettings settings;
    private final ConversationStore conversations;
    private final ExtractiveAnswerer extractive;
    private final MaterialSuggester materials;

    public DefaultAssistant(KnowledgeSearch search, FrameworkResponder framework, AssistantSettings settings) {
        this.search = search;
        this.framework = framework;
        this.settings = settings;
        this.conversations = new ConversationStore(settings.historyTurns(), settings.conversationIdle(),
                settings.maxConversations(), settings.clock());
        this.extractive = new ExtractiveAnswerer(settings.minCoverage(), settings.maxSentences());
        this.materials = new MaterialSuggester(search);
    }

    @Override
    public Answer answer(Question question, TokenSink tokens) {
        String message = QuestionValidator.clean(question.message());
        ConversationStore.Session session = conversations.open(question.conversationId());
        UserProfile profile = question.profile();
        Reply reply = reply(message, session.history(), profile);
        tokens.onToken(reply.text());
        conversations.append(session.id(), new Turn(message, reply.standalone(), reply.text()));
        return new Answer(session.id(), UUID.randomUUID().toString(), reply.text(), reply.mode(), reply.citations(),
                false);
    }

    /** The reply to a cleaned message, and the standalone question it answered. */
    private record Reply(String standalone, String text, AnswerMode mode, List<Citation> citations) {
    }

    private Reply reply(String message, List<Turn> history, UserProfile profile) {
        ScopeVerdict verdict = ScopeGuard.classify(message);
        switch (verdict) {
            case INJECTION -> {
                return refusal(message, Refusals.INJECTION);
            }
            case OUT_OF_SCOPE -> {
                return refusal(message, Refusals.OUT_OF_SCOPE);
            }
            case GREETING -> {
                return refusal(message, Refusals.GREETING);
            }
            case IN_SCOPE -> {
                // answered below
            }
        }
        String standalone = FollowUpRewriter.rewrite(history, message);
        Optional<FrameworkResponder.Reply> exact = frameworkReply(standalone, profile);
        if (exact.isPresent()) {
            CitationMapper.Mapped mapped = CitationMapper.map(exact.get().text(), exact.get().sources());
            return new Reply(standalone, ProfileWording.withLead(profile, mapped.text()), AnswerMode.FRAMEWORK,
                    mapped.citations());
        }
        List<Passage> passages = retrieve(standalone);
        int sentences = ProfileWording.maxSentences(profile, settings.maxSentences());
        Optional<ExtractiveAnswerer.Extract> extract = extractive.extract(standalone, passages, sentences);
        if (extract.isEmpty()) {
            return refusal(standalone, Refusals.notInDocuments(standalone));
        }
        CitationMapper.Mapped mapped = CitationMapper.map(extract.get().text(), extract.get().sources());
        StringBuilder text = new StringBuilder(ProfileWording.withLead(profile, mapped.text()));
        if (profile.role() != null || profile.grade() != null) {
            materials.suggest(standalone).ifPresent(title ->
                    text.append("\n\n").append(AnswerTexts.SUGGESTION_PREFIX).append(title));
        }
        text.append("\n\n").append(AnswerTexts.EXTRACTIVE_NOTE);
        return new Reply(standalone, text.toString(), AnswerMode.EXTRACTIVE, mapped.citations());
    }

    private Optional<FrameworkResponder.Reply> frameworkReply(String question, UserProfile profile) {
        try {
            return framework.respond(question, profile);
        } catch (RuntimeException e) {
            // The framework is an optional shortcut: a fault there must not cost the person an answer.
            LOG.log(Level.WARNING, "Framework answer failed; answering from the documents", e);
            return Optional.empty();
        }
    }

    private List<Passage> retrieve(String question) {
        try {
            return new ArrayList<>(search.search(SearchQuery.of(question, settings.passages())));
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }

    private static Reply refusal(String standalone, String text) {
        return new Reply(standalone, text, AnswerMode.REFUSAL, List.of());
    }
}
