package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes running headers and footers: lines found at the top or bottom of most pages (page numbers inside them
 * ignored, so "Trang 3/12" on every page counts as the same line), and lone page numbers at a page edge.
 */
final class RepeatedLinesRemover {
    /** How many non-blank lines at each edge of a page may belong to a header or footer. */
    private static final int EDGE_LINES = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^[-–—\\s]*(trang\\s*)?#+(\\s*(/|trên)\\s*#+)?[-–—\\s]*$");

    private RepeatedLinesRemover() {
    }

    static List<String> clean(List<String> pages) {
        List<List<String>> split = pages.stream().map(p -> List.of(p.split("\\R", -1))).toList();
        Map<String, Integer> pagesWithLine = new HashMap<>();
        for (List<String> page : split) {
            Set<String> seen = new HashSet<>();
            for (int i : edgeIndexes(page)) {
                seen.add(key(page.get(i)));
            }
            seen.forEach(k -> pagesWithLine.merge(k, 1, Integer::sum));
        }
        int threshold = Math.max(2, (int) Math.ceil(pages.size() * 0.6));
        List<String> result = new ArrayList<>(pages.size());
        for (List<String> page : split) {
            Set<Integer> drop = new HashSet<>();
            for (int i : edgeIndexes(page)) {
                String key = key(page.get(i));
                boolean repeated = pages.size() >= 2 && pagesWithLine.getOrDefault(key, 0) >= threshold;
                if (repeated || PAGE_NUMBER.matcher(key).matches()) {
                    drop.add(i);
                }
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                if (!drop.contains(i)) {
                    kept.add(page.get(i));
                }
            }
            result.add(String.join("\n", kept));
        }
        return result;
    }

    private static List<Integer> edgeIndexes(List<String> page) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!page.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        Set<Integer> edges = new HashSet<>(nonBlank.subList(0, Math.min(EDGE_LINES, nonBlank.size())));
        edges.addAll(nonBlank.subList(Math.max(0, nonBlank.size() - EDGE_LINES), nonBlank.size()));
        return new ArrayList<>(edges);
    }

    private static String key(String line) {
        return line.strip().replaceAll("\\s+", " ").replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }
}
