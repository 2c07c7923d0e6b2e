package vn.trolyso.knowledge.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a passage into sentences and headings: list items and lines ending a sentence start a new unit, lines
 * broken in the middle of a sentence (PDF extraction, even across a blank line) are joined, and ". X" splits
 * unless the period ends an abbreviation. Short numbered lines without final punctuation ("2. Mục tiêu đến năm
 * 2030", "e) Hệ thống tuyển sinh trực tuyến") and upper-case lines are headings. What a line is comes from
 * {@link LineGrammar}.
 */
public final class SentenceSplitter {
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
            boolean newUnit = current.isEmpty() || LineGrammar.ITEM_START.matcher(line).find()
                    || LineGrammar.endsSentence(current) || LineGrammar.isHeading(line)
                    || LineGrammar.isHeading(current.toString())
                    || LineGrammar.isNumberedTitle(current.toString()) && Character.isUpperCase(line.charAt(0));
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
            if (LineGrammar.isHeading(unit) || LineGrammar.isNumberedTitle(unit)) {
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

    private static List<String> splitUnit(String unit) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String part : LineGrammar.SENTENCE_BREAK.split(unit)) {
            if (!pending.isEmpty()) {
                pending.append(' ');
            }
            pending.append(part);
            if (!LineGrammar.periodEndsNoSentence(part)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending.toString());
        }
        return out;
    }

    private static void flush(StringBuilder current, List<String> units) {
        if (!current.isEmpty()) {
            units.add(current.toString().strip());
            current.setLength(0);
        }
    }
}
