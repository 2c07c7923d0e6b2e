package vn.trolyso.knowledge.framework;

import java.util.List;

/**
 * What a framework question is about, as far as the recogniser could tell.
 *
 * @param type           what is asked
 * @param grades         grades named in the question, in order (may hold out-of-range numbers such as 13)
 * @param levels         levels named in the question, in order (may hold out-of-range numbers such as 9)
 * @param competencyCode the competency named ("4.2"), or null
 * @param domainCode     the domain named ("4"), or null
 * @param ownClass       the question says "học sinh của tôi" / "lớp tôi": the asker's profile grade applies
 */
public record FrameworkIntent(FrameworkQuestionType type, List<Integer> grades, List<Integer> levels,
                              String competencyCode, String domainCode, boolean ownClass) {
    public FrameworkIntent {
        grades = List.copyOf(grades);
        levels = List.copyOf(levels);
    }

    public static FrameworkIntent of(FrameworkQuestionType type) {
        return new FrameworkIntent(type, List.of(), List.of(), null, null, false);
    }
}
