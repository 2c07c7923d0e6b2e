package vn.trolyso.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guesser on every document of the bundled corpus against the title and issuer its manifest gives (read from the
 * documents by a person). The extraction lost most header blocks, so titles and issuers also come from the heading
 * lines and from the opening sentence ("Ủy ban nhân dân phường Đồ Sơn xây dựng Kế hoạch …").
 */
class MetadataGuesserCorpusTest {
    /** Its header block is not in the extracted text and no sentence names it: nothing to read, so nothing guessed. */
    private static final List<String> NO_ISSUER_IN_TEXT = List.of("cong-van-giao-duc-thong-minh-phu-nhuan.txt");

    @Test
    void titlesAndIssuersAreTheOnesAPersonReadsInTheBundledCorpus() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(resource("manifest.json"));
        int checked = 0;
        for (JsonNode doc : manifest.get("documents")) {
            String file = doc.get("file").asText();
            GuessedMetadata m = MetadataGuesser.guess(resource(file));
            assertEquals(doc.get("title").asText(), m.title(), file);
            assertEquals(doc.get("type").asText(), m.type(), file);
            assertEquals(NO_ISSUER_IN_TEXT.contains(file) ? "" : doc.get("issuer").asText(), m.issuer(), file);
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void aTitleIsReadAsAPersonReadsIt() {
        assertEquals("Phong trào “Bình dân học vụ số” với chủ đề “Cùng em vững bước”",
                MetadataGuesser.readable("Phong trào ‘ Bình dân học vụ số” với chủ đề “ Cùng em   vững bước ”"));
        assertEquals("Day of AI cho các trường Tiểu học & THCS lớp 5",
                MetadataGuesser.readable("Day of AI1 cho các trường Tiểu học &THCS lớp 5"));
    }

    @Test
    void aBodyLineIsNeverTakenForATitle() {
        GuessedMetadata m = MetadataGuesser.guess("Căn cứ Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính\n"
                + "phủ ban hành chiến lược quốc gia về cách mạng công nghiệp lần thứ IV\n");
        assertEquals("", m.title());
    }

    @Test
    void aTwoLineHeadingBecomesOneTitleAndTheIssuerComesFromTheHeaderBlock() {
        GuessedMetadata m = MetadataGuesser.guess("""
                ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN
                TRƯỜNG THCS NGÔ QUYỀN
                Số: 12/KH-THCS
                Lê Chân, ngày 5 tháng 9 năm 2025
                KẾ HOẠCH
                Tổ chức Ngày hội chuyển đổi số
                cho học sinh năm học 2025 - 2026
                Căn cứ nhiệm vụ năm học 2025 - 2026;
                """);
        assertEquals("Kế hoạch tổ chức Ngày hội chuyển đổi số cho học sinh năm học 2025 - 2026", m.title());
        assertEquals("Trường THCS Ngô Quyền", m.issuer());
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = MetadataGuesserCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
