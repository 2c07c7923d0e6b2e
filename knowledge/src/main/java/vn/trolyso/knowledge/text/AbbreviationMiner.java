package vn.trolyso.knowledge.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the abbreviations a corpus defines itself, the way Vietnamese administrative documents define them:
 * "Khóa luận tốt nghiệp (KLTN)" and glossary lines "KLTN: Khóa luận tốt nghiệp" / "CBQL – cán bộ quản lý". A
 * definition is accepted only when the abbreviation's letters are exactly the initials of the full form's
 * syllables (diacritics ignored, "và"/"của" may be skipped: GDĐT = Giáo dục và Đào tạo), so an ordinary
 * parenthesis or "Trường: Trường ABC" is never taken for one.
 */
public final class AbbreviationMiner {
    private static final Pattern SYLLABLE = Pattern.compile("[\\p{L}\\p{N}]+");
    /** "(KLTN)" — 2 to 10 capitals (Đ included), optionally with digits. */
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(\\s*(\\p{Lu}[\\p{Lu}\\p{N}]{1,9})\\s*\\)");
    /** A glossary line: "KLTN: …", "- CBQL – …", "GV = …". */
    private static final Pattern GLOSSARY = Pattern.compile(
            "(?m)^[\\s\\-+•*]*(\\p{Lu}[\\p{Lu}\\p{N}]{1,9})\\s*(?::|=|–|-)\\s*(.+)$");
    private static final Set<String> CONNECTORS = Set.of("va", "cua");
    /** Syllables looked at before a parenthesis, beyond the abbreviation's length. */
    private static final int SLACK = 2;

    private AbbreviationMiner() {
    }

    /**
     * Abbreviation → full form (as written in the first text that defines it; the form most often used wins).
     */
    public static Map<String, String> learn(Iterable<String> texts) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String raw : texts) {
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            String text = VietnameseText.normalize(raw);
            Matcher p = IN_PARENTHESES.matcher(text);
            while (p.find()) {
                String abbreviation = p.group(1);
                String full = beforeParenthesis(text, p.start(), abbreviation);
                if (full != null) {
                    counts.computeIfAbsent(abbreviation, k -> new LinkedHashMap<>()).merge(full, 1, Integer::sum);
                }
            }
            Matcher g = GLOSSARY.matcher(text);
            while (g.find()) {
                String abbreviation = g.group(1);
                String full = leadingFullForm(g.group(2), abbreviation);
                if (full != null) {
                    counts.computeIfAbsent(abbreviation, k -> new LinkedHashMap<>()).merge(full, 1, Integer::sum);
                }
            }
        }
        Map<String, String> learned = new LinkedHashMap<>();
        counts.forEach((abbreviation, forms) -> {
            String best = null;
            int bestCount = 0;
            Map<String, Integer> byFolded = new HashMap<>();
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                int c = byFolded.merge(VietnameseText.fold(e.getKey()), e.getValue(), Integer::sum);
                if (c > bestCount) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            learned.put(abbreviation, best);
        });
        return learned;
    }

    /** The full form ending right before a "(ABBR)", or null when no syllable run there spells the abbreviation. */
    private static String beforeParenthesis(String text, int parenthesis, String abbreviation) {
        int letters = letters(abbreviation).length();
        int lineStart = Math.max(text.lastIndexOf('\n', parenthesis - 1) + 1, 0);
        List<int[]> spans = new ArrayList<>();
        Matcher m = SYLLABLE.matcher(text).region(lineStart, parenthesis);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty() || text.substring(spans.get(spans.size() - 1)[1], parenthesis).strip().length() > 0) {
            return null; // something other than spaces between the full form and "(": "…, (KLTN)"
        }
        for (int n = letters; n <= letters + SLACK && n <= spans.size(); n++) {
            int from = spans.size() - n;
            String candidate = text.substring(spans.get(from)[0], spans.get(spans.size() - 1)[1]);
            if (spells(candidate, abbreviation)) {
                return candidate;
            }
        }
        return null;
    }

    /** The full form a glossary line starts with ("Khóa luận tốt nghiệp; …"), or null. */
    private static String leadingFullForm(String rest, String abbreviation) {
        int letters = letters(abbreviation).length();
        List<int[]> spans = new ArrayList<>();
        Matcher m = SYLLABLE.matcher(rest);
        while (m.find() && spans.size() < letters + SLACK) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int n = letters; n <= spans.size(); n++) {
            String candidate = rest.substring(spans.get(0)[0], spans.get(n - 1)[1]);
            if (spells(candidate, abbreviation)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Whether the syllables of a full form spell the abbreviation by their initials; connectors ("và", "của") may be
     * skipped but neither begin nor end the full form, and at least two syllables are needed.
     */
    static boolean spells(String full, String abbreviation) {
        List<String> syllables = new ArrayList<>();
        Matcher m = SYLLABLE.matcher(VietnameseText.fold(full));
        while (m.find()) {
            syllables.add(m.group());
        }
        if (syllables.size() < 2 || CONNECTORS.contains(syllables.get(0))
                || CONNECTORS.contains(syllables.get(syllables.size() - 1))) {
            return false;
        }
        String target = VietnameseText.fold(letters(abbreviation));
        StringBuilder initials = new StringBuilder();
        StringBuilder withConnectors = new StringBuilder();
        for (String s : syllables) {
            char c = s.charAt(0);
            withConnectors.append(c);
            if (!CONNECTORS.contains(s)) {
                initials.append(c);
            }
        }
        return target.equals(initials.toString()) || target.equals(withConnectors.toString());
    }

    private static String letters(String abbreviation) {
        return abbreviation.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }
}
