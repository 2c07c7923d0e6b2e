package vn.trolyso.knowledge.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.text.LineGrammar;

/**
 * Splits a cleaned Vietnamese administrative document (see {@link PlainTextCleaner}) into citable chunks that know
 * their section path.
 *
 * <p>Recognised headings, outermost first: "PHỤ LỤC" / "Chương II" / Markdown "#"; "I. MỤC ĐÍCH, YÊU CẦU" /
 * Markdown "##"; "Điều 3." / Markdown "###"; "1. Mục đích"; "a)". Inside an appendix every heading nests one level
 * deeper, so the appendix's own "I." groups stay under "PHỤ LỤC". A chunk never spans two headings (so never two
 * top-level sections); long sections are cut at paragraph, then sentence, boundaries into pieces of about
 * {@value #TARGET_CHARS}–{@value #MAX_CHARS} characters. Text before the first heading is the section
 * {@value #PREAMBLE}. A heading with its own text ("3. Địa điểm: Hội trường …") is titled by the part before
 * the colon. What a heading line is comes from {@link LineGrammar}.
 */
public final class SectionChunker {
    /** Section name of the text before the first heading. */
    public static final String PREAMBLE = "Phần mở đầu";
    static final int TARGET_CHARS = 700;
    static final int MAX_CHARS = 1100;
    private static final int MAX_TITLE_CHARS = 90;

    private SectionChunker() {
    }

    /**
     * Chunks one document.
     *
     * @param metadata  the document (its id names the chunks)
     * @param cleanText output of {@link PlainTextCleaner#clean(String)} (one paragraph per line); Markdown works too
     * @return chunks in document order, ordinals 0…n-1; empty for blank text
     */
    public static List<Chunk> chunk(DocumentMetadata metadata, String cleanText) {
        List<Chunk> chunks = new ArrayList<>();
        if (cleanText == null || cleanText.isBlank()) {
            return chunks;
        }
        Deque<Heading> path = new ArrayDeque<>();
        boolean inAppendix = false;
        List<String> body = new ArrayList<>();
        boolean bodyHasText = false;
        for (String line : cleanText.split("\n")) {
            String paragraph = line.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            Heading heading = heading(paragraph, inAppendix);
            if (heading != null) {
                // A heading followed by a sibling (not a child) is itself content: "a) Thành lập Tổ công tác."
                boolean leaf = !path.isEmpty() && heading.level <= path.peekLast().level;
                if (bodyHasText || leaf && !body.isEmpty()) {
                    emit(metadata, path, body, chunks);
                }
                body.clear();
                bodyHasText = false;
                if (heading.level == 1) {
                    inAppendix = LineGrammar.APPENDIX.matcher(paragraph).matches();
                    if (inAppendix) {
                        heading = new Heading(0, heading.title);
                    }
                }
                while (!path.isEmpty() && path.peekLast().level >= heading.level) {
                    path.removeLast();
                }
                path.addLast(heading);
                body.add(paragraph);
                bodyHasText = heading.hasOwnText;
            } else {
                body.add(paragraph);
                bodyHasText = true;
            }
        }
        if (bodyHasText) {
            emit(metadata, path, body, chunks);
        }
        return chunks;
    }

