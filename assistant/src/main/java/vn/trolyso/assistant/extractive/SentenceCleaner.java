package vn.trolyso.assistant.extractive;

import java.util.regex.Pattern;

/** Turns an extracted sentence into presentable answer text: no list markers, no markup, a proper ending. */
final class SentenceCleaner {
    private static final Pattern LEADING_MARKER = Pattern.compile(
            "^(?:[-+•*–]\\s*|[a-zđ]\\)\\s*|\\d{1,2}(?:\\.\\d{1,2})*[.)]\\s+|[IVX]{1,5}\\.\\s+|\\d{1,3}\\t+)+");
    private static final Pattern TABS = Pattern.compile("\\s*\\t+\\s*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*+|_{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:!?)”])");
    private static final Pattern TRAILING = Pattern.compile("[\\s,;–-]+$");

    private SentenceCleaner() {
    }

    static String clean(String sentence) {
        String s = EMPHASIS.matcher(sentence).replaceAll("");
        s = LEADING_MARKER.matcher(s.strip()).replaceFirst("");
        s = TABS.matcher(s.strip()).replaceAll("; "); // table cells of a row
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = LEADING_MARKER.matcher(s).replaceFirst("");
        s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
        s = s.replace("( ", "(").replace("“ ", "“");
        s = TRAILING.matcher(s).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        if (".!?…:”\")".indexOf(last) < 0) {
            s = s + ".";
        }
        return s;
    }

    /** True when the sentence introduces a list (its content follows). */
    static boolean introducesList(String cleaned) {
        return cleaned.endsWith(":");
    }
}
