package vn.trolyso.knowledge.framework;

import java.util.regex.Pattern;
import vn.trolyso.knowledge.text.VietnameseText;

/** Matching keys for Vietnamese phrasings of the framework, with or without diacritics. */
final class FrameworkText {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");
    private static final Pattern NUMBER_RANGE = Pattern.compile("(?<=\\d)\\s*[-–]\\s*(?=\\d)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FrameworkText() {
    }

    /**
     * {@link VietnameseText#fold} with punctuation (except dots inside codes) as single spaces, and a dash between
     * numbers ("lớp 1-3", "bậc 3–4") as the range it is: "đến", which the dash would not be once it is a space.
     */
    static String fold(String s) {
        String ranged = NUMBER_RANGE.matcher(VietnameseText.fold(s)).replaceAll(" den ");
        String spaced = NON_WORD.matcher(ranged).replaceAll(" ");
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
