package vn.trolyso.assistant.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.AssistantBusyException;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.conversation.ConversationMemory;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.assistant.conversation.MessageFraming;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.extractive.AnswerKind;
import vn.trolyso.assistant.extractive.ExtractiveAnswerer;
import vn.trolyso.assistant.extractive.Lexicon;
import vn.trolyso.assistant.guard.QuestionValidator;
import vn.trolyso.assistant.guard.Refusals;
import vn.trolyso.assistant.guard.ScopeGuard;
import vn.trolyso.assistant.guard.ScopeVerdict;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.rag.GenerativeAnswerer;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.text.ChatShorthand;
import vn.trolyso.knowledge.text.Organisation;

/**
 * The answering pipeline: validate → screen (injection, out of scope) → make follow-ups standalone (LLM when up,
 * rules otherwise) → framework questions from the structured data → the LLM over numbered sources when it is
 * available, else (or when it fails before its first token) an extractive answer from the best sentences, or
 * "the documents do not mention it" when the evidence is weak. Every answer is remembered in its conversation.
 */
public final class DefaultAssistant implements Assistant {
    private static final Logger LOG = Logger.getLogger(DefaultAssistant.class.getName());
    /** Passages looked at to find which documents a question names (a place is named in few of them). */
    private static final int NAMING_DEPTH = 20;
    /** How many times the usual passages a question searches when none has the shape of its answer. */
    private static final int DEEPER_SEARCH = 3;

    private final KnowledgeSearch search;
    private final FrameworkResponder framework;
    private final AssistantSettings settings;
    private final ConversationMemory conversations;
    private final ExtractiveAnswerer extractive;
    private final MaterialSuggester materials;
    private final Optional<GenerativeAnswerer> llm;
    private final GenerativeMode generative;

    public DefaultAssistant(KnowledgeSearch search, FrameworkResponder framework, Optional<GenerativeAnswerer> llm,
                            AssistantSettings settings) {
        this.search = search;
        this.llm = llm;
        this.generative = llm.map(GenerativeMode::new).orElse(null);
        this.framework = framework;
        this.settings = settings;
        this.conversations = new ConversationMemory(settings.historyTurns(), settings.conversationIdle(),
                settings.maxConversations(), settings.clock());
        this.extractive = new ExtractiveAnswerer(settings.reader(), settings.maxSentences());
        this.materials = new MaterialSuggester(search);
    }

    @Override
    public Answer answer(Question question, TokenSink tokens) {
        String message = QuestionValidator.clean(question.message());
        UserProfile profile = question.profile();
        String conversationId;
        List<Turn> history;
        if (question.callerKeepsHistory()) {
            // The caller keeps the conversation (the server's database, a client's transcript): nothing is
            // remembered here, and a transcript that lacks the standalone rewrites gets them worked out.
            conversationId = question.conversationId();
            List<Turn> given = question.history();
            history = given.stream().allMatch(t -> t.standaloneQuestion() != null)
                    ? given.subList(Math.max(0, given.size() - settings.historyTurns()), given.size())
                    : FollowUpRewriter.replay(given, settings.historyTurns());
        } else {
            ConversationMemory.Session session = conversations.open(question.conversationId());
            conversationId = session.id();
            history = session.isNew() && !question.history().isEmpty()
                    ? FollowUpRewriter.replay(question.history(), settings.historyTurns()) : session.history();
        }
        Reply reply = reply(message, history, profile, question.lesson(), tokens);
        if (!reply.streamed()) {
            tokens.onToken(reply.text());
        }
        if (!question.callerKeepsHistory()) {
            conversations.append(conversationId, new Turn(message, reply.standalone(), reply.text()));
        }
        String messageId = question.messageId() != null ? question.messageId() : UUID.randomUUID().toString();
        return new Answer(conversationId, messageId, reply.text(), reply.mode(), reply.citations(),
                reply.llmFallback(), reply.standalone());
    }

    /**
     * The reply to a cleaned message and the standalone question it answered.
     *
     * @param streamed true when the text already went to the token sink
     */
    private record Reply(String standalone, String text, AnswerMode mode, List<Citation> citations,
                         boolean llmFallback, boolean streamed) {
        Reply(String standalone, String text, AnswerMode mode, List<Citation> citations) {
            this(standalone, text, mode, citations, false, false);
        }

        Reply asFallback() {
            return new Reply(standalone, text, mode, citations, true, streamed);
        }
    }

