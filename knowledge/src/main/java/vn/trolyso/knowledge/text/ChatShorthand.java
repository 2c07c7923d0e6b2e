package vn.trolyso.knowledge.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shorthand people type in chat ("kinh phí lấy từ đâu v", "khoảng bn người", "có đc k"), written out before a
 * question is read: left alone, "v" and "k" are rare words that the reader takes for the topic, and "bn" hides that
 * the question asks for a number. Only lowercase tokens are expanded ("V" is a section number, "K" a grade), and a
 * question typed without diacritics gets the expansions without them too, so it keeps being read as unaccented.
 * A school year typed with two digits each ("năm học 26-27") is written out too.
 */
public final class ChatShorthand {
    /** Shorthand → expansion (with diacritics). Only forms with one usual reading in a question. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("k", "không"), Map.entry("ko", "không"), Map.entry("kg", "không"), Map.entry("hok", "không"),
            Map.entry("khg", "không"), Map.entry("j", "gì"), Map.entry("v", "vậy"), Map.entry("z", "vậy"),
            Map.entry("dc", "được"), Map.entry("đc", "được"), Map.entry("ntn", "như thế nào"),
            Map.entry("bn", "bao nhiêu"), Map.entry("mk", "mình"), Map.entry("mik", "mình"), Map.entry("vs", "với"),
            Map.entry("trc", "trước"), Map.entry("ng", "người"), Map.entry("mn", "mọi người"),
            // Southern speech as typed: "có phát thẻ hông", "tổ chức ở đâu zậy". (Not "nhiêu" for "bao nhiêu": it
            // cost the 9,758 set "lâu nhiêu học kì" before i/y spellings were one form, and is not measured since.)
            Map.entry("hông", "không"), Map.entry("hem", "không"), Map.entry("zậy", "vậy"), Map.entry("dzậy", "vậy"),
            // English words typed in Vietnamese chat; the documents say it in Vietnamese.
            Map.entry("app", "ứng dụng"), Map.entry("apps", "ứng dụng"), Map.entry("free", "miễn phí"),
            Map.entry("online", "trực tuyến"), Map.entry("sdt", "số điện thoại"), Map.entry("sđt", "số điện thoại"));
    /** A lowercase word standing alone: not part of "P.ĐTĐH", "HT&ĐT", "6k" or "a/b". */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.&/-])\\p{Ll}+(?![\\p{L}\\p{N}&/-]|\\.\\p{L})");

    private ChatShorthand() {
    }

    /** "năm học 26-27": a school year written with two digits each. */
    private static final Pattern SHORT_SCHOOL_YEAR = Pattern.compile(
            "(?iU)\\b(năm học|nam hoc|niên học|nien hoc)\\s+(\\d{2})\\s*-\\s*(\\d{2})\\b(?![/.]\\d)");

    /** The question with its chat shorthand written out; everything else as typed. */
    public static String expand(String question) {
        if (question == null || question.isEmpty()) {
            return question;
        }
        question = fullSchoolYears(question);
        boolean accented = VietnameseText.hasDiacritics(question);
        Matcher m = TOKEN.matcher(question);
        StringBuilder out = new StringBuilder(question.length() + 16);
        boolean changed = false;
        while (m.find()) {
            String expansion = WORDS.get(m.group());
            // "bn ơi, cho mình hỏi": at the start "bn" is "bạn", not "bao nhiêu".
            if (expansion != null && m.group().equals("bn") && question.substring(0, m.start()).isBlank()) {
                expansion = "bạn";
            }
            if (expansion != null) {
                m.appendReplacement(out, Matcher.quoteReplacement(accented ? expansion
                        : VietnameseText.fold(expansion)));
                changed = true;
            }
        }
        if (!changed) {
            return question;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "năm học 26-27" → "năm học 2026-2027" (only consecutive years: "26-27", not a date or a page range). */
    private static String fullSchoolYears(String question) {
        Matcher m = SHORT_SCHOOL_YEAR.matcher(question);
        return !m.find() ? question : m.replaceAll(y -> Matcher.quoteReplacement(
                Integer.parseInt(y.group(3)) == (Integer.parseInt(y.group(2)) + 1) % 100
                        ? y.group(1) + " 20" + y.group(2) + "-20" + y.group(3) : y.group()));
    }
}
