package vn.trolyso.assistant.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * Matching keys for Vietnamese words inside the answering pipeline. A word typed with diacritics matches only the
 * same word (any case, either tone-mark placement: hoà = hòa); a word typed without any ("ke hoach") matches
 * every accented form that folds to it. Folding everything would merge too many words (cơ/có, Đồ/đó, tự/từ).
 */
public final class Terms {
    /** A token: a run of letters/digits; numbers keep their inner separators and a trailing "%" (1.500, 25%). */
    private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*%?|[\\p{L}\\p{N}]+");

    /** Function and question words that carry no topic (as typed with diacritics). */
    private static final Set<String> STOPWORDS = Set.copyOf(List.of(
            "là", "của", "và", "các", "những", "một", "cho", "với", "trong", "theo", "về", "để", "thì", "có",
            "không", "gì", "nào", "ai", "bao", "nhiêu", "mấy", "sao", "thế", "như", "được", "đã", "sẽ", "đang",
            "này", "đó", "ấy", "kia", "hay", "hoặc", "mà", "ở", "từ", "đến", "lên", "ra", "vào", "khi", "nếu",
            "vậy", "còn", "nữa", "à", "hả", "nhé", "ơi", "em", "tôi", "mình", "bạn", "chúng", "hỏi", "biết",
            "xin", "vui", "lòng", "giúp", "cần", "phải", "nhất", "cũng", "rằng", "bị", "bởi", "gồm", "những",
            "tại", "năm", "nêu", "cụ", "thể", "mỗi", "đâu", "hằng", "nhằm", "đặt", "làm", "nói", "lấy", "dành", "lâu",
            "ạ", "nhỉ", "nha", "chót", "muốn", "họ", "bên", "hôm", "cháu",
            // chat vocatives and fillers: "vậy ad?", "vậy mn (mọi người)?", "dạ cho em hỏi"
            "ad", "mọi", "dạ"));
    /**
     * Folded stop words, minus folds that collide with topic words (cơ sở, Đồ Sơn, Ngô Gia Tự, cán bộ, bền, châu, …).
     */
    private static final Set<String> FOLDED_STOPWORDS;

    static {
        Set<String> folded = new HashSet<>();
        for (String w : STOPWORDS) {
            folded.add(fold(w));
        }
        folded.removeAll(Set.of("co", "do", "tu", "can", "hoi", "tai", "thi", "khong", "dang", "minh", "cung",
                "boi", "de", "chung", "nhu", "ai", "may", "the", "nam", "nha", "nhi", "ho", "ben", "chau"));
        FOLDED_STOPWORDS = Set.copyOf(folded);
    }

    private Terms() {
    }

    /** Lowercase, no diacritics, đ → d: {@link VietnameseText#fold}, the one fold of the project. */
    public static String fold(String text) {
        return VietnameseText.fold(text);
    }

    /**
     * Lowercase, with {@link VietnameseText#matchingForm}'s one spelling (NFC, one tone placement: hoà → hòa, thuỷ →
     * thủy; kĩ → kỹ), so a question and a passage typed either way compare equal, here as in the index.
     */
    public static String normalizeWord(String word) {
        return VietnameseText.matchingForm(word).toLowerCase(Locale.ROOT);
    }

    /** True when the word carries any Vietnamese diacritic (including đ). */
    public static boolean hasDiacritics(String word) {
        return VietnameseText.hasDiacritics(word);
    }

    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\p{N}/])(\\d{1,2})/(\\d{1,2})(?!\\p{N})");

    /**
     * The text with each date's day and month ("11/10", "24/12/2025") joined into one figure ("d11m10"), so that the
     * "10" of "lớp 10" is not found in "ngày 11/10"; the year stays a token of its own.
     */
    public static String joinDayMonth(String text) {
        return DAY_MONTH.matcher(text).replaceAll("d$1m$2");
    }

    /** The raw tokens of the text, in order, as written. */
    public static List<String> rawTokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(VietnameseText.normalize(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The normalised (accented, lowercase) tokens of the text, in order. */
    public static List<String> tokens(String text) {
        return rawTokens(text).stream().map(Terms::normalizeWord).toList();
    }

    /** A query word to look for: accented words match exactly, unaccented ones match any accented form. */
    public record Term(String key, boolean folded) {
        public static Term of(String rawToken) {
            return Terms.hasDiacritics(rawToken) ? new Term(normalizeWord(rawToken), false)
                    : new Term(fold(rawToken), true);
        }

        /** The key this term compares with for a normalised token. */
        public String keyOf(String normalizedToken) {
            return folded ? fold(normalizedToken) : normalizedToken;
        }
    }

    /**
     * {@link #isStopword(String)}, knowing whether the question was typed with diacritics: then a token without any
     * is that very word ("ai" = who in "Ai là người quy định…"), not a folded form of another ("AI" stays a topic).
     */
    public static boolean isStopword(String rawToken, boolean questionAccented) {
        if (questionAccented && !hasDiacritics(rawToken) && !rawToken.equals(rawToken.toUpperCase(Locale.ROOT))
                && STOPWORDS.contains(rawToken.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return isStopword(rawToken);
    }

    /** True when the raw token carries no topic: a function or question word (acronyms such as "AI" never are). */
    public static boolean isStopword(String rawToken) {
        if (rawToken.length() >= 2 && rawToken.equals(rawToken.toUpperCase(Locale.ROOT))
                && !rawToken.equals(rawToken.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return hasDiacritics(rawToken) ? STOPWORDS.contains(normalizeWord(rawToken))
                : FOLDED_STOPWORDS.contains(fold(rawToken));
    }

    /** True when the token holds a digit (years, figures, percentages, document numbers). */
    public static boolean isNumeric(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
