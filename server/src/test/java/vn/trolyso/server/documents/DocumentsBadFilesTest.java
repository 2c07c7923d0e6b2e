package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.ingest.SampleFiles;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Every refused file through the API gets its stable code, a Vietnamese message and the right status, and leaves
 * the document list and the store unchanged. The upload limit is set small (256 KB) for the size cases.
 */
class DocumentsBadFilesTest {
    static final String TOKEN = "admin-test-token";
    static final int LIMIT = 256 * 1024;
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static AdminClient admin;
    static List<String> initialIds;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c.adminToken(TOKEN)
                .limits(c.limits().withMaxUploadBytes(LIMIT)));
        admin = new AdminClient(server, TOKEN);
        initialIds = admin.documentIds();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> badFiles() throws IOException {
        byte[] oversized = new byte[LIMIT + 1000]; // over the file limit, within the multipart framing margin
        Arrays.fill(oversized, (byte) 'a');
        return Stream.of(
                Arguments.of("PNG named .pdf", "ke-hoach.pdf", png(), 415, "unsupported_type"),
                Arguments.of("empty file", "trong.pdf", new byte[0], 400, "empty_document"),
                Arguments.of("corrupt PDF", "hong.pdf",
                        "%PDF-1.7\n1 0 obj << /Type /Catalog >> rác không phải PDF".getBytes(UTF_8), 400,
                        "corrupt_document"),
                Arguments.of("encrypted PDF", "mat-khau.pdf",
                        SampleFiles.encryptedPdf(List.of("Kế hoạch bí mật của nhà trường năm học 2025 - 2026.")), 400,
                        "encrypted_document"),
                Arguments.of("file over the upload limit", "lon.txt", oversized, 413, "too_large"),
                Arguments.of("zip bomb named .docx", "bom.docx", SampleFiles.zipBomb(30L * 1024 * 1024), 400,
                        "zip_bomb"),
                Arguments.of("scanned PDF without a text layer", "ban-quet.pdf", SampleFiles.scannedPdf(), 400,
                        "scanned_pdf"),
                Arguments.of("only white space", "trang.txt", " \n\t \n".getBytes(UTF_8), 400, "empty_document"));
    }

    @ParameterizedTest(name = "{0} → {3} {4}")
    @MethodSource("badFiles")
    void badFileIsRefusedWithItsCodeAndChangesNothing(String what, String fileName, byte[] content, int status,
                                                      String code) {
        HttpResponse<String> r = admin.uploadFile(fileName, content, "Tài liệu thử " + code);

        assertEquals(status, r.statusCode(), what + ": " + r.body());
        JsonNode error = AdminClient.json(r).get("error");
        assertEquals(code, error.get("code").asText(), r.body());
        assertVietnameseMessage(error.get("message").asText());
        if (code.equals("scanned_pdf")) {
            assertTrue(error.get("message").asText().contains("OCR"), r.body());
        }
        assertNothingChanged();
    }

    @Test
    void bodyFarOverTheLimitIs413PayloadTooLarge() {
        byte[] big = new byte[LIMIT * 4];
        Arrays.fill(big, (byte) 'b');
        HttpResponse<String> r = admin.uploadFile("rat-lon.txt", big, null);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("payload_too_large", AdminClient.json(r).get("error").get("code").asText());
        assertTrue(AdminClient.json(r).get("error").get("message").asText().contains("0.3 MB")
                || AdminClient.json(r).get("error").get("message").asText().contains("0,3 MB"), r.body());
        assertNothingChanged();
    }

    @Test
    void missingFilePartIs400() {
        HttpResponse<String> r = admin.upload(new MultipartBody().field("title", "Không có tệp"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("missing_file", AdminClient.json(r).get("error").get("code").asText());
        assertVietnameseMessage(AdminClient.json(r).get("error").get("message").asText());
        assertNothingChanged();
    }

    @Test
    void nonMultipartBodyIs415() {
        HttpResponse<String> json = TestServers.send(admin.request("/api/v1/documents")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"file\":\"abc\"}")).build());
        assertEquals(415, json.statusCode(), json.body());
        assertEquals("unsupported_media_type", AdminClient.json(json).get("error").get("code").asText());
        HttpResponse<String> raw = TestServers.send(admin.request("/api/v1/documents")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SampleFiles.scannedPdf())).build());
        assertEquals(415, raw.statusCode(), raw.body());
        assertNothingChanged();
    }

    @Test
    void malformedMultipartIs400() {
        HttpResponse<String> noBoundary = TestServers.send(admin.request("/api/v1/documents")
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\n")).build());
        assertEquals(400, noBoundary.statusCode(), noBoundary.body());
        assertEquals("malformed_multipart", AdminClient.json(noBoundary).get("error").get("code").asText());
        HttpResponse<String> truncated = TestServers.send(admin.request("/api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=abc")
                .POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"a.txt\"\r\n\r\nnội dung bị cắt giữa chừng")).build());
        assertEquals(400, truncated.statusCode(), truncated.body());
        assertEquals("malformed_multipart", AdminClient.json(truncated).get("error").get("code").asText());
        assertNothingChanged();
    }

    @Test
    void overlongMetadataIs400() {
        HttpResponse<String> r = admin.upload(new MultipartBody().field("title", "Tiêu đề ".repeat(100))
                .file("file", "a.txt", "text/plain", "Nội dung hợp lệ của tài liệu.".getBytes(UTF_8)));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("invalid_field", AdminClient.json(r).get("error").get("code").asText());
        assertNothingChanged();
    }

    private static void assertNothingChanged() {
        assertEquals(initialIds, admin.documentIds());
        assertEquals(List.of(), server.services().documents().store().list());
        try (Stream<Path> entries = Files.list(dataDir.resolve("documents"))) {
            assertEquals(List.of(), entries.toList(), "the store folder holds leftovers");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertVietnameseMessage(String message) {
        assertFalse(message.isBlank());
        assertTrue(message.codePoints().anyMatch(c -> c > 0x7F), "not Vietnamese: " + message);
        assertFalse(message.contains("Exception"), message);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
