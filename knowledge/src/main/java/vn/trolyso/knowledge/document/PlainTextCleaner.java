package vn.trolyso.knowledge.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trolyso.knowledge.text.LineGrammar;

/**
 * Turns text extracted from PDF/DOCX (or written as Markdown) into clean paragraphs, one per line:
 * <ul>
 *   <li>lines broken mid-sentence are rejoined; list items ("- ", "+ ", "a)", "1.") and headings stay separate;</li>
 *   <li>page numbers and the "Day of AI1" footnote markers are dropped; the footnote's text is kept as its own
 *       paragraph right after the paragraph that referred to it;</li>
 *   <li>tab-separated table rows become readable passages that carry their column headers
 *       ("Nội dung công việc: …; Cơ quan chủ trì: …"); a row holding only its first cell (a group title such as
 *       "I. Truyền thông và tuyên truyền") becomes a heading line;</li>
 *   <li>Markdown emphasis is removed; Markdown headings ("#", "##") stay as heading lines.</li>
 * </ul>
 * The result is NFC with zero-width characters removed; tone-mark placement is left as written (the analyzers
 * canonicalise it for matching). Use it for every plain text before {@link SectionChunker#chunk}. What opens a
 * paragraph, a heading or a footnote and what ends a sentence is {@link LineGrammar}'s.
 */
