package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text of a Markdown document: headings keep their "#" marks (section paths for the chunker), emphasis and link
 * syntax go, tables become tab-separated rows, code blocks keep their content.
 */
final class MarkdownTextExtractor {
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-=*_]\\s*){3,}$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*(:?-{3,}:?)?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[*+]\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");

    private MarkdownTextExtractor() {
    }

    static String extract(String markdown) {
        List<String> out = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String line : markdown.split("\\R", -1)) {
            if (TABLE_ROW.matcher(line).matches()) {
                if (!TABLE_SEPARATOR.matcher(line).matches()) {
                    table.add(cells(line));
                }
                continue;
            }
            flushTable(table, out);
            if (FENCE.matcher(line).matches() || RULE.matcher(line).matches()) {
                continue;
            }
            var heading = HEADING.matcher(line);
            if (heading.matches()) {
                // keep the marks: the chunker turns "#"/"##" headings into section paths
                out.add(line.strip().replaceAll("^(#+)\\s+.*$", "$1") + " " + inline(heading.group(1)));
                continue;
            }
            String text = QUOTE.matcher(line).replaceFirst("");
            text = BULLET.matcher(text).replaceFirst("$1- ");
            out.add(inline(text));
        }
        flushTable(table, out);
        return String.join("\n", out);
    }

    private static void flushTable(List<List<String>> table, List<String> out) {
        if (!table.isEmpty()) {
            out.addAll(TableRenderer.render(table.stream().map(r -> r.stream().map(MarkdownTextExtractor::inline).toList()).toList()));
            table.clear();
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        return List.of(inner.split("(?<!\\\\)\\|", -1));
    }

    static String inline(String text) {
        return text
                .replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replaceAll("`([^`]+)`", "$1")
                .replaceAll("\\*\\*(.+?)\\*\\*", "$1")
                .replaceAll("__(.+?)__", "$1")
                .replaceAll("(?<![\\p{L}\\p{N}*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\p{L}\\p{N}*])", "$1")
                .replaceAll("<[^>\\n]+>", "")
                .replace("\\|", "|");
    }
}
