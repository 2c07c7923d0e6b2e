package vn.trolyso.knowledge.materials;

import java.util.List;

/**
 * A multiple-choice check question at the end of a module.
 *
 * @param text         the question
 * @param options      the options, in the order written
 * @param correctIndex index (0-based) of the one right option
 */
public record CheckQuestion(String text, List<String> options, int correctIndex) {
    public CheckQuestion {
        options = List.copyOf(options);
        if (correctIndex < 0 || correctIndex >= options.size()) {
            throw new IllegalArgumentException("correctIndex out of range: " + correctIndex);
        }
    }
}
