package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.ingest.SampleFiles;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** Files dropped into {@code <dataDir>/inbox/}: ingested after start (or on re-index); refused ones set aside. */
class InboxTest {
    static final String TOKEN = "admin-test-token";

    @Test
    void inboxFilesDroppedBeforeStartAreIndexedAndBadOnesRejectedWithTheirReason(@TempDir Path dataDir)
            throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
        Files.write(inbox.resolve("ke-hoach-boi-duong.pdf"), SampleFiles.pdf(List.of(List.of(
                "KẾ HOẠCH", "Bồi dưỡng giáo viên sử dụng bảng tương tác thông minh",
                "Tổ Tin học hướng dẫn giáo viên sử dụng bảng tương tác thông minh vào chiều thứ Tư tuần thứ hai.")),
                null, null));
        Files.write(inbox.resolve("anh-chup.docx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});

        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(TOKEN))) {
            AdminClient admin = new AdminClient(server, TOKEN);
            List<String> ids = AdminClient.await("the inbox PDF in search", AdminClient.INDEXING_DEADLINE,
                    () -> admin.searchIds("bảng tương tác thông minh", 5), found -> found.stream()
                            .anyMatch(id -> id.startsWith("tl-")));
            String id = ids.stream().filter(i -> i.startsWith("tl-")).findFirst().orElseThrow();
            assertTrue(id.contains("bang-tuong-tac-thong-minh"), id);
            assertFalse(Files.exists(inbox.resolve("ke-hoach-boi-duong.pdf")), "an ingested file stays in the inbox");

            Path rejected = inbox.resolve("rejected");
            assertTrue(Files.exists(rejected.resolve("anh-chup.docx")));
            String reason = Files.readString(rejected.resolve("anh-chup.docx.error.txt"), UTF_8);
            assertTrue(reason.startsWith("unsupported_type"), reason);
            assertTrue(reason.contains("không được hỗ trợ"), reason);
            assertFalse(Files.exists(inbox.resolve("anh-chup.docx")));

            // A file dropped while running is picked up by the re-index route.
            Files.writeString(inbox.resolve("thong-bao.txt"), "Thông báo: thư viện trường mở cửa đến 17 giờ 15 từ"
                    + " ngày 1 tháng 12.", UTF_8);
            HttpResponse<String> r = admin.reindex();
            assertEquals(202, r.statusCode(), r.body());
            JsonNode stored = AdminClient.json(r).get("inbox").get("stored");
            assertEquals(1, stored.size(), r.body());
            String second = stored.get(0).asText();
            AdminClient.await("the second inbox file in search", AdminClient.INDEXING_DEADLINE,
                    () -> admin.searchIds("thư viện mở cửa đến 17 giờ 15", 5), found -> found.contains(second));
        }
    }
}
