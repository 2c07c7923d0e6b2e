package vn.trolyso.assistant.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a passage into sentences: list items and lines ending a sentence start a new one, lines broken in the
 * middle of a sentence (PDF extraction) are joined, and ". X" splits unless the period ends an abbreviation.
 */
public final class SentenceSplitter {
    private static final Pattern ITEM_START = Pattern.compile(
            "^(?:[-+•*–]\\s|[a-zđ]\\)\\s|\\d{1,2}(?:\\.\\d{1,2})*[.)]\\s|[IVX]{1,5}\\.\\s)");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.;:!?…]\\s*$");
    private static final Pattern BREAK = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])");
    private static final Set<String> ABBREVIATIONS = Set.of("tp", "ts", "ths", "pgs", "gs", "bs", "ks", "st", "v.v",
            "tr", "đ/c", "nxb", "ttg");

    private SentenceSplitter() {
    }

    public static List<String> split(String passage) {
        List<String> units = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String rawLine : passage.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                flush(current, units);
                continue;
            }
            boolean newUnit = current.isEmpty() || ITEM_START.matcher(line).find()
                    || SENTENCE_END.matcher(current).matches() || isHeading(line);
            if (newUnit) {
                flush(current, units);
            } else {
                current.append(' ');
            }
            current.append(line);
        }
        flush(current, units);
        List<String> sentences = new ArrayList<>();
        for (String unit : units) {
            splitUnit(unit, sentences);
        }
        return sentences;
    }

    /** True for a heading line: mostly upper-case letters ("II. MỤC TIÊU", "KINH PHÍ"). */
    public static boolean isHeading(String line) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 3 && upper >= letters * 0.8;
    }

    private static void splitUnit(String unit, List<String> out) {
        String[] parts = BREAK.split(unit);
        StringBuilder pending = new StringBuilder();
        for (String part : parts) {
            if (!pending.isEmpty()) {
                pending.append(' ');
            }
            pending.append(part);
            if (!endsWithAbbreviation(part)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending.toString());
        }
    }

    private static boolean endsWithAbbreviation(String part) {
        String p = part.strip();
        if (!p.endsWith(".")) {
            return false;
        }
        if (p.matches("(?:\\d{1,2}\\.)+|[IVX]{1,5}\\.")) {
            return true; // a numbering marker such as "2." or "II." opens the sentence that follows
        }
        int space = p.lastIndexOf(' ');
        String lastWord = p.substring(space + 1, p.length() - 1).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(lastWord) || (lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0)));
    }

    private static void flush(StringBuilder current, List<String> units) {
        if (!current.isEmpty()) {
            units.add(current.toString().strip());
            current.setLength(0);
        }
    }
}
