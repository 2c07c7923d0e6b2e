package vn.trolyso.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.ingest.SampleFiles;
import vn.trolyso.knowledge.materials.MaterialParser;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Document metadata through the real upload API: titles and issuers read from uploaded DOCX and PDF files as a person
 * reads them, metadata kept when a document is replaced, dates validated, and the learning-module template served.
 */
class DocumentMetadataApiTest {
    static final String TOKEN = "admin-metadata-token";
    private static final List<String> PLAN = List.of("ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN", "TRƯỜNG THCS NGÔ QUYỀN",
            "Số: 12/KH-THCS", "Lê Chân, ngày 5 tháng 9 năm 2025", "KẾ HOẠCH", "Tổ chức Ngày hội chuyển đổi số",
            "cho học sinh năm học 2025 - 2026", "Căn cứ nhiệm vụ năm học 2025 - 2026;",
            "Học sinh khối 8 trình bày sản phẩm số tại sân trường.");
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c.adminToken(TOKEN));
        admin = new AdminClient(server, TOKEN);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aDocxTitleOnTwoLinesIsOneTitleAndTheIssuerIsReadFromTheHeader() {
        JsonNode doc = upload(new MultipartBody().file("file", "ngay-hoi.docx", "application/octet-stream",
                SampleFiles.docx(PLAN, null, null, null)), 201).get("document");
        assertEquals("Kế hoạch tổ chức Ngày hội chuyển đổi số cho học sinh năm học 2025 - 2026",
                doc.get("title").asText());
        assertEquals("Trường THCS Ngô Quyền", doc.get("issuer").asText());
        assertEquals("5/9/2025", doc.get("date").asText());
        assertEquals("[\"title\",\"issuer\",\"date\",\"type\"]", doc.get("guessed").toString());
    }

    @Test
    void aPdfWithoutItsHeaderBlockGetsTitleAndIssuerFromItsOpeningSentence() {
        byte[] pdf = SampleFiles.pdf(List.of(List.of("Căn cứ Kế hoạch số 50/KH-SGDĐT của Sở Giáo dục và Đào tạo;",
                "Trường Tiểu học Hòa Bình ban hành Kế hoạch tập huấn an toàn thông tin",
                "cho giáo viên năm học 2025 - 2026, cụ thể như sau:", "I. MỤC ĐÍCH",
                "Giáo viên biết nhận diện thư lừa đảo và đặt mật khẩu mạnh.")), null, null);
        JsonNode doc = upload(new MultipartBody().file("file", "tap-huan.pdf", "application/pdf", pdf), 201)
                .get("document");
        assertEquals("Kế hoạch tập huấn an toàn thông tin cho giáo viên năm học 2025 - 2026", doc.get("title").asText());
        assertEquals("Trường Tiểu học Hòa Bình", doc.get("issuer").asText());
    }

    @Test
    void replacingUnderTheSameTitleKeepsWhatIsNotGivenAgain() {
        byte[] v1 = SampleFiles.docx(List.of("Nội quy thư viện số", "", "Giữ yên lặng khi dùng máy tính."), null, null, null);
        upload(new MultipartBody().file("file", "noi-quy.docx", "application/octet-stream", v1)
                .field("title", "Nội quy thư viện số").field("issuer", "Trường THCS Lê Lợi")
                .field("date", "2025-09-05"), 201);
        byte[] v2 = SampleFiles.docx(List.of("Nội quy thư viện số", "", "Giữ yên lặng khi dùng máy tính.", "",
                "Không ăn uống trong thư viện."), null, null, null);
        JsonNode doc = upload(new MultipartBody().file("file", "noi-quy-2.docx", "application/octet-stream", v2)
                .field("title", "Nội quy thư viện số"), 201).get("document");
        assertTrue(doc.get("replaced").asBoolean());
        assertEquals("5/9/2025", doc.get("date").asText(), "the date typed for the first version is kept");
        assertEquals("Trường THCS Lê Lợi", doc.get("issuer").asText());
        assertEquals("[\"issuer\",\"date\"]", doc.get("kept").toString());
    }

    @Test
    void aDateThatIsNoDateIsRefusedWithTheFormsThatWork() {
        byte[] docx = SampleFiles.docx(List.of("Lịch trực phòng máy", "", "Thứ Hai: thầy Nam."), null, null, null);
        HttpResponse<String> r = admin.upload(new MultipartBody().file("file", "lich.docx", "application/octet-stream",
                docx).field("title", "Lịch trực phòng máy").field("date", "hôm qua"));
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = AdminClient.json(r).get("error");
        assertEquals("invalid_date", error.get("code").asText());
        assertEquals("Ngày ban hành “hôm qua” không hợp lệ. Hãy ghi theo một trong các dạng: 5/9/2025, 2025-09-05, "
                + "tháng 9/2025 hoặc 2025.", error.get("message").asText());
        assertTrue(admin.documentIds().stream().noneMatch(id -> id.contains("lich-truc")), "nothing stored");
    }

    @Test
    void theLearningModuleTemplateIsServedAndIsAValidModule() throws Exception {
        HttpResponse<String> r = TestServers.get(server, "/admin/mau-hoc-lieu.md");
        assertEquals(200, r.statusCode());
        assertEquals("ten-hoc-lieu-cua-truong", MaterialParser.parse("mau-hoc-lieu.md", r.body()).id());
        HttpResponse<String> page = TestServers.get(server, "/admin/tai-lieu.html");
        assertTrue(page.body().contains("href=\"/admin/mau-hoc-lieu.md\" download"), "linked from 'Thêm học liệu'");
    }

    private static JsonNode upload(MultipartBody form, int status) {
        HttpResponse<String> r = admin.upload(form);
        assertEquals(status, r.statusCode(), r.body());
        return AdminClient.json(r);
    }
}
