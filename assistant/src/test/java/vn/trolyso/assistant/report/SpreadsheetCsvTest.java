package vn.trolyso.assistant.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {
    @Test
    void quotesCommasQuotesAndLineBreaksAndPadsRows() {
        String text = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.CRLF, "a", "b", "c")
                .row("x", "hai\ndòng", "nói \"có\", rồi")
                .row("y", null)
                .text();
        assertEquals("a,b,c\r\nx,\"hai\ndòng\",\"nói \"\"có\"\", rồi\"\r\ny,,\r\n", text);
    }

    @Test
    void neutralisesFormulasButNotNumbers() {
        String text = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.LF, "k", "v")
                .row("f", "=1+1").row("g", "@SUM(A1)").row("h", "-5").row("i", "+84 912").row("j", "-2.5").text();
        assertEquals("k,v\nf,'=1+1\ng,'@SUM(A1)\nh,-5\ni,'+84 912\nj,-2.5\n", text);
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", SpreadsheetCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'-1,2\"", SpreadsheetCsv.cell("-1,2"));
        assertEquals("", SpreadsheetCsv.cell(""));
    }

    @Test
    void fileStartsWithOneByteOrderMark() {
        SpreadsheetCsv csv = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.CRLF, "cột").row("giá trị");
        assertEquals("\uFEFFcột\r\ngiá trị\r\n", csv.withByteOrderMark());
        byte[] expected = "\uFEFFcột\r\ngiá trị\r\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, SpreadsheetCsv.fileBytes(csv.text()));
        assertArrayEquals(expected, SpreadsheetCsv.fileBytes(csv.withByteOrderMark()));
    }

    @Test
    void refusesMoreCellsThanColumns() {
        SpreadsheetCsv csv = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.LF, "one");
        assertThrows(IllegalArgumentException.class, () -> csv.row("a", "b"));
    }
}
