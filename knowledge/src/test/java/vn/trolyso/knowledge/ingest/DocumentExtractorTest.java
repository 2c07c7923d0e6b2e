package vn.trolyso.knowledge.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentExtractorTest {
    private final DocumentExtractor extractor = new DocumentExtractor(IngestLimits.defaults());

    @Test
    void extractsVietnamesePdfAndDropsRunningHeadersAndFooters() {
        byte[] pdf = SampleFiles.pdf(List.of(
                List.of("ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN", "Số: 125/KH-UBND", "Kiến An, ngày 5 tháng 9 năm 2025",
                        "KẾ HOẠCH", "Triển khai Phong trào “Bình dân học vụ số” năm học 2025 - 2026",
                        "Căn cứ Kế hoạch số 5691/KH-SGDĐT của Sở Giáo dục và Đào tạo;"),
                List.of("I. MỤC ĐÍCH, YÊU CẦU", "Bồi dưỡng kỹ năng số cho 100% giáo viên và nhân viên."),
                List.of("II. NỘI DUNG", "Tổ chức tập huấn sử dụng trí tuệ nhân tạo an toàn, có trách nhiệm.")),
                "Trường Tiểu học Đoàn Lập – Kế hoạch năm học 2025-2026", "Trang {page}/{pages}");

        ExtractedDocument doc = extractor.extract(pdf);

        assertEquals(DocumentFormat.PDF, doc.format());
        assertTrue(Normalizer.isNormalized(doc.text(), Normalizer.Form.NFC));
        assertTrue(doc.text().contains("Bồi dưỡng kỹ năng số cho 100% giáo viên và nhân viên."), doc.text());
        assertTrue(doc.text().contains("Tổ chức tập huấn sử dụng trí tuệ nhân tạo an toàn, có trách nhiệm."));
        assertFalse(doc.text().contains("Đoàn Lập"), "running header kept:\n" + doc.text());
        assertFalse(doc.text().contains("Trang 2/3"), "running footer kept:\n" + doc.text());
        GuessedMetadata m = doc.guessed();
        assertEquals("Kế hoạch", m.type());
        assertEquals("Kế hoạch triển khai Phong trào “Bình dân học vụ số” năm học 2025 - 2026", m.title());
        assertEquals("Ủy ban nhân dân phường Kiến An", m.issuer());
        assertEquals("125/KH-UBND", m.number());
        assertEquals("5/9/2025", m.date());
        assertEquals("Kiến An", m.place());
    }

    @Test
    void singlePageLinesAreNotMistakenForRunningHeaders() {
        byte[] pdf = SampleFiles.pdf(List.of(List.of("Hướng dẫn sử dụng máy chiếu trong phòng Tin học",
                "Bật nguồn, chọn đầu vào HDMI, chờ 30 giây.")), null, null);
        String text = extractor.extract(pdf).text();
        assertTrue(text.contains("Hướng dẫn sử dụng máy chiếu trong phòng Tin học"), text);
        assertTrue(text.contains("chờ 30 giây."), text);
    }

    @Test
    void extractsDocxTablesAsRowsWithHeadersAndLeavesPageHeadersOut() {
        byte[] docx = SampleFiles.docx(
                List.of("TRƯỜNG TIỂU HỌC NGÔ GIA TỰ", "Số: 07/KH-THNGT", "Lâm Đồng, ngày 20 tháng 11 năm 2025",
                        "KẾ HOẠCH", "Phát triển và ứng dụng Trí tuệ nhân tạo (AI) trong lĩnh vực giáo dục",
                        "Căn cứ Thông tư số 02/2025/TT-BGDĐT của Bộ Giáo dục và Đào tạo;"),
                List.of(List.of("Nhiệm vụ", "Người phụ trách", "Thời gian"),
                        List.of("Tập huấn kỹ năng số", "Tổ Tin học", "Tháng 10/2025"),
                        List.of("Đánh giá năng lực số học sinh", "Giáo viên chủ nhiệm", "Tháng 5/2026")),
                "Trường Tiểu học Ngô Gia Tự – lưu hành nội bộ", "Trang 1");

        ExtractedDocument doc = extractor.extract(docx);

        assertEquals(DocumentFormat.DOCX, doc.format());
        assertTrue(doc.text().contains(
                "Nhiệm vụ: Tập huấn kỹ năng số; Người phụ trách: Tổ Tin học; Thời gian: Tháng 10/2025"), doc.text());
        assertTrue(doc.text().contains(
                "Nhiệm vụ: Đánh giá năng lực số học sinh; Người phụ trách: Giáo viên chủ nhiệm; Thời gian: Tháng 5/2026"));
        assertTrue(doc.text().contains("Kết thúc bảng phân công."));
        assertFalse(doc.text().contains("lưu hành nội bộ"), doc.text());
        assertEquals("Trường tiểu học Ngô Gia Tự", doc.guessed().issuer());
        assertEquals("Kế hoạch phát triển và ứng dụng Trí tuệ nhân tạo (AI) trong lĩnh vực giáo dục", doc.guessed().title());
        assertEquals("20/11/2025", doc.guessed().date());
        assertEquals("07/KH-THNGT", doc.guessed().number());
    }

    @Test
    void extractsHtmlWithoutScriptsOrNavigationAndWithTables() {
        String html = """
                <!DOCTYPE html><html><head><title>Thông báo lịch tập huấn</title><script>var x = "bỏ qua";</script></head>
                <body><nav><a href="/">Trang chủ</a></nav>
                <h1>Thông báo lịch tập huấn</h1><p>Giáo viên tham gia <b>đầy đủ</b>.<br>Mang theo máy tính.</p>
                <table><tr><th>Buổi</th><th>Nội dung</th></tr><tr><td>Sáng</td><td>Soạn giáo án với AI</td></tr></table>
                <ul><li>Đúng giờ</li><li>Tắt chuông điện thoại</li></ul></body></html>""";
        ExtractedDocument doc = extractor.extract(html.getBytes(UTF_8));
        assertEquals(DocumentFormat.HTML, doc.format());
        assertTrue(doc.text().contains("Giáo viên tham gia đầy đủ."), doc.text());
        assertTrue(doc.text().contains("Buổi: Sáng; Nội dung: Soạn giáo án với AI"), doc.text());
        assertTrue(doc.text().contains("- Tắt chuông điện thoại"), doc.text());
        assertFalse(doc.text().contains("bỏ qua"));
        assertFalse(doc.text().contains("Trang chủ"));
    }

    @Test
    void extractsMarkdownWithoutMarkup() {
        String md = """
                # Hướng dẫn đặt mật khẩu an toàn

                Mật khẩu cần **ít nhất 12 ký tự**, xem [tài liệu](https://example.vn/mk).

                | Mức | Yêu cầu |
                |-----|---------|
                | Cơ bản | Không dùng ngày sinh |
                """;
        ExtractedDocument doc = extractor.extract(md.getBytes(UTF_8));
        assertEquals(DocumentFormat.MARKDOWN, doc.format());
        assertTrue(doc.text().startsWith("# Hướng dẫn đặt mật khẩu an toàn\n"), doc.text());
        assertTrue(doc.text().contains("Mật khẩu cần ít nhất 12 ký tự, xem tài liệu."), doc.text());
        assertTrue(doc.text().contains("Mức: Cơ bản; Yêu cầu: Không dùng ngày sinh"), doc.text());
    }

    @Test
    void plainTextComesOutNfc() {
        String nfd = Normalizer.normalize("Hướng dẫn sử dụng thư điện tử công vụ", Normalizer.Form.NFD);
        ExtractedDocument doc = extractor.extract(nfd.getBytes(UTF_8));
        assertEquals(DocumentFormat.TEXT, doc.format());
        assertEquals("Hướng dẫn sử dụng thư điện tử công vụ", doc.text());
    }

    @Test
    void detectsTheTypeByContentNotName() {
        byte[] docx = SampleFiles.docx(List.of("Nội dung"), null, null, null);
        assertEquals(DocumentFormat.DOCX, extractor.detect(docx));
        assertEquals(DocumentFormat.PDF, extractor.detect(SampleFiles.pdf(List.of(List.of("Nội dung")), null, null)));
    }

    @Test
    void rejectsEveryBadFileWithAStableCodeAndAVietnameseMessage() {
        assertRejected("unsupported_type", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertRejected("unsupported_type", new byte[] {1, 2, 3, 0, 5, 6, 7, 8});
        assertRejected("unsupported_type", zipWithoutWordDocument());
        assertRejected("empty_document", new byte[0]);
        assertRejected("empty_document", "  \n\t \n".getBytes(UTF_8));
        // "Kế hoạch" in TCVN3 (ABC), the legacy Vietnamese encoding still found in old school files
        assertRejected("invalid_encoding", new byte[] {'K', (byte) 0xD5, ' ', 'h', 'o', (byte) 0xB9, 'c', 'h'});
        assertRejected("encrypted_document", SampleFiles.encryptedPdf(List.of("Tài liệu mật")));
        assertRejected("corrupt_document", "%PDF-1.7\n1 0 obj << /Type /Catalog >> rác không phải PDF".getBytes(UTF_8));
        assertRejected("scanned_pdf", SampleFiles.scannedPdf());
        assertRejected("zip_bomb", SampleFiles.zipBomb(30L * 1024 * 1024));
        IngestException tooLarge = assertThrows(IngestException.class, () ->
                new DocumentExtractor(IngestLimits.defaults().withMaxFileBytes(1024)).extract(new byte[2048]));
        assertEquals("too_large", tooLarge.code());
        assertTrue(tooLarge.getMessage().contains("Tệp quá lớn"));
    }

    @Test
    void scannedPdfMessageSaysOcrIsNotSupported() {
        IngestException e = assertThrows(IngestException.class, () -> extractor.extract(SampleFiles.scannedPdf()));
        assertTrue(e.getMessage().contains("không hỗ trợ OCR"), e.getMessage());
    }

    private void assertRejected(String code, byte[] content) {
        IngestException e = assertThrows(IngestException.class, () -> extractor.extract(content), code);
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    private static byte[] zipWithoutWordDocument() {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
