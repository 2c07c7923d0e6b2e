package vn.trolyso.eval.report;

import java.io.PrintStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for the console: a header row, aligned columns (numbers right-aligned), a rule under the
 * header. Widths count code points of NFC text, so Vietnamese letters with diacritics align.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] numeric;

    public Table(String... header) {
        this.header = List.of(header);
        this.numeric = new boolean[header.length];
        Arrays.fill(numeric, true);
    }

    /** Adds a row; numbers are formatted with {@link #format(Object)}. */
    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(format(cells[i]));
            if (!(cells[i] instanceof Number)) {
                numeric[i] = false;
            }
        }
        rows.add(row);
        return this;
    }

    /** Formats a cell: doubles with 3 decimals, other values as text, null as "–". */
    public static String format(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return String.format(Locale.ROOT, "%.3f", ((Number) cell).doubleValue());
        }
        return Normalizer.normalize(cell.toString(), Normalizer.Form.NFC).replace('\n', ' ');
    }

    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(header.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, widths, false);
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        sb.append('\n');
        for (List<String> row : rows) {
            appendRow(sb, row, widths, true);
        }
        return sb.toString();
    }

    private void appendRow(StringBuilder sb, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - width(cell));
            line.append(i == 0 ? "" : "  ");
            line.append(alignNumbers && numeric[i] && !rows.isEmpty() ? pad + cell : cell + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
