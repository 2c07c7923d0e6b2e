package vn.trolyso.assistant.analytics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * Similarity of Vietnamese questions for grouping: syllables folded (no diacritics, đ→d, lower case, punctuation
 * dropped), compared as sets of single syllables plus adjacent-syllable pairs (Jaccard). Pairs keep word order, so
 * "học sinh" and "sinh học" stay apart while different accents or typing habits still meet.
 */
final class QuestionSimilarity {
    /** Syllables that carry no topic in a question; they would make every question look alike. */
    private static final Set<String> FILLERS = Set.of("la", "gi", "nao", "the", "co", "khong", "cho", "toi", "em",
            "a", "oi", "nhu", "cua", "va", "de", "thi", "ban", "hay", "duoc", "bao", "nhieu", "o", "dau", "sao");

    private QuestionSimilarity() {
    }

    /** The folded form used to recognise the same question typed differently. */
    static String fold(String question) {
        String s = VietnameseText.stripDiacritics(question)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ");
        return s.strip();
    }

    static Set<String> features(String question) {
        List<String> syllables = Arrays.stream(fold(question).split(" "))
                .filter(s -> !s.isEmpty() && !FILLERS.contains(s))
                .toList();
        Set<String> out = new HashSet<>(syllables);
        for (int i = 0; i + 1 < syllables.size(); i++) {
            out.add(syllables.get(i) + "_" + syllables.get(i + 1));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
