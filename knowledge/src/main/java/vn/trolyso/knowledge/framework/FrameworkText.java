package vn.trolyso.knowledge.framework;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding used for matching Vietnamese phrasings of the framework with or without diacritics.
 * TODO: replace with vn.trolyso.knowledge.text.VietnameseText.fold once the knowledge helper delivers it.
 */
final class FrameworkText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FrameworkText() {
    }

    /** Lower case, no diacritics, đ→d, punctuation (except dots between digits) as single spaces. */
    static String fold(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        String bare = MARKS.matcher(nfd).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').replace('Ð', 'D').replace('ð', 'd');
        String lower = bare.toLowerCase(Locale.ROOT);
        String spaced = NON_WORD.matcher(lower).replaceAll(" ");
        // dots only matter inside codes such as 4.2 or 1.1.CB1a
        spaced = spaced.replaceAll("(?<![0-9])\\.|\\.(?![0-9a-z])", " ");
        return SPACES.matcher(spaced).replaceAll(" ").strip();
    }

    /** True when {@code phrase} occurs in {@code folded} as whole words. */
    static boolean containsWords(String folded, String phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = folded.indexOf(phrase, from);
            if (i < 0) {
                return false;
            }
            int end = i + phrase.length();
            boolean startOk = i == 0 || folded.charAt(i - 1) == ' ';
            boolean endOk = end == folded.length() || folded.charAt(end) == ' ';
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }
}
