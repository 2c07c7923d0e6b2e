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
 * Vietnamese education-administration abbreviations ({@code text/viet-abbreviations.tsv}: UBND, GDĐT, CBQL, GV,
 * THCS, …) used to widen queries: "CBQL" also searches "cán bộ quản lý", and "cán bộ quản lý" also searches "CBQL".
 *
 * <p>Short abbreviations (two letters) match only when typed in capitals, because "ai", "gv", "tu" are also
 * ordinary syllables. Ambiguous ones (TH, TT, KH) expand only in context: "TT 02/2025" → Thông tư,
 * "trường TH" → tiểu học.
 */
public final class Abbreviations {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}&]+");
    private static final Abbreviations DEFAULT = load();

    private final Map<String, String> unambiguous;
    /** Abbreviations that expand only in context (TT, TH, KH): never taken from a corpus either. */
    private final Set<String> ambiguous;
    /** Abbreviation → its multi-word full form folded and padded with spaces, for the reverse lookup. */
    private final Map<String, String> foldedFullForms = new LinkedHashMap<>();
    /** Folded abbreviation → every full form folded ("th" → "tieu hoc", "tin hoc"), for matching sentences. */
    private final Map<String, List<String>> foldedExpansions = new LinkedHashMap<>();
    /** The full forms of the ambiguous abbreviations, as the list gives them. */
    private final Map<String, List<String>> ambiguousForms;

    Abbreviations(Map<String, String> unambiguous) {
        this(unambiguous, Set.of(), Map.of());
    }

    Abbreviations(Map<String, String> unambiguous, Set<String> ambiguous, Map<String, List<String>> ambiguousForms) {
        // Insertion order, not Map.copyOf's per-run order: the expansions are query text, and the order of a Lucene
        // query's clauses moves its float sums, so ties between passages would break differently from run to run.
        this.unambiguous = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unambiguous));
        this.ambiguous = Set.copyOf(ambiguous);
        this.ambiguousForms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ambiguousForms));
        unambiguous.forEach((abbreviation, full) -> foldedExpansions.put(VietnameseText.fold(abbreviation),
                List.of(foldedWords(full).strip())));
        ambiguousForms.forEach((abbreviation, forms) -> foldedExpansions.put(VietnameseText.fold(abbreviation),
                forms.stream().map(f -> foldedWords(f).strip()).toList()));
        unambiguous.forEach((abbreviation, full) -> {
            String folded = foldedWords(full);
            if (folded.trim().contains(" ")) {
                foldedFullForms.put(abbreviation, folded);
            }
        });
    }

    private static String foldedWords(String text) {
        return " " + VietnameseText.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    /** The bundled list. */
    public static Abbreviations defaults() {
        return DEFAULT;
    }

    /**
     * These abbreviations plus those a corpus defines itself ({@link AbbreviationMiner#learn}); the bundled list
     * wins where both define one, and the ambiguous ones stay contextual.
     */
    public Abbreviations withLearned(Map<String, String> learned) {
        if (learned.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(unambiguous);
        learned.forEach((abbreviation, full) -> {
            String key = VietnameseText.normalize(abbreviation);
            if (!ambiguous.contains(key)) {
                merged.putIfAbsent(key, VietnameseText.normalize(full));
            }
        });
        return new Abbreviations(merged, ambiguous, ambiguousForms);
    }

    /**
     * Every full form of a token that is an abbreviation, folded ("CBQL" → "can bo quan ly"; an ambiguous one gives
     * each of its forms: "TH" → "tieu hoc", "tin hoc"), for telling whether a sentence says what a question
     * abbreviates; empty when the token is none. Case is ignored: matching a sentence is not widening a search.
     */
    public List<String> foldedExpansions(String token) {
        return foldedExpansions.getOrDefault(VietnameseText.fold(token), List.of());
    }

    /** How many unambiguous abbreviations are known. */
    public int size() {
        return unambiguous.size();
    }

    /** The expansion of an unambiguous abbreviation, or null. */
    public String expansion(String abbreviation) {
        return unambiguous.get(VietnameseText.normalize(abbreviation));
    }

    /**
     * Extra query text for a (normalised) query: the expansions of the abbreviations it contains and the
     * abbreviations of the full forms it contains. Empty when there is nothing to add.
     */
    public String expansionsFor(String query) {
        String normalized = VietnameseText.normalize(query);
        Set<String> extra = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized);
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String upper = token.toUpperCase(Locale.ROOT);
            String expansion = unambiguous.get(upper);
            if (expansion != null && (token.equals(upper) || token.length() >= 4)) {
                extra.add(expansion);
            }
            String contextual = contextual(upper, token, i > 0 ? tokens.get(i - 1) : "",
                    i + 1 < tokens.size() ? tokens.get(i + 1) : "");
            if (contextual != null) {
                extra.add(contextual);
            }
        }
        String folded = foldedWords(normalized);
        foldedFullForms.forEach((abbreviation, full) -> {
            if (folded.contains(full)) {
                extra.add(abbreviation);
            }
        });
        return String.join(" ", extra);
    }

    private static String contextual(String upper, String token, String before, String after) {
        if (!token.equals(upper)) {
            return null;
        }
        String prev = VietnameseText.fold(before);
        return switch (upper) {
            case "TT" -> !after.isEmpty() && Character.isDigit(after.charAt(0)) ? "Thông tư" : null;
            case "TH" -> prev.equals("truong") || prev.equals("cap") ? "tiểu học" : null;
            case "KH" -> !after.isEmpty() && Character.isDigit(after.charAt(0)) ? "kế hoạch" : null;
            default -> null;
        };
    }

    private static Abbreviations load() {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> ambiguous = new LinkedHashSet<>(List.of("TT", "TH", "KH"));
        Map<String, List<String>> ambiguousForms = new LinkedHashMap<>();
        for (String[] cols : TsvResource.rows("text/viet-abbreviations.tsv")) {
            if (cols.length < 2 || cols.length >= 3 && cols[2].startsWith("ambiguous") || cols[1].contains("|")) {
                String abbreviation = VietnameseText.normalize(cols[0].strip());
                ambiguous.add(abbreviation);
                if (cols.length >= 2) {
                    ambiguousForms.put(abbreviation, TsvResource.forms(cols[1]).stream()
                            .map(VietnameseText::normalize).toList());
                }
                continue;
            }
            map.put(VietnameseText.normalize(cols[0].strip()), VietnameseText.normalize(cols[1].strip()));
        }
        return new Abbreviations(map, ambiguous, ambiguousForms);
    }
}
