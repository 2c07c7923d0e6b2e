package vn.trolyso.knowledge.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line grammar of Vietnamese administrative documents and learning modules: what opens a list item or a
 * numbered item ("1.", "1.2)", "a)", "-", "•", Roman numerals, "Điều 3.", "Chương II", "PHỤ LỤC", Markdown "#"),
 * what a heading line is, what ends a sentence, where a paragraph breaks into sentences and which periods end no
 * sentence. The one home of these patterns for the three readers of a text's lines: {@code PlainTextCleaner} (which
 * extracted lines to join), {@code SectionChunker} (which paragraphs open a section) and {@link SentenceSplitter};
 * the no-LLM reader's {@code SentenceCleaner} strips the {@link #LEADING_MARKERS} of the sentences it quotes.
 *
 * <p>The three readers were tuned apart, so for some ideas they use different variants; those stand side by side
 * below under names saying what they differ in. Making them one would change what the index and the no-LLM reader
 * see, so it is a change to be measured by the evaluation, not a refactoring.
 */
public final class LineGrammar {
    // The markers every variant is built from.
    private static final String BULLET = "[-+•*–]";
    private static final String TAB_BULLET = "[-+•]"; // the bullets a following tab is spacing after (no * or –)
    private static final String NUMBER = "\\d{1,2}";
    private static final String OUTLINE_NUMBER = "\\d{1,2}(?:\\.\\d{1,2})*"; // "1", "1.2", "1.2.3"
    private static final String LETTER = "[a-zđ]\\)";
    private static final String ROMAN = "[IVXL]{1,5}";
    /** The sentence splitter's Roman numerals stop at X: "L. …" opens no item there. */
    private static final String ROMAN_UP_TO_X = "[IVX]{1,5}";
    private static final String ARTICLE_WORD = "(?:Điều|ĐIỀU)";
    private static final String CHAPTER_WORD = "(?:Chương|CHƯƠNG)";
    private static final String APPENDIX_WORD = "(?:PHỤ LỤC|Phụ lục)";
    private static final String MARKDOWN_MARKER = "#{1,6}\\s";

