package vn.trolyso.knowledge.framework;

import java.util.List;
import vn.trolyso.knowledge.search.Passage;

/**
 * An exact answer composed from the framework data.
 *
 * @param text    Vietnamese answer with [n] markers, n being the 1-based position in {@code sources}
 * @param sources framework passages the markers point at
 */
public record FrameworkAnswer(String text, List<Passage> sources) {
    public FrameworkAnswer {
        sources = List.copyOf(sources);
    }
}
