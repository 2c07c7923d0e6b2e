package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a table as tab-separated lines, first row the header: the form {@code PlainTextCleaner} turns into readable
 * rows that carry their column headers ("Nhiệm vụ: …; Người phụ trách: …"), as it does for the bundled corpus.
 * Used by every format that has tables (DOCX, HTML, Markdown).
 */
final class TableRenderer {
    private TableRenderer() {
    }

    static List<String> render(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = row.stream().map(TableRenderer::flatten).toList();
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                lines.add(String.join("\t", cells));
            }
        }
        return lines;
    }

    private static String flatten(String cell) {
        return cell == null ? "" : cell.replaceAll("\\s+", " ").strip();
    }
}