    private Reply reply(String typed, List<Turn> history, UserProfile profile, Material lesson, TokenSink tokens) {
        String message = ChatShorthand.expand(typed); // "khoảng bn người" asks "bao nhiêu"
        ScopeVerdict verdict = ScopeGuard.classify(message);
        if (lesson != null && verdict != ScopeVerdict.INJECTION && LessonSummary.isRequest(message)) {
            return new Reply(message, LessonSummary.text(lesson), AnswerMode.EXTRACTIVE, LessonSummary.citations(lesson));
        }
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
        boolean llmUp = llm.isPresent() && llm.get().available();
        String standalone = llmUp ? generative.rewrite(history, message) : FollowUpRewriter.rewrite(history, message);
        // A question asked from a lesson is about that lesson, not a framework look-up.
        Optional<FrameworkResponder.Reply> exact = lesson != null ? Optional.empty()
                : frameworkFollowUp(history, MessageFraming.question(message), profile)
                        .or(() -> frameworkReply(standalone, profile));
        if (exact.isPresent()) {
            CitationMapper.Mapped mapped = CitationMapper.map(exact.get().text(), exact.get().sources());
            if (exact.get().declines()) {
                // "Bậc 7 cần đạt gì?": declined, with why (the data describes bậc 1–5 only) and its source.
                return new Reply(standalone, mapped.text(), AnswerMode.REFUSAL, mapped.citations());
            }
            return new Reply(standalone, ProfileWording.withLead(profile, mapped.text()), AnswerMode.FRAMEWORK,
                    mapped.citations());
        }
        Optional<Reply> unnamed = organisationNotNamed(standalone);
        if (unnamed.isPresent()) {
            return unnamed.get();
        }
        if (llmUp) {
            GenerativeMode.Result g;
            try {
                // The lesson asked about, else the place the question names: its documents are the sources.
                Set<String> preferred = lesson != null ? Set.of(lesson.id()) : namedPlaces(standalone).keySet();
                g = generative.answer(standalone, history, profile, preferred, tokens);
            } catch (LlmUnavailableException e) {
                if (e.reason() == LlmUnavailableException.Reason.BUSY && llm.get().rejectWhenBusy()) {
                    throw new AssistantBusyException(e.vietnameseMessage() + " Vui lòng thử lại sau ít phút.");
                }
                String note = e.reason() == LlmUnavailableException.Reason.MODEL_NOT_PULLED
                        ? AnswerTexts.modelMissingNote(e.vietnameseMessage()) : AnswerTexts.FALLBACK_NOTE;
                return extractive(message, standalone, history, profile, lesson, note).asFallback();
            }
            if (!g.grounded()) {
                return refusal(standalone, Refusals.notInDocuments(standalone));
            }
            String text = g.text();
            if (g.mode() == AnswerMode.GENERATIVE) {
                String suggestion = suggestion(standalone, profile);
                tokens.onToken(suggestion);
                text += suggestion;
            }
            return new Reply(standalone, text, g.mode(), g.citations(), false, true);
        }
        if (llm.isPresent() && llm.get().status().usable()) {
            // Ollama is ready but the circuit breaker holds calls back after recent failures.
            return extractive(message, standalone, history, profile, lesson, AnswerTexts.FALLBACK_NOTE).asFallback();
        }
        if (llm.isPresent() && llm.get().status().enabled() && llm.get().status().reachable()) {
            // Ollama answers but lacks the model: say which command fixes it (the documented note).
            String note = AnswerTexts.modelMissingNote(llm.get().status().vietnameseMessage());
            return extractive(message, standalone, history, profile, lesson, note).asFallback();
        }
        return extractive(message, standalone, history, profile, lesson, AnswerTexts.EXTRACTIVE_NOTE);
    }

    /**
     * "Đoàn Thanh niên phường Kiến An được giao nhiệm vụ gì?" when no document of Kiến An names the youth union:
     * declined, for a plan assigns nothing to an organisation it never names. Only an organisation asked about counts,
     * not one the person belongs to ("Chị ở Hội Phụ nữ phường, …").
     */
    private Optional<Reply> organisationNotNamed(String standalone) {
        Optional<Organisation> asked = MessageFraming.askingClauses(standalone).stream()
                .map(Organisation::firstIn).flatMap(Optional::stream).findFirst();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Map<String, DocumentMetadata> named = namedPlaces(standalone);
        List<Passage> mentions = retrieve(asked.get().displayName(), SearchQuery.MAX_LIMIT, named.keySet());
        if (mentions.stream().anyMatch(p -> asked.get().namedIn(p.text()))) {
            return Optional.empty();
        }
        return Optional.of(notFound(standalone, named));
    }

