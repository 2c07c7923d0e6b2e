package vn.trolyso.assistant.extractive;

import java.util.regex.Pattern;
import vn.trolyso.knowledge.text.LineGrammar;

/** Turns an extracted sentence into presentable answer text: no list markers, no markup, a proper ending. */
final class SentenceCleaner {
    private static final Pattern TABS = Pattern.compile("\\s*\\t+\\s*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*+|_{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:!?)”])");
    private static final Pattern TRAILING = Pattern.compile("[\\s,;–-]+$");
    /** Markdown code spans (`ca-phe-Xe-dap`): the widget shows answers as text, so the backticks would show. */
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    /**
     * "…, cụ thể như sau:" is the formula that opens the body of a whole plan, not a list to quote with the sentence:
     * the sentence ends before it.
     */
    private static final Pattern AS_FOLLOWS = Pattern.compile("[,;]?\\s*cụ thể như sau\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SentenceCleaner() {
    }

    static String clean(String sentence) {
        String s = EMPHASIS.matcher(sentence).replaceAll("");
        s = CODE.matcher(s).replaceAll("$1");
        s = AS_FOLLOWS.matcher(s.strip()).replaceFirst("");
        s = LineGrammar.LEADING_MARKERS.matcher(s.strip()).replaceFirst("");
        s = TABS.matcher(s.strip()).replaceAll("; "); // table cells of a row
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = LineGrammar.LEADING_MARKERS.matcher(s).replaceFirst("");
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
