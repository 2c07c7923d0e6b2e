package vn.trolyso.assistant.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a passage into sentences and headings: list items and lines ending a sentence start a new unit, lines
 * broken in the middle of a sentence (PDF extraction, even across a blank line) are joined, and ". X" splits
 * unless the period ends an abbreviation. Short numbered lines without final punctuation ("2. Mục tiêu đến năm
 * 2030", "e) Hệ thống tuyển sinh trực tuyến") and upper-case lines are headings.
 */
public final class SentenceSplitter {
    private static final Pattern ITEM_START = Pattern.compile(
            "^(?:[-+•*–]\\s|[a-zđ]\\)\\s|\\d{1,2}(?:\\.\\d{1,2})*[.)]\\s?|[IVX]{1,5}\\.\\s?|\\d{1,3}\\t)");
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:[a-zđ]\\)|\\d{1,2}(?:\\.\\d{1,2})*[.)]|[IVX]{1,5}\\.)\\s*\\S");
    private static final Pattern SENTENCE_END = Pattern.compile("(?s).*[.;:!?…]\\s*$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("#{1,6}\\s");
    private static final Pattern BREAK = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])|(?<=;)\\s+(?=\\p{Lu})");
    private static final Set<String> ABBREVIATIONS = Set.of("tp", "ts", "ths", "pgs", "gs", "bs", "ks", "st", "v.v",
            "tr", "đ/c", "nxb", "ttg", "tt", "kt", "tm");

    /** A sentence or a heading of a passage, in order. */
    public record Segment(String text, boolean heading) {
    }

    private SentenceSplitter() {
    }

    /** The sentences and headings of a passage. */
    public static List<Segment> segments(String passage) {
        List<String> units = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String rawLine : passage.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue; // a blank line alone does not end a sentence: extraction puts them mid-sentence too
            }
            boolean newUnit = current.isEmpty() || ITEM_START.matcher(line).find()
                    || SENTENCE_END.matcher(current).matches() || isHeading(line) || isHeading(current.toString())
                    || isNumberedTitle(current.toString()) && Character.isUpperCase(line.charAt(0));
            if (newUnit) {
                flush(current, units);
            } else {
                current.append(' ');
            }
            current.append(line);
        }
        flush(current, units);
        List<Segment> out = new ArrayList<>();
        for (String unit : units) {
            if (isHeading(unit) || isNumberedTitle(unit)) {
                out.add(new Segment(unit, true));
            } else {
                for (String sentence : splitUnit(unit)) {
                    out.add(new Segment(sentence, false));
                }
            }
        }
        return out;
    }

    /** The sentences of a passage (headings included as their own units). */
    public static List<String> split(String passage) {
        return segments(passage).stream().map(Segment::text).toList();
    }

    /** True for an upper-case line ("II. MỤC TIÊU", "KINH PHÍ THỰC HIỆN") or a Markdown heading ("## Chuẩn bị"). */
    public static boolean isHeading(String line) {
        if (MARKDOWN_HEADING.matcher(line).lookingAt()) {
            return true;
        }
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

    /** A short numbered line without final punctuation: a section title such as "2. Mục tiêu đến năm 2030". */
    static boolean isNumberedTitle(String unit) {
        String s = unit.strip();
        return NUMBERED.matcher(s).find() && !SENTENCE_END.matcher(s).matches() && !s.contains("\t")
                && !s.contains(":")
                && s.split("\\s+").length <= 30;
    }

    private static List<String> splitUnit(String unit) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String part : BREAK.split(unit)) {
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
        return out;
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
        String lastWord = p.substring(space + 1, p.length() - 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(lastWord) || (lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0)));
    }

    private static void flush(StringBuilder current, List<String> units) {
        if (!current.isEmpty()) {
            units.add(current.toString().strip());
            current.setLength(0);
        }
    }
}
