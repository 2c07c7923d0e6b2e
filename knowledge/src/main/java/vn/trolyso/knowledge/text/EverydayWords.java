package vn.trolyso.knowledge.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The everyday words people type for what the plans say in administrative terms ({@code text/everyday-words.tsv}:
 * "tiền" for kinh phí, "hạn chót" for thời hạn, "thầy cô" for giáo viên): a question in everyday words is a
 * paraphrase, not a question about something the documents never mention. The documents' words are added to the
 * question's, never put in their place ("tiền sách" still finds "tiền sách").
 *
 * <p>A key matches as typed with diacritics; one of two or more syllables also matches typed without any ("han
 * chot"), while a single syllable without them does not ("tien" is tiền, tiến or tiên).
 */
public final class EverydayWords {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final EverydayWords DEFAULT = load();

    /** Key (lowercase normalised words joined by one space) → the documents' words, normalised. */
    private final Map<String, List<String>> accented;
    /** Folded key of two or more syllables → the documents' words, normalised. */
    private final Map<String, List<String>> folded;
    private final int longest;

    /** A run of the question's words that is an everyday phrase, and the documents' words for it. */
    public record Match(int length, List<String> documentWords) {
    }

    EverydayWords(Map<String, List<String>> entries) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> byFolded = new LinkedHashMap<>();
        int max = 1;
        for (Map.Entry<String, List<String>> e : entries.entrySet()) {
            String key = String.join(" ", words(e.getKey()));
            List<String> forms = e.getValue().stream().map(f -> String.join(" ", words(f))).toList();
            byKey.put(key, forms);
            int length = key.split(" ").length;
            if (length > 1) {
                byFolded.putIfAbsent(VietnameseText.fold(key), forms);
            }
            max = Math.max(max, length);
        }
        this.accented = Map.copyOf(byKey);
        this.folded = Map.copyOf(byFolded);
        this.longest = max;
    }

    /** The bundled list. */
    public static EverydayWords defaults() {
        return DEFAULT;
    }

    /**
     * The longest everyday phrase starting at {@code from} among the question's tokens (as typed), or null.
     *
     * @param accentedQuestion whether the question carries diacritics anywhere: then an unaccented token is that
     *                         very word, not a folded form of another
     */
    public Match at(List<String> tokens, int from, boolean accentedQuestion) {
        for (int n = Math.min(longest, tokens.size() - from); n >= 1; n--) {
            List<String> run = tokens.subList(from, from + n).stream()
                    .map(t -> VietnameseText.normalize(t).toLowerCase(Locale.ROOT)).toList();
            String key = String.join(" ", run);
            List<String> forms = accented.get(key);
            if (forms == null && n > 1 && !accentedQuestion && !VietnameseText.hasDiacritics(key)) {
                forms = folded.get(key);
            }
            if (forms != null) {
                return new Match(n, forms);
            }
        }
        return null;
    }

    /** The documents' words for every everyday phrase in the text, joined by spaces; empty when there is none. */
    public String expansionsFor(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(VietnameseText.normalize(text));
        while (m.find()) {
            tokens.add(m.group());
        }
        boolean accentedText = VietnameseText.hasDiacritics(text);
        Set<String> extra = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Match match = at(tokens, i, accentedText);
            if (match != null) {
                extra.addAll(match.documentWords());
                i += match.length() - 1;
            }
        }
        return String.join(" ", extra);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(VietnameseText.normalize(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static EverydayWords load() {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String[] cols : TsvResource.rows("text/everyday-words.tsv")) {
            if (cols.length < 2) {
                throw new IllegalStateException("everyday-words.tsv: no documents' words for " + cols[0]);
            }
            entries.put(cols[0].strip(), TsvResource.forms(cols[1]));
        }
        return new EverydayWords(entries);
    }
}
