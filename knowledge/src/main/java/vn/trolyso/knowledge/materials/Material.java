package vn.trolyso.knowledge.materials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One training module of the learning library.
 *
 * @param id              stable id (the {@code id} of the front matter), e.g. "an-toan-mang-cho-hoc-sinh"
 * @param title           Vietnamese title
 * @param competencies    framework competency codes it serves, e.g. "4.2"
 * @param levels          framework levels (bậc 1–8) it serves, ascending
 * @param audience        who it is written for
 * @param durationMinutes estimated study time
 * @param summary         one or two sentences
 * @param basic           whether it is one of the basic modules everyone in its audience should complete
 * @param sections        the body's {@code ##} sections except the check questions, in order
 * @param checkQuestions  the check questions (2–4)
 * @param source          the file it came from
 */
public record Material(String id, String title, List<String> competencies, List<Integer> levels,
                       Set<Audience> audience, int durationMinutes, String summary, boolean basic,
                       List<Section> sections, List<CheckQuestion> checkQuestions, String source) {

    /** A {@code ##} section of the body: its heading and its Markdown text. */
    public record Section(String heading, String text) {
    }

    public Material {
        competencies = List.copyOf(competencies);
        levels = levels.stream().sorted().toList();
        audience = Set.copyOf(audience);
        sections = List.copyOf(sections);
        checkQuestions = List.copyOf(checkQuestions);
    }

    /** The framework domains (the part of a competency code before the dot) the module serves, in order. */
    public Set<String> domains() {
        Set<String> domains = new LinkedHashSet<>();
        competencies.forEach(c -> domains.add(c.substring(0, c.indexOf('.'))));
        return domains;
    }

    public boolean servesLevel(int level) {
        return levels.contains(level);
    }

    public boolean isFor(Audience a) {
        return audience.contains(a);
    }
}