    /** A Markdown heading line: group 1 the hashes (its level), group 2 its title. */
    public static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+)$");
    private static final Pattern OPENS_MARKDOWN_HEADING = Pattern.compile(MARKDOWN_MARKER);

    /** An appendix title ("PHỤ LỤC I", "Phụ lục 2 …"): it ends the signature block and opens a top-level section. */
    public static final Pattern APPENDIX = Pattern.compile("^" + APPENDIX_WORD + "\\b.*");
    /** A chapter heading: "Chương II", "CHƯƠNG 3 …". */
    public static final Pattern CHAPTER = Pattern.compile("^" + CHAPTER_WORD + "\\s+[IVXL\\d]+\\b.*");
    /** An article heading: "Điều 3.", "ĐIỀU 4: Hiệu lực …". */
    public static final Pattern ARTICLE = Pattern.compile("^" + ARTICLE_WORD + "\\s+\\d+\\s*[.:]?.*");
    /** A Roman-numbered heading with text after its marker: "I. MỤC ĐÍCH", "II) Nội dung". */
    public static final Pattern ROMAN_HEADING = Pattern.compile("^" + ROMAN + "\\s*[.)]\\s*\\S.*");
    /**
     * A Roman marker and anything after it. Implied by {@link #ROMAN_HEADING} except when a carriage return or
     * another line separator follows the marker; the chunker asks both, as it always did.
     */
    public static final Pattern ROMAN_MARKER = Pattern.compile("^" + ROMAN + "\\s*[.)].*");
    /** An outline-numbered heading whose text starts with a letter: "1. Mục đích", "2.1) Nội dung". */
    public static final Pattern NUMBERED_HEADING = Pattern.compile("^" + OUTLINE_NUMBER + "\\s*[.)]\\s*\\p{L}.*");
    /** A lettered heading: "a) Thành lập Tổ công tác", "đ) …". */
    public static final Pattern LETTERED_HEADING = Pattern.compile("^" + LETTER + "\\s*\\S.*");
    /** The closing block of an administrative document starts with its recipients: "Nơi nhận:". */
    public static final Pattern RECIPIENTS = Pattern.compile("^Nơi nhận\\s*:?.*");
    /** A page number on its own line: "12", "- 4 -", "Trang 3". */
    public static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*(?:-\\s*)?(?:Trang\\s+)?\\d{1,3}(?:\\s*-)?\\s*$");
    /** A footnote's text at the foot of a page: group 1 its number, group 2 its capitalised text ("1 Day of AI …"). */
    public static final Pattern FOOTNOTE_LINE = Pattern.compile("^(\\d{1,2}) (\\p{Lu}.*)$");

    /**
     * What opens a new paragraph in extracted text (the cleaner): a bullet, a number, a letter or Roman marker, a
     * Markdown heading, "Điều 3", "Chương II", an appendix, the recipients. Numbers are one level only ("1.2" is not
     * a marker here, unlike {@link #ITEM_START}) and Roman numerals include L.
     */
    public static final Pattern PARAGRAPH_START = Pattern.compile("^(?:" + BULLET + "\\s|" + NUMBER + "[.)]\\s*\\S|"
            + LETTER + "\\s|" + ROMAN + "[.)]\\s*\\S|" + MARKDOWN_MARKER + "|Điều\\s+\\d+|Chương\\s+[IVXL\\d]+|"
            + "PHỤ LỤC|Phụ lục\\b|Nơi nhận)");
    /**
     * What opens a new unit of a passage (the sentence splitter): a bullet, an outline number ("1.2."), a letter, a
     * Roman numeral up to X with a period, or a number before a tab (a table row).
     */
    public static final Pattern ITEM_START = Pattern.compile("^(?:" + BULLET + "\\s|" + LETTER + "\\s|"
            + OUTLINE_NUMBER + "[.)]\\s?|" + ROMAN_UP_TO_X + "\\.\\s?|\\d{1,3}\\t)");
    /**
     * The list markers opening a sentence quoted in an answer, to strip ("- a) 1.2. "): they may repeat, a bullet or
     * a letter needs no space after it, a number or a Roman numeral (up to X) does.
     */
    public static final Pattern LEADING_MARKERS = Pattern.compile("^(?:" + BULLET + "\\s*|" + LETTER + "\\s*|"
            + OUTLINE_NUMBER + "[.)]\\s+|" + ROMAN_UP_TO_X + "\\.\\s+|\\d{1,3}\\t+)+");
    /** A numbered, lettered, Roman or "Điều"/"Chương" marker followed by a letter: a paragraph that may be a bare heading. */
    private static final Pattern NUMBERED_HEADING_START = Pattern.compile("^(?:" + NUMBER + "[.)]|" + LETTER + "|"
            + ROMAN + "[.)]|(?:Điều|ĐIỀU|Chương|CHƯƠNG)\\s+[\\dIVXL]+\\s*[.:]?)\\s*\\p{L}");
    /** The sentence splitter's numbered marker of a title: an outline number, a letter, a Roman numeral up to X. */
    private static final Pattern NUMBERED_TITLE_START = Pattern.compile(
            "^(?:" + LETTER + "|" + OUTLINE_NUMBER + "[.)]|" + ROMAN_UP_TO_X + "\\.)\\s*\\S");
    /** A list or heading marker followed by a tab: "1.\tTừ ngày…", "Điều 2.\tMột số…". Group 1 the marker. */
    private static final Pattern MARKER_THEN_TAB = Pattern.compile("^(\\s*(?:" + OUTLINE_NUMBER + "[.)]|" + LETTER + "|"
            + ROMAN + "[.)]|" + TAB_BULLET + "|" + ARTICLE_WORD + "\\s+\\d+\\s*[.:]?))[ \\t]*\\t[ \\t]*");

    /** Sentence end for the splitter: one of . ; : ! ? … then only white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?s).*[.;:!?…]\\s*$");
    /** Sentence end for the cleaner: as {@link #SENTENCE_END}, closing quotes or a bracket may follow the mark. */
    private static final Pattern SENTENCE_END_BEFORE_QUOTES = Pattern.compile("[.;:!?…]\\s*[\"”’)]*$");
    /** A full stop, question or exclamation mark last (not ; : …): a numbered item that is a whole sentence. */
    private static final Pattern FULL_STOP_END = Pattern.compile(".*[.!?]$");

    /**
     * Where the sentence splitter breaks a unit: after . ! ? … before a capital, a digit, an opening quote or
     * bracket; after ; only before a capital.
     */
    public static final Pattern SENTENCE_BREAK =
            Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])|(?<=;)\\s+(?=\\p{Lu})");
    /**
     * Where the chunker may cut a paragraph too long for one chunk: after . ; ! ? … before a capital, a digit, a
     * bullet "-" or "+", an opening quote. Looser than {@link #SENTENCE_BREAK}: a cut there only sizes chunks.
     */
    public static final Pattern LONG_PARAGRAPH_CUT = Pattern.compile("(?<=[.;!?…])\\s+(?=[\\p{Lu}\\d\\-+“\"])");

    /** Words whose period ends no sentence ("TP. Hồ Chí Minh", "ThS. …", "v.v."), lower-cased. */
    public static final Set<String> ABBREVIATIONS_BEFORE_PERIOD = Set.of("tp", "ts", "ths", "pgs", "gs", "bs", "ks",
            "st", "v.v", "tr", "đ/c", "nxb", "ttg", "tt", "kt", "tm");
    /** A numbering marker alone ("2.", "1.2.", "II."): it opens the sentence that follows. */
    private static final Pattern NUMBERING_MARKER_ALONE = Pattern.compile("(?:\\d{1,2}\\.)+|" + ROMAN_UP_TO_X + "\\.");

    private LineGrammar() {
    }

    /** True when the line opens a Markdown heading ("## Chuẩn bị"). */
    public static boolean opensMarkdownHeading(CharSequence line) {
        return OPENS_MARKDOWN_HEADING.matcher(line).lookingAt();
    }

    /**
     * The sentence splitter's heading: a Markdown heading ("## Chuẩn bị") or a mostly upper-case line
     * ("II. MỤC TIÊU", "KINH PHÍ THỰC HIỆN"; at least 3 letters, 80 % of them capitals).
     */
    public static boolean isHeading(String line) {
        if (opensMarkdownHeading(line)) {
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

    /**
     * The cleaner's heading-like line: at least 4 letters, none lower-case. Stricter than {@link #isHeading}: the
     * cleaner starts a new paragraph wherever this changes from one line to the next.
     */
    public static boolean isAllCaps(CharSequence s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 4;
    }

    /** The splitter's numbered title: a short numbered line without final punctuation ("2. Mục tiêu đến năm 2030"). */
    public static boolean isNumberedTitle(String unit) {
        String s = unit.strip();
        return NUMBERED_TITLE_START.matcher(s).find() && !endsSentence(s) && !s.contains("\t")
                && !s.contains(":")
                && s.split("\\s+").length <= 30;
    }

    /** True when the paragraph so far opens like a numbered heading ("2. Các trường", "Điều 3. Phạm vi"). */
    public static boolean opensNumberedHeading(CharSequence paragraph) {
        return NUMBERED_HEADING_START.matcher(paragraph).lookingAt();
    }

    /** The splitter's sentence end: the text ends with . ; : ! ? or … (white space after it allowed). */
    public static boolean endsSentence(CharSequence text) {
        return SENTENCE_END.matcher(text).matches();
    }

    /** The cleaner's sentence end: as {@link #endsSentence}, but closing quotes or a bracket may follow the mark. */
    public static boolean endsSentenceOrQuote(CharSequence text) {
        return SENTENCE_END_BEFORE_QUOTES.matcher(text).find();
    }

    /** True when the text ends with . ! or ? (a full sentence for the chunker; ; : and … do not count). */
    public static boolean endsWithFullStop(String text) {
        return FULL_STOP_END.matcher(text).matches();
    }

    /** A tab right after a list or heading marker is spacing, not a table column: it becomes one space. */
    public static String untabMarker(String line) {
        return MARKER_THEN_TAB.matcher(line).replaceFirst("$1 ");
    }

    /**
     * A footnote's marker in the text it annotates: its number right after a letter or a closing quote
     * ("Day of AI1"), not followed by another digit. Group 1 is the character before the number.
     */
    public static Matcher footnoteMarker(String number, CharSequence text) {
        return Pattern.compile("([\\p{L}”\"])" + number + "(?!\\d)").matcher(text);
    }

    /**
     * True when the final period of a piece ends no sentence: an abbreviation ("TP.", "v.v."), an initial
     * ("Nguyễn V."), or a numbering marker alone ("2.", "II.") that opens the sentence after it.
     */
    public static boolean periodEndsNoSentence(String piece) {
        String p = piece.strip();
        if (!p.endsWith(".")) {
            return false;
        }
        if (NUMBERING_MARKER_ALONE.matcher(p).matches()) {
            return true;
        }
        int space = p.lastIndexOf(' ');
        String lastWord = p.substring(space + 1, p.length() - 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS_BEFORE_PERIOD.contains(lastWord)
                || (lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0)));
    }
}
