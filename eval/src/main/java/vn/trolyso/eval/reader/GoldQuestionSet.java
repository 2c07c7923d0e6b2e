package vn.trolyso.eval.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.trolyso.eval.retrieval.ArticleQuestionSet;
import vn.trolyso.eval.retrieval.Csv;

/**
 * Questions with a gold extractive answer over a pool of articles: a CSV with {@code context}, {@code question} and
 * {@code extractive answer} columns (the 1,000-question standard subset), or the released zip of xlsx sheets with
 * the same columns (the full set). The data is read where it lies at run time and never copied into the project.
 */
public record GoldQuestionSet(String name, Map<String, String> articles, List<Item> items) {
    /**
     * One question.
     *
     * @param spans the gold answer: every span must be contained (the datasets join several spans with '#')
     */
    public record Item(String question, String articleId, List<String> spans) {
    }

    public static GoldQuestionSet load(Path file) {
        String name = file.getFileName().toString();
        List<List<String>> rows = name.toLowerCase().endsWith(".zip") ? zipRows(file) : csvRows(file);
        Map<String, String> idByKey = new LinkedHashMap<>();
        Map<String, String> articles = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        List<String> header = null;
        for (List<String> row : rows) {
            if (row.contains("context") && row.contains("question")) {
                header = row; // each sheet of the zip starts with its own header
                continue;
            }
            if (header == null) {
                continue;
            }
            String context = cell(row, header.indexOf("context"));
            String question = cell(row, header.indexOf("question"));
            String gold = cell(row, header.indexOf("extractive answer"));
            if (context.isBlank() || question.isBlank() || gold.isBlank()) {
                continue;
            }
            String id = idByKey.computeIfAbsent(ArticleQuestionSet.dedupKey(context), k -> "a" + (idByKey.size() + 1));
            articles.putIfAbsent(id, context);
            List<String> spans = Arrays.stream(gold.split("#")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            items.add(new Item(question.strip(), id, spans));
        }
        if (header == null) {
            throw new IllegalArgumentException(file + " has no context/question/extractive answer columns");
        }
        return new GoldQuestionSet(name, articles, items);
    }

    private static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() && row.get(column) != null ? row.get(column) : "";
    }

    private static List<List<String>> csvRows(Path file) {
        try {
            return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every row of every .xlsx sheet in the zip, sheets in name order (train, val, test come out as stored). */
    private static List<List<String>> zipRows(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && entry.getName().toLowerCase().endsWith(".xlsx")) {
                    rows.addAll(sheetRows(zip.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    private static List<List<String>> sheetRows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
