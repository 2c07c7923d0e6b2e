package vn.trolyso.assistant.rag;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaStatus;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;

/**
 * Retrieval-augmented generation with LangChain4j's building blocks: {@link LuceneContentRetriever} → a
 * {@link DefaultRetrievalAugmentor} whose aggregator keeps the sources within the token budget and whose injector
 * numbers them → the Vietnamese system rules and a {@link TokenWindowChatMemory} of earlier turns → the
 * {@link OllamaGateway}'s stream.
 */
public final class RagGenerativeAnswerer implements GenerativeAnswerer {
    /** Passages fetched per question; the budget usually keeps three or four. */
    static final int PASSAGES_FETCHED = 8;
    static final int MAX_SOURCES = 5;
    /** Earlier turns shown to the follow-up rewrite. */
    static final int REWRITE_TURNS = 3;
    private static final String MEMORY_ID = "conversation";

    private final OllamaGateway gateway;
    private final KnowledgeSearch search;
    private final ContentRetriever retriever;
    private final PromptBuilder prompts = new PromptBuilder();
    private final FrameworkToolRound frameworkTools;

    /** Without framework tools (framework questions are then answered from retrieved framework passages). */
    public RagGenerativeAnswerer(OllamaGateway gateway, KnowledgeSearch search) {
        this(gateway, search, null);
    }

    /**
     * @param framework when not null, questions about the competency framework first offer the model the
     *                  {@link vn.trolyso.assistant.framework.FrameworkTools} look-ups, whose results become sources
     */
    public RagGenerativeAnswerer(OllamaGateway gateway, KnowledgeSearch search, CompetencyFramework framework) {
        int needed = PromptBuilder.CONTEXT_BUDGET + OllamaGateway.MAX_OUTPUT_TOKENS;
        if (gateway.settings().numCtx() < needed) {
            throw new IllegalArgumentException("num_ctx " + gateway.settings().numCtx() + " cannot hold a "
                    + PromptBuilder.CONTEXT_BUDGET + "-token prompt and a " + OllamaGateway.MAX_OUTPUT_TOKENS
                    + "-token answer: use at least " + needed);
        }
        this.gateway = gateway;
        this.search = search;
        this.retriever = new LuceneContentRetriever(search, PASSAGES_FETCHED);
        this.frameworkTools = framework == null ? null : new FrameworkToolRound(framework);
    }

    @Override
    public GenerativeResult answer(String standaloneQuestion, List<Turn> history, UserProfile profile,
                                   TokenSink sink) throws LlmUnavailableException {
        return answer(standaloneQuestion, history, profile, sink, Set.of());
    }

    @Override
    public GenerativeResult answer(String standaloneQuestion, List<Turn> history, UserProfile profile, TokenSink sink,
                                   Set<String> preferredDocuments) throws LlmUnavailableException {
        gateway.checkAvailable();
        ContentRetriever retriever = this.retriever;
        if (!preferredDocuments.isEmpty()) {
            ContentRetriever preferred = new LuceneContentRetriever(search, PASSAGES_FETCHED, Set.of(), preferredDocuments);
            if (!preferred.retrieve(Query.from(standaloneQuestion)).isEmpty()) {
                retriever = preferred;
            }
        }
        SystemMessage system = prompts.systemMessage(profile);
        List<ChatMessage> past = memory(history);
        int budget = prompts.sourcesBudget(system, past, standaloneQuestion);
        List<Content> lookedUp = retriever == this.retriever && frameworkTools != null
                && frameworkTools.concerns(standaloneQuestion)
                ? frameworkTools.lookUp(gateway, standaloneQuestion).stream().map(PassageContents::toContent).toList()
                : List.of();
        RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(retriever)
                .contentAggregator(new SourceBudgetAggregator(prompts, budget, MAX_SOURCES, lookedUp))
                .contentInjector(new NumberedSourcesInjector(prompts))
                .executor(Runnable::run)
                .build();
        UserMessage question = UserMessage.from(standaloneQuestion);
        AugmentationResult augmented = augmentor.augment(
                new AugmentationRequest(question, Metadata.from(question, MEMORY_ID, past)));
        List<Passage> sources = augmented.contents().stream().map(PassageContents::toPassage).toList();
        if (sources.isEmpty()) {
            return new GenerativeResult(PromptBuilder.NOT_IN_SOURCES, List.of());
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(system);
        messages.addAll(past);
        messages.add(augmented.chatMessage());
        CitationStreamSink mapped = new CitationStreamSink(sink, sources);
        try {
            String text = gateway.stream(messages, mapped);
            return new GenerativeResult(text, sources);
        } finally {
            mapped.finish();
        }
    }

    @Override
    public String rewriteFollowUp(List<Turn> history, String question) throws LlmUnavailableException {
        if (history.isEmpty()) {
            return question;
        }
        List<String[]> exchanges = new ArrayList<>();
        for (Turn t : history.subList(Math.max(0, history.size() - REWRITE_TURNS), history.size())) {
            exchanges.add(new String[] {t.standaloneQuestion(), prompts.trimToTokens(withoutMarkers(t.answer()), 60)});
        }
        ChatRequest request = ChatRequest.builder()
                .messages(prompts.followUpRewrite(exchanges, question))
                .maxOutputTokens(120)
                .build();
        String output = gateway.chat(request, gateway.settings().firstTokenTimeout()).aiMessage().text();
        return cleanRewrite(output, question);
    }

    @Override
    public boolean available() {
        return gateway.available();
    }

    @Override
    public OllamaStatus status() {
        return gateway.status();
    }

    @Override
    public boolean rejectWhenBusy() {
        return gateway.settings().whenBusy() == vn.trolyso.assistant.llm.OllamaSettings.WhenBusy.REJECT;
    }

    /** Earlier turns as chat messages, the oldest evicted first to stay within the history budget. */
    private List<ChatMessage> memory(List<Turn> history) {
        TokenWindowChatMemory memory = TokenWindowChatMemory.builder()
                .id(MEMORY_ID)
                .maxTokens(PromptBuilder.HISTORY_BUDGET, prompts.estimator())
                .build();
        for (Turn t : history) {
            memory.add(UserMessage.from(t.standaloneQuestion()));
            memory.add(AiMessage.from(prompts.trimToTokens(withoutMarkers(t.answer()), 90)));
        }
        return memory.messages();
    }

    /** Old answers' markers refer to old source lists: drop them so the model cannot confuse them with today's. */
    static String withoutMarkers(String text) {
        return text == null ? "" : text.replaceAll("\\s?\\[\\d{1,3}\\]", "").strip();
    }

    /** The model's rewrite, stripped of labels and quotes; the original question when the output is unusable. */
    static String cleanRewrite(String output, String question) {
        if (output == null) {
            return question;
        }
        String line = output.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replace("*", "").strip();
        line = line.replaceFirst("(?iu)^(câu hỏi( độc lập| viết lại| đầy đủ)?|viết lại)\\s*:\\s*", "");
        line = line.replaceAll("^[\"'“”«\\s]+|[\"'“”»\\s]+$", "").strip();
        boolean unusable = line.length() < 4 || line.length() > Math.max(300, question.length() * 4)
                || line.toLowerCase(Locale.ROOT).startsWith("tài liệu hiện có");
        return unusable ? question : line;
    }
}
