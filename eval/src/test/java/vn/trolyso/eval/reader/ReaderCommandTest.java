package vn.trolyso.eval.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end on a small set written here (the external benchmark is never part of the tests). */
class ReaderCommandTest {
    @TempDir
    Path dir;

    @Test
    void measuresTheReaderAndTheBaselineOverArticlesIngestedThroughTheInbox() throws IOException {
        Path csv = dir.resolve("set.csv");
        String a1 = "Điều 5. Thời gian học tập\\nSinh viên hoàn thành chương trình trong tối đa 8 học kỳ chính."
                .replace("\\n", "\n");
        String a2 = "Điều 9. Đăng ký học phần\\nMỗi học kỳ sinh viên đăng ký tối thiểu 14 tín chỉ.".replace("\\n", "\n");
        Files.writeString(csv, "context,question,extractive answer\n"
                + "\"" + a1 + "\",Thời gian tối đa hoàn thành chương trình là bao lâu?,tối đa 8 học kỳ chính\n"
                + "\"" + a2 + "\",Mỗi học kỳ sinh viên phải đăng ký tối thiểu bao nhiêu tín chỉ?,14 tín chỉ\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.json");
        int exit = new ReaderCommand().run(List.of("--file", csv.toString(), "--out", out.toString()));
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertEquals(2, report.get("n").asInt());
        assertEquals(1.0, report.get("reader").get("gold_contained").asDouble(), report.toString());
        assertEquals(0.0, report.get("reader").get("refused").asDouble(), report.toString());
        assertTrue(report.get("naive").has("gold_contained"));
        // Both readers find both answers here, so the reader does not beat the baseline: the command says so.
        assertEquals(report.get("targets_met").asBoolean() ? 0 : 1, exit);
        // one question picked by its text, answered over the same articles
        new ReaderCommand().run(List.of("--file", csv.toString(), "--questions-with", "tín chỉ", "--out",
                out.toString()));
        JsonNode one = new ObjectMapper().readTree(out.toFile());
        assertEquals(1, one.get("n").asInt(), one.toString());
        assertEquals(1.0, one.get("reader").get("gold_contained").asDouble(), one.toString());
    }

    @Test
    void viaHttpAsksARealServerThatIngestedTheArticlesThroughItsInbox() throws IOException {
        Path csv = dir.resolve("set.csv");
        String article = "Điều 9. Đăng ký học phần\nMỗi học kỳ sinh viên đăng ký tối thiểu 14 tín chỉ.".replace("\\n", "\n");
        Files.writeString(csv, "context,question,extractive answer\n"
                + "\"" + article + "\",Mỗi học kỳ sinh viên phải đăng ký tối thiểu bao nhiêu tín chỉ?,14 tín chỉ\n"
                + "\"" + article + "\",Giá vàng hôm nay bao nhiêu?,14 tín chỉ\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.json");
        new ReaderCommand().run(List.of("--file", csv.toString(), "--via-http", "--out", out.toString()));
        JsonNode http = new ObjectMapper().readTree(out.toFile()).get("via_http");
        // the article's question is answered from it through the API; the off-topic one is refused by the server
        assertEquals(0.5, http.get("gold_contained").asDouble(), http.toString());
        assertEquals(0.5, http.get("refused").asDouble(), http.toString());
    }

    @Test
    void anAbsentFileIsSkippedNotFailed() {
        assertEquals(0, new ReaderCommand().run(List.of("--file", dir.resolve("none.csv").toString())));
    }
}
