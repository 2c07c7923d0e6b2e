package vn.trolyso.assistant.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one writer of the CSV files the service hands out (usage report, progress report), for opening in a
 * spreadsheet: RFC 4180 quoting by commons-csv (a cell holding a comma, a quote, CR or LF is quoted, quotes doubled),
 * formulas neutralised (a cell starting with = + - @ gets a leading {@code '}, unless it is a plain number such as
 * -5, so that a question typed by anyone cannot run as a formula), and a UTF-8 byte-order mark in front of the file
 * so that Excel reads the Vietnamese text as UTF-8.
 */
public final class SpreadsheetCsv {
    /** Written before the file's text: without it Excel opens UTF-8 CSV as the local code page. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** How records end: RFC 4180's CRLF, or LF for a file whose readers already expect it. */
    public enum LineEnd {
        CRLF("\r\n"), LF("\n");

        private final String separator;

        LineEnd(String separator) {
            this.separator = separator;
        }
    }

    private final int columns;
    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;

    /** A table with this header line (written as given); every row is padded to the header's width. */
    public SpreadsheetCsv(LineEnd lineEnd, String... header) {
        this.columns = header.length;
        try {
            this.printer = new CSVPrinter(text, format(lineEnd));
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
    }

    /** Adds a row; null cells are empty, missing trailing cells are empty, more cells than the header are refused. */
    public SpreadsheetCsv row(Object... cells) {
        if (cells.length > columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        Object[] padded = Arrays.copyOf(cells, columns);
        for (int i = 0; i < columns; i++) {
            padded[i] = neutralised(padded[i] == null ? "" : padded[i].toString());
        }
        try {
            printer.printRecord(padded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The table so far, without the byte-order mark. */
    public String text() {
        return text.toString();
    }

    /** The table as a file's text: byte-order mark, header, rows. */
    public String withByteOrderMark() {
        return BYTE_ORDER_MARK + text;
    }

    /** A table's {@link #text()} as the bytes of a file to send: the byte-order mark, then UTF-8. */
    public static byte[] fileBytes(String tableText) {
        String file = tableText.startsWith(BYTE_ORDER_MARK) ? tableText : BYTE_ORDER_MARK + tableText;
        return file.getBytes(StandardCharsets.UTF_8);
    }

    /** One cell as a row writes it after the first column: neutralised, then quoted where RFC 4180 needs it. */
    public static String cell(String value) {
        StringBuilder out = new StringBuilder();
        try {
            format(LineEnd.CRLF).print(neutralised(value), out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.substring(1); // print put the delimiter in front of a cell that is not a record's first
    }

    private static CSVFormat format(LineEnd lineEnd) {
        return CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator(lineEnd.separator).get();
    }

    /** A leading = + - @ would make a spreadsheet evaluate the cell; a ' in front makes it text. */
    static String neutralised(String value) {
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
