package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a table into readable lines for the index: with a header row, every data row becomes
 * "Header 1: value; Header 2: value" so a passage keeps the meaning of its cells; without one, cells are joined
 * with " | ". Used by every format that has tables (DOCX, HTML, Markdown).
 */
final class TableRenderer {
    private TableRenderer() {
    }

    static List<String> render(List<List<String>> rawRows) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> raw : rawRows) {
            List<String> cells = raw.stream().map(TableRenderer::flatten).toList();
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
            }
        }
        List<String> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            return lines;
        }
        List<String> header = rows.getFirst();
        boolean hasHeader = rows.size() > 1 && header.size() > 1 && header.stream().noneMatch(String::isEmpty);
        if (!hasHeader) {
            rows.forEach(r -> lines.add(String.join(" | ", r.stream().filter(c -> !c.isEmpty()).toList())));
            return lines;
        }
        lines.add(String.join(" | ", header));
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                parts.add(i < header.size() ? header.get(i) + ": " + value : value);
            }
            lines.add(String.join("; ", parts));
        }
        return lines;
    }

    private static String flatten(String cell) {
        return cell == null ? "" : cell.replaceAll("\\s+", " ").strip();
    }
}