    private static void emit(DocumentMetadata metadata, Deque<Heading> path, List<String> body, List<Chunk> out) {
        String sectionPath = path.isEmpty() ? PREAMBLE
                : path.stream().map(h -> h.title).collect(Collectors.joining(Chunk.SECTION_SEPARATOR));
        StringBuilder current = new StringBuilder();
        for (String paragraph : body) {
            for (String piece : splitLong(paragraph)) {
                if (!current.isEmpty() && current.length() + piece.length() + 1 > TARGET_CHARS
                        && (current.length() >= TARGET_CHARS / 3 || current.length() + piece.length() > MAX_CHARS)) {
                    out.add(new Chunk(metadata.id(), out.size(), sectionPath, current.toString()));
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            Chunk previous = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean shortTail = current.length() < TARGET_CHARS / 4 && previous != null
                    && previous.sectionPath().equals(sectionPath) && previous.documentId().equals(metadata.id())
                    && previous.text().length() + current.length() < MAX_CHARS;
            if (shortTail) {
                out.set(out.size() - 1, new Chunk(metadata.id(), previous.ordinal(), sectionPath,
                        previous.text() + "\n" + current));
            } else {
                out.add(new Chunk(metadata.id(), out.size(), sectionPath, current.toString()));
            }
        }
    }

    /** Cuts a paragraph longer than {@link #MAX_CHARS} at sentence boundaries (or, failing that, at spaces). */
    static List<String> splitLong(String paragraph) {
        if (paragraph.length() <= MAX_CHARS) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : LineGrammar.LONG_PARAGRAPH_CUT.split(paragraph)) {
            for (String part : splitAtSpaces(sentence)) {
                if (!current.isEmpty() && current.length() + part.length() + 1 > TARGET_CHARS) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(part);
            }
        }
        if (!current.isEmpty()) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    private static List<String> splitAtSpaces(String sentence) {
        if (sentence.length() <= MAX_CHARS) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < sentence.length()) {
            int end = Math.min(sentence.length(), start + TARGET_CHARS);
            if (end < sentence.length()) {
                int space = sentence.lastIndexOf(' ', end);
                end = space > start ? space : end;
            }
            parts.add(sentence.substring(start, end).strip());
            start = end;
        }
        return parts;
    }

    /** Returns the heading a paragraph opens, or null for body text. */
    static Heading heading(String paragraph, boolean inAppendix) {
        int shift = inAppendix ? 1 : 0;
        Matcher md = LineGrammar.MARKDOWN_HEADING.matcher(paragraph);
        if (md.matches()) {
            return new Heading(md.group(1).length(), title(md.group(2)), false);
        }
        if (LineGrammar.APPENDIX.matcher(paragraph).matches() || LineGrammar.CHAPTER.matcher(paragraph).matches()) {
            return titled(1, paragraph);
        }
        if (LineGrammar.ROMAN_HEADING.matcher(paragraph).matches() && !looksLikeSentenceStart(paragraph)) {
            return titled(2 + shift, paragraph);
        }
        if (LineGrammar.ARTICLE.matcher(paragraph).matches()) {
            return titled(3 + shift, paragraph);
        }
        if (LineGrammar.NUMBERED_HEADING.matcher(paragraph).matches() && headingLike(paragraph)) {
            return titled(4 + shift, paragraph);
        }
        if (LineGrammar.LETTERED_HEADING.matcher(paragraph).matches() && headingLike(paragraph)) {
            return titled(5 + shift, paragraph);
        }
        return null;
    }

    /**
     * A numbered or lettered paragraph is a heading when it is short or opens with a short label before a colon
     * ("3. Địa điểm: …"); a long one is a list item of the body ("a) Nhằm cụ thể hóa và triển khai … địa phương."),
     * unless it ends as no sentence does: a long title ("l) Thực hiện nhiệm vụ … trong Đề án “Phát triển ứng dụng dữ
     * liệu về dân cư …” (Đề án 06)") heads the items below it, which are not the previous title's.
     */
    private static boolean headingLike(String paragraph) {
        int colon = paragraph.indexOf(':');
        return paragraph.length() <= MAX_TITLE_CHARS * 2 || colon > 0 && colon <= MAX_TITLE_CHARS
                || paragraph.length() <= MAX_TITLE_CHARS * 4 && !SENTENCE_END.matcher(paragraph).find();
    }

    /** How a sentence or a list item ends: a full stop, a semicolon, a colon introducing a list, "!", "?" or "…". */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.;:!?…]\\s*$");

    /** "I. Truyền thông" is a heading; "I cũng…" or a lone letter I starting a sentence is not. */
    private static boolean looksLikeSentenceStart(String paragraph) {
        return !LineGrammar.ROMAN_MARKER.matcher(paragraph).matches();
    }

    private static Heading titled(int level, String paragraph) {
        int colon = paragraph.indexOf(':');
        if (colon > 0 && colon <= MAX_TITLE_CHARS && colon < paragraph.length() - 1) {
            return new Heading(level, title(paragraph.substring(0, colon)), true);
        }
        // A numbered sentence ("1. Từ ngày 01 tháng 12 …, các Trạm gửi báo cáo.") is a titled item with text too.
        boolean hasOwnText = paragraph.length() > MAX_TITLE_CHARS * 2
                || LineGrammar.endsWithFullStop(paragraph.strip()) && paragraph.split("\\s+").length >= 8;
        return new Heading(level, title(paragraph), hasOwnText);
    }

    private static String title(String text) {
        String t = text.strip().replaceAll("[:;,]+$", "").strip();
        if (t.length() <= MAX_TITLE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', MAX_TITLE_CHARS);
        return t.substring(0, cut > 20 ? cut : MAX_TITLE_CHARS) + "…";
    }

    record Heading(int level, String title, boolean hasOwnText) {
        Heading(int level, String title) {
            this(level, title, false);
        }
    }
}
