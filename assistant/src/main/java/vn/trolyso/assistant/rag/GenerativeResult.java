package vn.trolyso.assistant.rag;

import java.util.List;
import vn.trolyso.knowledge.search.Passage;

/**
 * What the LLM wrote and the sources it was given.
 *
 * @param text    the answer as generated, with [n] markers referring to {@code sources} (1-based); map it with
 *                {@link vn.trolyso.assistant.citation.CitationMapper#map(String, List)}
 * @param sources the numbered sources, in prompt order (passage texts may have been trimmed to the token budget)
 */
public record GenerativeResult(String text, List<Passage> sources) {
    public GenerativeResult {
        sources = List.copyOf(sources);
    }

    /** False when retrieval found nothing: the LLM was not called and {@code text} is the prescribed refusal. */
    public boolean grounded() {
        return !sources.isEmpty();
    }

    /** True when the answer is (or starts with) "the documents do not mention this". */
    public boolean notInSources() {
        return !grounded() || text.strip().startsWith("Tài liệu hiện có không đề cập");
    }
}
