package vn.trolyso.knowledge.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.IndexableDocument;

class UploadedDocumentStoreTest {
    /** One chunk per blank-line separated paragraph: enough to see what the store hands to the index. */
    static final TextChunker PARAGRAPHS = (metadata, text) -> {
        List<Chunk> chunks = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                chunks.add(new Chunk(metadata.id(), chunks.size(), metadata.title(), p.strip()));
            }
        }
        return chunks;
    };

    @TempDir
    Path dataDir;

    private UploadedDocumentStore store() {
        return new UploadedDocumentStore(dataDir, new DocumentExtractor(IngestLimits.defaults()), PARAGRAPHS);
    }

    @Test
    void replacingADocumentKeepsTheMetadataNotGivenAgain() {
        UploadedDocumentStore store = store();
        byte[] first = SampleFiles.docx(List.of("Lịch tập huấn kỹ năng số", "", "Buổi 1: soạn bài giảng điện tử."),
                null, null, null);
        store.add(new UploadRequest(first, "lich.docx", "Lịch tập huấn kỹ năng số", "Trường THCS Lê Lợi",
                "tháng 9/2025", "Thông báo"));
        byte[] second = SampleFiles.docx(List.of("Lịch tập huấn kỹ năng số", "", "Buổi 1: soạn bài giảng điện tử.",
                "", "Buổi 2: an toàn trên mạng."), null, null, null);

        UploadedDocumentStore.Added again = store.add(new UploadRequest(second, "lich-moi.docx",
                "Lịch tập huấn kỹ năng số", "", "", ""));

        assertTrue(again.replaced());
        assertEquals("Trường THCS Lê Lợi", again.document().metadata().issuer());
        assertEquals("tháng 9/2025", again.document().metadata().date());
        assertEquals("Thông báo", again.document().metadata().type());
        assertEquals(List.of("issuer", "date", "type"), again.kept());
        assertEquals("lich-moi.docx", again.document().metadata().source());
        // what is given again wins
        UploadedDocumentStore.Added third = store.add(new UploadRequest(first, "lich.docx",
                "Lịch tập huấn kỹ năng số", "", "2025-10-02", ""));
        assertEquals("2/10/2025", third.document().metadata().date());
        assertEquals("Trường THCS Lê Lợi", third.document().metadata().issuer());
    }

    @Test
    void aDateThatIsNoDateIsRefusedAndNothingIsStored() {
        UploadedDocumentStore store = store();
        byte[] docx = SampleFiles.docx(List.of("Lịch tập huấn kỹ năng số", "", "Buổi 1."), null, null, null);
        IngestException e = assertThrows(IngestException.class, () -> store.add(new UploadRequest(docx, "lich.docx",
                "Lịch tập huấn", "", "hôm qua", "")));
        assertEquals("invalid_date", e.code());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void storesOriginalTextAndGuessedMetadataAndServesThemAsOfficialDocuments() throws IOException {
        UploadedDocumentStore store = store();
        byte[] docx = SampleFiles.docx(List.of("TRƯỜNG THCS LÊ LỢI", "Số: 15/KH-THCS", "Hà Nội, ngày 2 tháng 10 năm 2025",
                "KẾ HOẠCH", "Tổ chức Ngày hội STEM năm học 2025 - 2026", "", "Căn cứ nhiệm vụ năm học;",
                "", "Học sinh khối 8 trình bày sản phẩm robot tại sân trường."), null, null, null);

        UploadedDocumentStore.Added added = store.add(UploadRequest.of(docx, "ngay-hoi-stem.docx"));

        StoredDocument doc = added.document();
        assertFalse(added.replaced());
        assertEquals("tl-ke-hoach-to-chuc-ngay-hoi-stem-nam-hoc-2025-2026", doc.id());
        assertEquals("Kế hoạch tổ chức Ngày hội STEM năm học 2025 - 2026", doc.metadata().title());
        assertEquals("Trường THCS Lê Lợi", doc.metadata().issuer());
        assertEquals("2/10/2025", doc.metadata().date());
        assertEquals("Kế hoạch", doc.metadata().type());
        assertEquals("ngay-hoi-stem.docx", doc.metadata().source());
        assertEquals(DocumentKind.OFFICIAL, doc.metadata().kind());
        assertTrue(Files.isRegularFile(dataDir.resolve("documents").resolve(doc.id()).resolve("original.docx")));
        assertTrue(java.util.Arrays.equals(docx, Files.readAllBytes(store.original(doc.id()).orElseThrow())));

        List<IndexableDocument> loaded = store.load();
        assertEquals(1, loaded.size());
        assertTrue(loaded.getFirst().chunks().stream().anyMatch(c -> c.text().contains("sản phẩm robot")));
        // a new store over the same folder sees the same documents (they live on disk)
        assertEquals(List.of(doc), store().list());
    }

    @Test
    void givenMetadataWinsOverGuesses() {
        StoredDocument doc = store().add(new UploadRequest("Nội quy phòng máy: không ăn uống.".getBytes(UTF_8),
                "noi-quy.txt", "Nội quy phòng Tin học", "Trường Tiểu học Đoàn Lập", "1/9/2025", "Quy định")).document();
        assertEquals("Nội quy phòng Tin học", doc.metadata().title());
        assertEquals("Trường Tiểu học Đoàn Lập", doc.metadata().issuer());
        assertEquals("1/9/2025", doc.metadata().date());
        assertEquals("Quy định", doc.metadata().type());
    }

    @Test
    void reuploadWithTheSameTitleReplacesAndSameContentUnderAnotherTitleIsADuplicate() {
        UploadedDocumentStore store = store();
        store.add(new UploadRequest("Lịch trực phòng máy: thứ Hai.".getBytes(UTF_8), "a.txt", "Lịch trực", "", "", ""));
        UploadedDocumentStore.Added second = store.add(new UploadRequest("Lịch trực phòng máy: thứ Ba.".getBytes(UTF_8),
                "b.txt", "Lịch trực", "", "", ""));
        assertTrue(second.replaced());
        assertEquals(1, store.list().size());
        assertTrue(store.load().getFirst().chunks().getFirst().text().contains("thứ Ba"));

        IngestException duplicate = assertThrows(IngestException.class, () -> store.add(new UploadRequest(
                "Lịch trực phòng máy: thứ Ba.".getBytes(UTF_8), "c.txt", "Lịch trực mới", "", "", "")));
        assertEquals("duplicate_document", duplicate.code());
        assertTrue(duplicate.getMessage().contains("Lịch trực"));
        assertEquals(1, store.list().size());
    }

    @Test
    void aGuessedTitleNeverReplacesAnotherFilesDocument() {
        UploadedDocumentStore store = store();
        String first = store.add(UploadRequest.of("Điều 2. Mục đích\nQuy chế thi bảo đảm công bằng.".getBytes(UTF_8),
                "quy-che-thi.txt")).document().id();
        UploadedDocumentStore.Added second = store.add(UploadRequest.of(
                "Điều 2. Mục đích\nQuy chế học vụ giúp sinh viên lập kế hoạch học tập.".getBytes(UTF_8),
                "quy-che-hoc-vu.txt"));
        assertFalse(second.replaced());
        assertNotEquals(first, second.document().id());
        assertTrue(second.document().id().endsWith("quy-che-hoc-vu"), second.document().id());
        assertEquals(2, store.list().size());
        // The same file dropped again replaces its own earlier version.
        assertTrue(store.add(UploadRequest.of("Điều 2. Mục đích\nQuy chế thi bảo đảm khách quan.".getBytes(UTF_8),
                "quy-che-thi.txt")).replaced());
        assertEquals(2, store.list().size());
    }

    @Test
    void aRefusedFileChangesNothing() throws IOException {
        UploadedDocumentStore store = store();
        store.add(UploadRequest.of("Hướng dẫn đăng nhập hệ thống.".getBytes(UTF_8), "hd.txt"));
        String before = store.fingerprint();
        assertThrows(IngestException.class, () -> store.add(UploadRequest.of(SampleFiles.scannedPdf(), "scan.pdf")));
        assertEquals(before, store.fingerprint());
        try (var entries = Files.list(store.root())) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void deleteRemovesTheDocumentAndChangesTheFingerprint() {
        UploadedDocumentStore store = store();
        String id = store.add(UploadRequest.of("Quy trình báo hỏng máy tính.".getBytes(UTF_8), "qt.txt")).document().id();
        String before = store.fingerprint();
        assertTrue(store.delete(id));
        assertFalse(store.delete(id));
        assertFalse(store.delete("../../etc"));
        assertTrue(store.list().isEmpty());
        assertNotEquals(before, store.fingerprint());
    }

    @Test
    void recoversFromACrashInTheMiddleOfAWrite() throws IOException {
        UploadedDocumentStore store = store();
        String id = store.add(UploadRequest.of("Kế hoạch kiểm tra thiết bị.".getBytes(UTF_8), "kh.txt")).document().id();
        Path root = store.root();
        // a crash while replacing: the old version was moved aside, the new one never moved in
        Files.move(root.resolve(id), root.resolve(".trash-" + id + ".0b7f"));
        // a crash while writing a new upload: a half-written temporary folder
        Files.createDirectories(root.resolve(".tmp-1234"));
        Files.writeString(root.resolve(".tmp-1234").resolve("text.txt"), "nửa chừng");

        UploadedDocumentStore reopened = store();

        assertEquals(List.of(id), reopened.list().stream().map(StoredDocument::id).toList());
        try (var entries = Files.list(root)) {
            assertEquals(List.of(id), entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void inboxFilesAreIngestedAndBadOnesRejectedWithTheReason() throws IOException {
        UploadedDocumentStore store = store();
        InboxScanner scanner = new InboxScanner(dataDir, store);
        Files.createDirectories(scanner.inbox());
        Files.writeString(scanner.inbox().resolve("thong-bao.md"), "# Thông báo nghỉ lễ\n\nHọc sinh nghỉ ngày 2/9.");
        Files.write(scanner.inbox().resolve("scan.pdf"), SampleFiles.scannedPdf());

        InboxScanner.Result result = scanner.scan();

        assertEquals(List.of("tl-thong-bao-nghi-le"), result.stored());
        assertEquals(List.of("scan.pdf"), result.rejected());
        assertFalse(Files.exists(scanner.inbox().resolve("thong-bao.md")));
        assertTrue(Files.exists(scanner.inbox().resolve("rejected/scan.pdf")));
        String error = Files.readString(scanner.inbox().resolve("rejected/scan.pdf.error.txt"));
        assertTrue(error.startsWith("scanned_pdf") && error.contains("OCR"), error);
        assertEquals(1, store.list().size());
        assertFalse(scanner.scan().changed());
    }
}
