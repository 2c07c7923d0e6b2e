package vn.trolyso.eval.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end on a small set written here, in process and through a real server. */
class AnswersCommandTest {
    @TempDir
    Path dir;

    @Test
    void viaHttpScoresTheSameItemsThroughTheServersChatApi() throws IOException {
        Path set = dir.resolve("set.jsonl");
        Files.writeString(set, String.join("\n",
                "{\"id\":\"t1\",\"kind\":\"fact\",\"q\":\"Ai ký kế hoạch tập huấn Day of AI ở Đồ Sơn?\","
                        + "\"any\":[\"Phạm Hoàng Tuấn\"]}",
                "{\"id\":\"t2\",\"kind\":\"multiturn\",\"turns\":[\"Ai ký kế hoạch tập huấn Day of AI ở Đồ Sơn?\","
                        + "\"Còn kế hoạch BDHVS bên P. Kiến An thì sao?\"],\"any\":[\"Trần Thị Phương\"]}",
                "{\"id\":\"t3\",\"kind\":\"refuse\",\"q\":\"Giá vàng hôm nay bao nhiêu?\",\"refuse\":true}"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.json");
        assertEquals(0, new AnswersCommand().run(List.of("--file", set.toString(), "--via-http", "--out",
                out.toString())));
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        for (String mode : List.of("extractive", "extractive_via_http")) {
            JsonNode f = report.get(mode);
            assertEquals(1.0, f.get("answer_accuracy").asDouble(), mode + " " + f);
            assertEquals(1.0, f.get("refusal_accuracy").asDouble(), mode + " " + f);
        }
    }
}
