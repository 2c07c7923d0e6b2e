package vn.trolyso.knowledge.framework;

import java.util.List;
import vn.trolyso.knowledge.search.Passage;

/**
 * An exact answer composed from the framework data.
 *
 * @param text        Vietnamese answer with [n] markers, n being the 1-based position in {@code sources}
 * @param sources     framework passages the markers point at
 * @param undescribed true when it asks what a level requires and the data describes no requirement for it (bậc
 *                    6–8, or one competency at a level it has no descriptor for): the text says so, and the
 *                    question is declined rather than answered
 */
public record FrameworkAnswer(String text, List<Passage> sources, boolean undescribed) {
    public FrameworkAnswer {
        sources = List.copyOf(sources);
    }
}
