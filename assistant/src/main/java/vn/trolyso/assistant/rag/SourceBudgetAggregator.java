package vn.trolyso.assistant.rag;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.content.aggregator.DefaultContentAggregator;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses the retrieved contents with LangChain4j's {@link DefaultContentAggregator} (reciprocal rank fusion), then
 * keeps the best ones that fit the prompt's token budget, trimming long passages; LangChain4j has no aggregator
 * that knows about a token budget. What it returns is exactly what the injector numbers [1]..[n], so the
 * augmentation result's contents are the citable sources.
 */
final class SourceBudgetAggregator implements ContentAggregator {
    /** A trimmed passage shorter than this is not worth a source number. */
    private static final int MIN_USEFUL_TOKENS = 60;

    private final ContentAggregator fusion = new DefaultContentAggregator();
    private final PromptBuilder prompts;
    private final int budget;
    private final int maxSources;
    private final List<Content> pinned;

    /** @param pinned contents that come first whatever the ranking (e.g. framework look-up results) */
    SourceBudgetAggregator(PromptBuilder prompts, int budget, int maxSources, List<Content> pinned) {
        this.prompts = prompts;
        this.budget = budget;
        this.maxSources = maxSources;
        this.pinned = List.copyOf(pinned);
    }

    SourceBudgetAggregator(PromptBuilder prompts, int budget, int maxSources) {
        this(prompts, budget, maxSources, List.of());
    }

    @Override
    public List<Content> aggregate(Map<Query, Collection<List<Content>>> queryToContents) {
        List<Content> ranked = new ArrayList<>(pinned);
        ranked.addAll(fusion.aggregate(queryToContents));
        List<Content> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // No single passage may take more than half the budget when others are waiting.
        int perSourceCap = ranked.size() > 1 ? Math.max(MIN_USEFUL_TOKENS * 2, budget / 2) : budget;
        int left = budget;
        for (Content c : ranked) {
            if (kept.size() == maxSources || left < MIN_USEFUL_TOKENS) {
                break;
            }
            if (!seen.add(PassageContents.toPassage(c).chunkId())) {
                continue;
            }
            int n = kept.size() + 1;
            Content fitted = c;
            int cost = prompts.sourceTokens(n, PassageContents.toPassage(c));
            int allowed = Math.min(left, perSourceCap);
            if (cost > allowed) {
                int overhead = cost - prompts.estimator().estimateTokenCountInText(c.textSegment().text());
                int textTokens = allowed - overhead;
                if (textTokens < MIN_USEFUL_TOKENS) {
                    continue;
                }
                fitted = PassageContents.withText(c, prompts.trimToTokens(c.textSegment().text(), textTokens));
                cost = prompts.sourceTokens(n, PassageContents.toPassage(fitted));
            }
            kept.add(fitted);
            left -= cost;
        }
        return kept;
    }
}