    /** The refusal of a question these documents (every document when none is named) do not answer. */
    private static Reply notFound(String standalone, Map<String, DocumentMetadata> named) {
        return refusal(standalone, named.isEmpty() ? Refusals.notInDocuments(standalone)
                : Refusals.notInNamedDocuments(standalone,
                named.values().stream().map(DocumentMetadata::issuer).distinct().toList()));
    }

    private Reply extractive(String message, String standalone, List<Turn> history, UserProfile profile,
                             Material lesson, String note) {
        int sentences = ProfileWording.maxSentences(profile, settings.maxSentences());
        // A question naming a school or ward is answered from that place's documents, or not at all.
        // "… ở đâu?" searches for "địa điểm" too: the answer line shares no other word with the question.
        String searchText = AnswerKind.searchText(standalone);
        List<Passage> searched = retrieve(searchText, NAMING_DEPTH, Set.of());
        Map<String, DocumentMetadata> named = NamedPlaces.named(standalone, searched);
        if (named.isEmpty() && !message.equals(standalone)) {
            // A follow-up moving to another place ("Còn bên P. Kiến An thì sao?") carries the earlier topic, whose
            // words find the earlier place's passages: the person's own words find the place named now.
            named = NamedPlaces.named(standalone, retrieve(message, NAMING_DEPTH, Set.of()));
        }
        Optional<ExtractiveAnswerer.Extract> extract = Optional.empty();
        if (lesson != null) {
            // The lesson's own passages first; the whole knowledge base only when they hold no answer.
            extract = extract(standalone, retrieve(searchText, settings.passages(), Set.of(lesson.id())), sentences);
        }
        if (extract.isEmpty() && named.isEmpty() && !history.isEmpty()) {
            // One naming no place goes on with the place of the conversation ("Cho mình hỏi kế hoạch … phường
            // Kiến An." then "Mục tiêu năm 2025 với phụ huynh là bao nhiêu?"), and with every place if that fails.
            Set<String> carried = placeOfConversation(history);
            if (!carried.isEmpty()) {
                extract = extract(standalone, passages(standalone, searchText, carried, Lexicon.of(search)),
                        sentences);
                if (extract.isEmpty()) {
                    extract = askedOfTopicBefore(history, message, carried, Lexicon.of(search), sentences);
                }
            }
        }
        if (extract.isEmpty()) {
            // Naming no place, the passages are the top of the search already made to look for one.
            if (named.isEmpty()) {
                List<Passage> passages = searched.subList(0, Math.min(settings.passages(), searched.size()));
                if (ExtractiveAnswerer.answerShapeMissing(standalone, passages, Lexicon.of(search))) {
                    passages = searched.subList(0, Math.min(DEEPER_SEARCH * settings.passages(), searched.size()));
                }
                extract = extract(standalone, passages, sentences);
            } else {
                Lexicon confined = Lexicon.of(search).confinedToNamedDocuments();
                extract = extractive.extract(standalone, passages(standalone, searchText, named.keySet(), confined),
                        sentences, confined);
                if (extract.isEmpty()) {
                    extract = askedOfTopicBefore(history, message, named.keySet(), confined, sentences);
                }
            }
        }
        if (extract.isEmpty()) {
            return notFound(standalone, named);
        }
        CitationMapper.Mapped mapped = CitationMapper.map(extract.get().text(), extract.get().sources());
        String text = ProfileWording.withLead(profile, mapped.text()) + suggestion(standalone, profile)
                + "\n\n" + note;
        return new Reply(standalone, text, AnswerMode.EXTRACTIVE, mapped.citations());
    }

    /**
     * "ưu tiên giúp những ai trước?" reads as a question of its own, and is one only of the topic before it ("… có
     * huy động học sinh đi tình nguyện không?"): when it finds nothing in these documents, it is asked once more
     * joined to that topic, still within them.
     */
    private Optional<ExtractiveAnswerer.Extract> askedOfTopicBefore(List<Turn> history, String message,
                                                                   Set<String> documentIds, Lexicon lexicon,
                                                                   int sentences) {
        return FollowUpRewriter.joined(history, message).flatMap(joined -> extractive.extract(joined,
                passages(joined, AnswerKind.searchText(joined), documentIds, lexicon), sentences, lexicon));
    }

