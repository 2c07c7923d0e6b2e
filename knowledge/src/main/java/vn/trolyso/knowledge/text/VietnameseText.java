package vn.trolyso.knowledge.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home of Vietnamese text normalisation, used before indexing and before querying so that text typed
 * however a teacher types it meets the documents however they were written.
 *
 * <p>{@link #normalize(String)} keeps the text readable (it is what may be shown); {@link #matchingForm(String)}
 * adds the spelling choices that do not change a word (kĩ năng = kỹ năng) and is what the index and the reader
 * compare; {@link #fold(String)} is a matching key only (lowercase, no diacritics).
 */
public final class VietnameseText {
    /** Combining tone marks: grave, acute, hook above, tilde, dot below. */
    private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";
    private static final Pattern GDDT_FORMS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([BSPbsp]?)(GD|gd|Gd)\\s*(?:&amp;|&|-|–|\\s)\\s*(ĐT|đt|Đt)(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SLUG_GAPS = Pattern.compile("[^a-z0-9]+");

    private VietnameseText() {
    }

    /**
     * Normalises Vietnamese text for indexing and matching, keeping it readable:
     * <ul>
     *   <li>Unicode NFC (decomposed input becomes composed);</li>
     *   <li>the look-alikes Ð (U+00D0, Icelandic eth), Ɖ (U+0189) and their lowercase forms become Đ/đ;</li>
     *   <li>zero-width characters, BOMs and soft hyphens are removed; other control characters become spaces;</li>
     *   <li>one canonical tone-mark placement in the open syllables oa, oe, uy: the mark goes on the first vowel
     *       (hoà → hòa, khoẻ → khỏe, uỷ → ủy, thuý → thúy), never on the u of qu (quý stays quý);</li>
     *   <li>GD&amp;ĐT, GD-ĐT, GD ĐT (also with a B/S/P prefix) become GDĐT.</li>
     * </ul>
     * Returns "" for null.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = replaceLookAlikesAndInvisibles(text);
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (hasNonAscii(s)) {
            s = canonicalToneMarks(s);
        }
        if (s.indexOf('T') >= 0 || s.indexOf('t') >= 0) {
            s = GDDT_FORMS.matcher(s).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT) + "GDĐT");
        }
        return s;
    }

    /**
     * {@link #normalize(String)} with one spelling for the open syllables written with either i or y: kì / kỳ, kĩ năng
     * / kỹ năng, lí / lý, tỉ lệ / tỷ lệ, mĩ / mỹ, sĩ / sỹ, qui định / quy định all take the y (the form most documents
     * use), keeping their tone. Only after k, l, t, m, s and qu, with nothing else in the syllable: "khi", "thi", "vị"
     * and "kim" stay. A figure's leading zeros are dropped too ("01 sáng kiến" = "1 sáng kiến"). For comparing text,
     * never for showing it: a quote keeps the spelling its document chose.
     */
    public static String matchingForm(String text) {
        String s = iyAsY(normalize(text));
        return s.indexOf('0') < 0 ? s : LEADING_ZEROS.matcher(s).replaceAll("");
    }

    /** "01 sáng kiến", "06 học kỳ", "ngày 07/1": a figure's leading zeros (not those of "0,5" or "1.050"). */
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![\\p{L}\\p{N}.,])0+(?=\\p{N})");

    /**
     * A diacritic-insensitive matching key: {@link #matchingForm(String)}, lowercase, every diacritic removed and
     * đ → d. "Khung năng lực số" and "khung nang luc so" fold to the same string, "ki nang" to that of "kỹ năng".
     */
    public static String fold(String text) {
        String s = matchingForm(text).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            sb.append(c == 'đ' ? 'd' : c);
        }
        return sb.toString();
    }

    /**
     * Removes every diacritic (every combining mark after NFD) and turns đ/Đ into d/D, and nothing else: case,
     * punctuation, spacing and look-alike letters stay as they are. The raw fold behind keys that must not move when
     * {@link #normalize(String)} learns a new rule, such as {@link #slug(String)}; for matching, use {@link #fold}.
     */
    public static String stripDiacritics(String text) {
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        return COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * An ASCII slug for ids and file names: {@link #stripDiacritics}, lowercase, every run of characters other
     * than a-z and 0-9 becomes one "-", none at either end ("Kế hoạch số 12: Đổi mới" → "ke-hoach-so-12-doi-moi").
     * May be empty.
     */
    public static String slug(String text) {
        return SLUG_GAPS.matcher(stripDiacritics(text).toLowerCase(Locale.ROOT)).replaceAll("-")
                .replaceAll("^-+|-+$", "");
    }

    /** Whether the text carries any Vietnamese diacritic (or đ); a query without any was typed unaccented. */
    public static boolean hasDiacritics(String text) {
        String n = normalize(text);
        return !stripDiacritics(n).equals(n); // not fold: "ki" folds to "ky" and has none
    }

    /** The i of a syllable alternating with y, with its tone (i í ì ỉ ĩ ị, either case), and the y taking it. */
    private static final String I_FORMS = "iíìỉĩịIÍÌỈĨỊ";
    private static final String Y_FORMS = "yýỳỷỹỵYÝỲỶỸỴ";

    private static String iyAsY(String text) {
        StringBuilder out = null;
        for (int i = 1; i < text.length(); i++) {
            int form = I_FORMS.indexOf(text.charAt(i));
            if (form < 0 || i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                continue;
            }
            char onset = Character.toLowerCase(text.charAt(i - 1));
            boolean single = "kltms".indexOf(onset) >= 0 && startsWord(text, i - 1);
            boolean qu = onset == 'u' && i >= 2 && Character.toLowerCase(text.charAt(i - 2)) == 'q'
                    && startsWord(text, i - 2);
            if (single || qu) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, Y_FORMS.charAt(form));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean startsWord(String text, int at) {
        return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static String replaceLookAlikesAndInvisibles(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement;
            switch (c) {
                case '\u00D0', '\u0189' -> replacement = 'Đ';
                case '\u00F0', '\u0256' -> replacement = 'đ';
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> replacement = 0;
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F || c >= 0x80 && c < 0xA0) {
                        replacement = ' ';
                    } else {
                        if (sb != null) {
                            sb.append(c);
                        }
                        continue;
                    }
                }
            }
            if (sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (replacement != 0) {
                sb.append(replacement);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Moves the tone mark of open oa/oe/uy syllables onto the first vowel, word by word. */
    static String canonicalToneMarks(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String fixed = canonicalSyllable(word);
            if (fixed != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, m.start()).append(fixed);
                last = m.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Returns the re-marked syllable, or null when the word needs no change. */
    private static String canonicalSyllable(String word) {
        int n = word.length();
        if (n < 2 || n > 7) {
            return null;
        }
        char last = Character.toLowerCase(baseLetter(word.charAt(n - 1)));
        if (last != 'a' && last != 'e' && last != 'y') {
            return null;
        }
        char prev = Character.toLowerCase(baseLetter(word.charAt(n - 2)));
        boolean cluster = (prev == 'o' && (last == 'a' || last == 'e')) || (prev == 'u' && last == 'y');
        if (!cluster || hasQualityMark(word.charAt(n - 1)) || hasQualityMark(word.charAt(n - 2))) {
            return null;
        }
        if (n >= 3 && isVowel(Character.toLowerCase(baseLetter(word.charAt(n - 3))))) {
            return null; // three-vowel nucleus (e.g. "uya", "oay"): not one of the two-vowel rules
        }
        char tone = toneOf(word.charAt(n - 1));
        char toneFirst = toneOf(word.charAt(n - 2));
        boolean afterQ = n >= 3 && Character.toLowerCase(word.charAt(n - 3)) == 'q';
        // "qu" is a consonant: the tone of quy belongs on the y. Elsewhere the canonical place is the first vowel.
        int from = afterQ ? n - 2 : n - 1;
        int to = afterQ ? n - 1 : n - 2;
        char moving = afterQ ? toneFirst : tone;
        if (moving == 0) {
            return null;
        }
        char[] chars = word.toCharArray();
        chars[from] = withTone(chars[from], (char) 0);
        chars[to] = withTone(chars[to], moving);
        return new String(chars);
    }

    private static boolean isVowel(char c) {
        return "aăâeêioôơuưy".indexOf(c) >= 0;
    }

    // Lookup tables over the precomposed Vietnamese vowels: letter -> base letter (with its quality mark) and tone.
    private static final String BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    private static final java.util.Map<Character, Character> BASE_OF = new java.util.HashMap<>();
    private static final java.util.Map<Character, Character> TONE_OF = new java.util.HashMap<>();
    private static final java.util.Map<String, Character> COMPOSE = new java.util.HashMap<>();

    static {
        for (char base : BASES.toCharArray()) {
            BASE_OF.put(base, base);
            COMPOSE.put(base + "", base);
            for (char tone : TONE_MARKS.toCharArray()) {
                String composed = Normalizer.normalize(base + String.valueOf(tone), Normalizer.Form.NFC);
                if (composed.length() == 1) {
                    BASE_OF.put(composed.charAt(0), base);
                    TONE_OF.put(composed.charAt(0), tone);
                    COMPOSE.put(base + String.valueOf(tone), composed.charAt(0));
                }
            }
        }
    }

    /** The letter without its tone mark but with its quality mark (ắ → ă); other characters unchanged. */
    private static char baseLetter(char c) {
        Character base = BASE_OF.get(c);
        if (base == null) {
            return c;
        }
        return switch (base) {
            case 'ă', 'â' -> 'a';
            case 'Ă', 'Â' -> 'A';
            case 'ê' -> 'e';
            case 'Ê' -> 'E';
            case 'ô', 'ơ' -> 'o';
            case 'Ô', 'Ơ' -> 'O';
            case 'ư' -> 'u';
            case 'Ư' -> 'U';
            default -> base;
        };
    }

    private static boolean hasQualityMark(char c) {
        Character base = BASE_OF.get(c);
        return base != null && "ăâêôơưĂÂÊÔƠƯ".indexOf(base) >= 0;
    }

    private static char toneOf(char c) {
        Character tone = TONE_OF.get(c);
        return tone == null ? 0 : tone;
    }

    private static char withTone(char c, char tone) {
        Character base = BASE_OF.get(c);
        if (base == null) {
            return c;
        }
        Character composed = COMPOSE.get(tone == 0 ? base + "" : base + String.valueOf(tone));
        return composed == null ? c : composed;
    }
}
