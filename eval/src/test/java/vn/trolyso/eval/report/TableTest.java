package vn.trolyso.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @Test
    void alignsVietnameseTextAndRightAlignsNumbers() {
        String text = new Table("chỉ số", "giá trị")
                .row("P@1", 0.8)
                .row("độ trễ p50", 12)
                .render();
        String[] lines = text.split("\n");
        assertEquals("chỉ số      giá trị", lines[0]);
        assertEquals("----------  -------", lines[1]);
        assertEquals("P@1           0.800", lines[2]);
        assertEquals("độ trễ p50       12", lines[3]);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("x"));
    }

    @Test
    void jsonReportKeepsKeyOrder(@TempDir Path dir) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dataset", "dev");
        figures.put("n", 3);
        figures.put("p_at_1", 0.5);
        Path out = dir.resolve("sub/report.json");
        JsonReport.write(out, figures);
        JsonNode node = JsonReport.mapper().readTree(Files.readString(out));
        assertEquals("dev", node.get("dataset").asText());
        assertEquals(0.5, node.get("p_at_1").asDouble());
        assertEquals("dataset", node.fieldNames().next());
    }
}