    /**
     * The passages of these documents to answer from; deeper when the question asks how many of something or what a
     * unit must do and the usual ones hold no sentence of that shape.
     */
    private List<Passage> passages(String question, String searchText, Set<String> documentIds, Lexicon lexicon) {
        List<Passage> passages = retrieve(searchText, settings.passages(), documentIds);
        if (ExtractiveAnswerer.answerShapeMissing(question, passages, lexicon)) {
            return retrieve(searchText, DEEPER_SEARCH * settings.passages(), documentIds);
        }
        return passages;
    }

    private Optional<ExtractiveAnswerer.Extract> extract(String question, List<Passage> passages, int sentences) {
        return extractive.extract(question, passages, sentences, Lexicon.of(search));
    }

    /**
     * The documents of the place the conversation is about: the one its latest turn naming a place named ("hội thảo
     * … ở Phú Nhuận", then "mỗi cụm viết bao nhiêu bài?", then "hạn chót khi nào?").
     */
    private Set<String> placeOfConversation(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Set<String> named = namedPlaces(history.get(i).standaloneQuestion()).keySet();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return Set.of();
    }

    private Map<String, DocumentMetadata> namedPlaces(String question) {
        return NamedPlaces.named(question, retrieve(question, NAMING_DEPTH, Set.of()));
    }

    /** "Gợi ý học tiếp: …" (with its leading blank line) when a profile is set and a material fits, else "". */
    private String suggestion(String standalone, UserProfile profile) {
        if (profile.role() == null && profile.grade() == null) {
            return "";
        }
        return materials.suggest(standalone).map(title -> "\n\n" + AnswerTexts.SUGGESTION_PREFIX + title).orElse("");
    }

    private static final java.util.Set<AnswerKind> NOT_IN_FRAMEWORK = java.util.EnumSet.of(AnswerKind.PLACE,
            AnswerKind.ADDRESS, AnswerKind.CLOCK, AnswerKind.WEEKDAY, AnswerKind.MONEY, AnswerKind.FEE,
            AnswerKind.LINK, AnswerKind.CONTACT, AnswerKind.PRIZE, AnswerKind.PERSON_NAME, AnswerKind.NAME,
            AnswerKind.APP_NAME,
            AnswerKind.RESULT);

    /**
     * A framework question completed by the one before it ({@link FrameworkResponder#respondFollowUp}). It reads the
     * person's own words: what they name is what changes, and the earlier question gives the rest.
     */
    private Optional<FrameworkResponder.Reply> frameworkFollowUp(List<Turn> history, String question,
                                                                 UserProfile profile) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        String earlier = history.getLast().standaloneQuestion();
        return frameworkReply(question, () -> framework.respondFollowUp(question, earlier, profile));
    }

    private Optional<FrameworkResponder.Reply> frameworkReply(String question, UserProfile profile) {
        return frameworkReply(question, () -> framework.respond(question, profile));
    }

    private Optional<FrameworkResponder.Reply> frameworkReply(String question,
                                                              Supplier<Optional<FrameworkResponder.Reply>> responder) {
        if (NOT_IN_FRAMEWORK.contains(AnswerKind.of(question))) {
            // "Lớp 5 thi chứng chỉ năng lực số ở đâu, lệ phí bao nhiêu?": the framework names no place, hour, fee,
            // link, prize, person or result achieved.
            return Optional.empty();
        }
        try {
            Optional<FrameworkResponder.Reply> reply = responder.get();
            if (reply.isEmpty()) {
                return reply;
            }
            List<Passage> passages = retrieve(question);
            if (DocumentNames.namedIn(question, passages)) {
                // "Trường Đoàn Lập đặt mục tiêu gì … năng lực số?" is about that school's plan, not the framework.
                return Optional.empty();
            }
            if (passages.stream().noneMatch(p -> p.document().kind() == DocumentKind.FRAMEWORK)) {
                // Search finds no framework passage at all: "Ai là người …", "trình độ thạc sĩ" in a university
                // regulation only look like framework words ("AI", "trình độ").
                return Optional.empty();
            }
            return reply;
        } catch (RuntimeException e) {
            // The framework is an optional shortcut: a fault there must not cost the person an answer.
            LOG.log(Level.WARNING, "Framework answer failed; answering from the documents", e);
            return Optional.empty();
        }
    }

    private List<Passage> retrieve(String question) {
        return retrieve(question, settings.passages(), Set.of());
    }

    private List<Passage> retrieve(String question, int limit, Set<String> documentIds) {
        try {
            return new ArrayList<>(search.search(new SearchQuery(question, limit, documentIds, Set.of())));
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }

    private static Reply refusal(String standalone, String text) {
        return new Reply(standalone, text, AnswerMode.REFUSAL, List.of());
    }
}
