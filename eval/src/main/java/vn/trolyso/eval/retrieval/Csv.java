package vn.trolyso.eval.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the benchmark CSV files with commons-csv (RFC 4180: quoted fields may hold commas, doubled quotes and
 * newlines), a leading byte-order mark skipped and blank lines ignored. The service's own CSV files are written by
 * {@code assistant/report/SpreadsheetCsv}.
 */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private Csv() {
    }

    /**
     * Parses the whole text into rows of fields (the header is the first row).
     *
     * @throws IllegalArgumentException when the text is not valid CSV (an unterminated quoted field, say)
     */
    public static List<List<String>> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            for (CSVRecord record : parser) {
                rows.add(List.copyOf(record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("invalid CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