public final class PlainTextCleaner {
    private static final Pattern MD_EMPHASIS = Pattern.compile("\\*{1,3}(?=\\S)|(?<=\\S)\\*{1,3}");
    private static final Pattern EDGE_SPACES = Pattern.compile("^[ \\u00A0\\r]+|[ \\u00A0\\r]+$");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u2007\\u202F]+");

    private PlainTextCleaner() {
    }

    /** Cleans raw extracted text; returns paragraphs separated by single newlines. Null or blank gives "". */
    public static String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        List<String> lines = normalizeLines(raw);
        Map<String, String> footnotes = new LinkedHashMap<>();
        lines = extractFootnotes(lines, footnotes);
        List<String> paragraphs = joinParagraphs(lines);
        paragraphs = placeFootnotes(paragraphs, footnotes);
        paragraphs = dropRecipientsAndSignature(paragraphs);
        return String.join("\n", paragraphs);
    }

    private static List<String> normalizeLines(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]", "");
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            // Keep a marker for lines that started with whitespace: in this extraction they open a new page.
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !line.isBlank();
            String l = line.contains("\t") ? EDGE_SPACES.matcher(line).replaceAll("")
                    : SPACES.matcher(line.strip()).replaceAll(" ");
            if (!l.contains("\t")) {
                l = MD_EMPHASIS.matcher(l).replaceAll("");
            }
            if (l.isEmpty()) {
                lines.add("");
            } else if (!LineGrammar.PAGE_NUMBER.matcher(l).matches() || l.contains("\t")) {
                lines.add(indented ? "\u0001" + l : l);
            }
        }
        return lines;
    }

    /**
     * Finds footnote blocks: a line "N Capitalised text" where the text before it carries the marker "wordN".
     * The block runs until the page resumes (an indented line, or a lowercase continuation after a full sentence).
     */
    private static List<String> extractFootnotes(List<String> lines, Map<String, String> footnotes) {
        List<String> out = new ArrayList<>();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            Matcher m = LineGrammar.FOOTNOTE_LINE.matcher(line);
            if (m.matches() && !line.contains("\t") && hasMarker(before, m.group(1))) {
                StringBuilder note = new StringBuilder(m.group(2));
                int j = i + 1;
                for (; j < lines.size(); j++) {
                    String raw = lines.get(j);
                    String next = strip(raw);
                    if (next.isEmpty()) {
                        continue;
                    }
                    boolean resumes = raw.startsWith("\u0001")
                            || (Character.isLowerCase(next.codePointAt(0)) && LineGrammar.endsSentenceOrQuote(note));
                    if (resumes || LineGrammar.FOOTNOTE_LINE.matcher(next).matches()) {
                        break;
                    }
                    note.append(LineGrammar.endsSentenceOrQuote(note) ? "\n" : " ").append(next);
                }
                footnotes.put(m.group(1), note.toString());
                i = j - 1;
                continue;
            }
            out.add(lines.get(i));
            before.append(line).append(' ');
        }
        return out;
    }

    private static boolean hasMarker(CharSequence text, String number) {
        return LineGrammar.footnoteMarker(number, text).find();
    }

    private static List<String> placeFootnotes(List<String> paragraphs, Map<String, String> footnotes) {
        if (footnotes.isEmpty()) {
            return paragraphs;
        }
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(footnotes);
        for (String p : paragraphs) {
            List<String> notes = new ArrayList<>();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Matcher m = LineGrammar.footnoteMarker(e.getKey(), p);
                if (m.find()) {
                    p = p.substring(0, m.start()) + m.group(1) + p.substring(m.end());
                    notes.addAll(List.of(e.getValue().split("\n")));
                    it.remove();
                }
            }
            out.add(p);
            out.addAll(notes);
        }
        pending.values().forEach(v -> out.addAll(List.of(v.split("\n"))));
        return out;
    }

    /**
     * Drops the closing block of an administrative document ("Nơi nhận:" recipients, the signature) up to an
     * appendix or the end: it answers nothing and would crowd the last section's passages.
     */
    private static List<String> dropRecipientsAndSignature(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        boolean dropping = false;
        for (String p : paragraphs) {
            if (LineGrammar.RECIPIENTS.matcher(p).matches()) {
                dropping = true;
            } else if (LineGrammar.APPENDIX.matcher(p).matches()) {
                dropping = false;
            }
            if (!dropping) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> joinParagraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        TableState table = new TableState();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            // A tab right after a list or heading marker ("1.\tTừ ngày…", "Điều 2.\tMột số…") is spacing, not a column.
            String line = LineGrammar.untabMarker(strip(raw));
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains("\t")) {
                flush(current, paragraphs);
                table.row(line, paragraphs);
                continue;
            }
            table.end();
            boolean startsNew = current.isEmpty()
                    || LineGrammar.PARAGRAPH_START.matcher(line).lookingAt()
                    || current.charAt(0) == '#' // a Markdown heading is a line of its own
                    || LineGrammar.endsSentenceOrQuote(current)
                    || LineGrammar.isAllCaps(current) != LineGrammar.isAllCaps(line) && !continuesLowercase(line)
                    || endsHeading(current, line);
            if (startsNew) {
                flush(current, paragraphs);
                current.append(line);
            } else {
                current.append(current.charAt(current.length() - 1) == '-' && !line.startsWith("-") ? "" : " ")
                        .append(line);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /**
     * A numbered heading ("2. Các trường … trên địa bàn") followed by a capitalised line ends there, unless its
     * last word is capitalised too (a proper name broken across lines: "quận Phú / Nhuận").
     */
    private static boolean endsHeading(CharSequence current, String line) {
        if (!LineGrammar.opensNumberedHeading(current) || !Character.isUpperCase(line.codePointAt(0))
                || current.toString().contains(":") || current.length() > 160) {
            return false; // "3. Địa điểm: Hội trường … Lý Thánh / Tông" is a sentence, not a bare heading
        }
        String text = current.toString().strip();
        String lastWord = text.substring(text.lastIndexOf(' ') + 1);
        boolean properNameGoesOn = !lastWord.isEmpty() && Character.isUpperCase(lastWord.codePointAt(0))
                && line.split(" ").length <= 2;
        return !properNameGoesOn;
    }

    private static boolean continuesLowercase(String line) {
        return Character.isLowerCase(line.codePointAt(0)) || Character.isDigit(line.codePointAt(0));
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (!current.isEmpty()) {
            paragraphs.add(current.toString().strip());
            current.setLength(0);
        }
    }

    private static String strip(String line) {
        return line.startsWith("\u0001") ? line.substring(1) : line;
    }

    /** Remembers the header row of a tab-separated table so each data row can carry it. */
    private static final class TableState {
        private List<String> header = List.of();

        void row(String line, List<String> out) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                cells.add(SPACES.matcher(cell.strip()).replaceAll(" "));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.isEmpty()) {
                return;
            }
            if (cells.equals(header)) {
                return; // header repeated after a page break
            }
            if (header.isEmpty() || looksLikeHeader(cells)) {
                header = List.copyOf(cells);
                return;
            }
            if (cells.size() == 1) {
                out.add(cells.get(0)); // a group title row: becomes a heading line
                return;
            }
            StringBuilder sb = new StringBuilder();
            int start = 0;
            if (header.get(0).equalsIgnoreCase("STT") || header.get(0).equalsIgnoreCase("TT")) {
                sb.append("Mục ").append(cells.get(0)).append(". ");
                start = 1;
            }
            for (int i = start; i < cells.size(); i++) {
                if (cells.get(i).isEmpty()) {
                    continue;
                }
                String name = i < header.size() ? header.get(i) : "";
                if (sb.length() > 0 && !sb.toString().endsWith(". ")) {
                    sb.append("; ");
                }
                sb.append(name.isEmpty() ? "" : name + ": ").append(trimEnd(cells.get(i)));
            }
            out.add(sb.append('.').toString());
        }

        private static String trimEnd(String cell) {
            return cell.replaceAll("[.;,\\s]+$", "");
        }

        private boolean looksLikeHeader(List<String> cells) {
            String first = cells.get(0);
            return first.equalsIgnoreCase("STT") || first.equalsIgnoreCase("TT");
        }

        void end() {
            header = List.of();
        }
    }
}
