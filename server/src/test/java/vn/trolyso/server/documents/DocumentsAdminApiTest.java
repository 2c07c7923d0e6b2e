package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.ingest.SampleFiles;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** Upload, replace, delete and re-index through the real server (production wiring, bundled corpus, no Ollama). */
class DocumentsAdminApiTest {
    static final String TOKEN = "admin-test-token";
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
    void uploadedPdfIsSearchableAndCitedInAnswers() {
        byte[] pdf = SampleFiles.pdf(List.of(
                List.of("TRƯỜNG TIỂU HỌC HÒA BÌNH", "KẾ HOẠCH", "Tổ chức Ngày hội Robot giáo dục năm học 2025 - 2026",
                        "I. THỜI GIAN VÀ ĐỊA ĐIỂM",
                        "Ngày hội Robot giáo dục được tổ chức vào ngày 14 tháng 3 năm 2026 tại nhà đa năng."),
                List.of("II. THÀNH PHẦN", "Mỗi lớp từ lớp 3 đến lớp 5 cử một đội gồm bốn học sinh lắp ráp robot.",
                        "Giải thưởng gồm giấy khen của Hiệu trưởng và bộ mạch vi điều khiển micro:bit.")),
                null, "Trang {page}/{pages}");

        HttpResponse<String> r = admin.uploadFile("ke-hoach-robot.pdf", pdf, null);

        assertEquals(201, r.statusCode(), r.body());
        JsonNode doc = AdminClient.json(r).get("document");
        String id = doc.get("id").asText();
        assertTrue(id.startsWith("tl-"), r.body());
        assertEquals("pdf", doc.get("format").asText());
        assertEquals(pdf.length, doc.get("sizeBytes").asLong());
        assertFalse(doc.get("replaced").asBoolean());
        assertEquals("ke-hoach-robot.pdf", doc.get("fileName").asText());
        assertTrue(doc.get("title").asText().contains("Ngày hội Robot giáo dục"), r.body());
        assertTrue(texts(doc.get("guessed")).contains("title"), r.body());
        assertFalse(doc.get("uploadedAt").asText().isBlank());
        assertTrue(List.of("queued", "running", "idle").contains(
                AdminClient.json(r).get("indexing").get("state").asText()), r.body());

        awaitSearchHit("Ngày hội Robot giáo dục tổ chức vào ngày nào", id);
        JsonNode answer = admin.chat("Ngày hội Robot giáo dục được tổ chức vào ngày nào?");
        List<String> cited = new ArrayList<>();
        answer.get("citations").forEach(c -> cited.add(c.get("documentId").asText()));
        assertEquals(id, cited.isEmpty() ? "" : cited.getFirst(), answer.toString());
        assertTrue(answer.get("answer").asText().contains("14 tháng 3 năm 2026"), answer.toString());

        JsonNode listed = listed(id);
        assertEquals("uploaded", listed.get("origin").asText());
        assertEquals("indexed", listed.get("status").asText());
        assertEquals("pdf", listed.get("format").asText());
        assertEquals(pdf.length, listed.get("sizeBytes").asLong());
        assertTrue(listed.get("chunkCount").asInt() > 0, listed.toString());
        assertEquals("official", listed.get("kind").asText());
    }

    @Test
    void uploadedDocxWithTypedMetadataIsSearchableAndAnswerable() {
        byte[] docx = SampleFiles.docx(List.of("NỘI QUY PHÒNG MÁY TIN HỌC",
                        "Học sinh để cặp sách trên giá ngoài cửa trước khi vào phòng máy Tin học.",
                        "Giáo viên trực phòng máy ghi sổ theo dõi thiết bị lúc 16 giờ 30 mỗi ngày."),
                List.of(List.of("Việc", "Người thực hiện"), List.of("Tắt nguồn máy chủ phòng máy", "Nhân viên thiết bị")),
                null, null);
        MultipartBody form = new MultipartBody()
                .field("title", "Nội quy phòng máy Tin học")
                .field("issuer", "Trường Tiểu học Hòa Bình")
                .field("date", "2/10/2025")
                .field("type", "Nội quy")
                .file("file", "noi-quy.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        docx);

        HttpResponse<String> r = admin.upload(form);

        assertEquals(201, r.statusCode(), r.body());
        JsonNode doc = AdminClient.json(r).get("document");
        assertEquals("tl-noi-quy-phong-may-tin-hoc", doc.get("id").asText());
        assertEquals("Nội quy phòng máy Tin học", doc.get("title").asText());
        assertEquals("Trường Tiểu học Hòa Bình", doc.get("issuer").asText());
        assertEquals("2/10/2025", doc.get("date").asText());
        assertEquals("Nội quy", doc.get("type").asText());
        assertEquals("docx", doc.get("format").asText());
        assertEquals(0, doc.get("guessed").size(), r.body());

        awaitSearchHit("ghi sổ theo dõi thiết bị phòng máy", "tl-noi-quy-phong-may-tin-hoc");
        JsonNode answer = admin.chat("Giáo viên trực phòng máy ghi sổ theo dõi thiết bị lúc mấy giờ?");
        assertEquals("tl-noi-quy-phong-may-tin-hoc", answer.get("citations").get(0).get("documentId").asText(),
                answer.toString());
        assertTrue(answer.get("answer").asText().contains("16 giờ 30"), answer.toString());
    }

    @Test
    void sameTitleReplacesTheOldTextAndSameContentUnderAnotherTitleIsADuplicate() {
        String title = "Lịch kiểm tra thiết bị phòng thí nghiệm";
        byte[] v1 = "Lịch kiểm tra thiết bị phòng thí nghiệm: tổ thiết bị kiểm tra vào thứ Hai hằng tuần.".getBytes(UTF_8);
        byte[] v2 = "Lịch kiểm tra thiết bị phòng thí nghiệm: tổ thiết bị kiểm tra vào thứ Sáu hằng tuần.".getBytes(UTF_8);
        HttpResponse<String> first = admin.uploadFile("lich.txt", v1, title);
        assertEquals(201, first.statusCode(), first.body());
        String id = AdminClient.json(first).get("document").get("id").asText();
        assertFalse(texts(AdminClient.json(first).get("document").get("guessed")).contains("type"), first.body());
        awaitHitText("kiểm tra thiết bị phòng thí nghiệm", id, "thứ Hai");

        HttpResponse<String> second = admin.uploadFile("lich-moi.txt", v2, title);
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(id, AdminClient.json(second).get("document").get("id").asText());
        assertTrue(AdminClient.json(second).get("document").get("replaced").asBoolean(), second.body());
        awaitHitText("kiểm tra thiết bị phòng thí nghiệm", id, "thứ Sáu");
        for (JsonNode hit : admin.search("kiểm tra thiết bị phòng thí nghiệm thứ Hai").get("hits")) {
            assertFalse(hit.get("text").asText().contains("thứ Hai"), "old text still indexed: " + hit);
        }
        assertEquals(1, admin.documentIds().stream().filter(id::equals).count());

        List<String> before = admin.documentIds();
        HttpResponse<String> duplicate = admin.uploadFile("ban-sao.txt", v2, "Một tiêu đề khác");
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals("duplicate_document", AdminClient.json(duplicate).get("error").get("code").asText());
        assertTrue(AdminClient.json(duplicate).get("error").get("message").asText().contains(title), duplicate.body());
        assertEquals(before, admin.documentIds());
    }

    @Test
    void deletedDocumentLeavesSearchAndTheListing() {
        byte[] text = "Quy định giữ xe đạp: học sinh dựng xe đạp tại nhà xe phía sau dãy phòng học số 4.".getBytes(UTF_8);
        HttpResponse<String> r = admin.uploadFile("giu-xe.txt", text, "Quy định giữ xe đạp");
        assertEquals(201, r.statusCode(), r.body());
        String id = AdminClient.json(r).get("document").get("id").asText();
        awaitSearchHit("dựng xe đạp tại nhà xe", id);

        HttpResponse<String> deleted = admin.delete(id);

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(AdminClient.json(deleted).get("deleted").asBoolean());
        AdminClient.await("the deleted document to leave search", AdminClient.INDEXING_DEADLINE,
                () -> admin.searchIds("dựng xe đạp tại nhà xe", 10), ids -> !ids.contains(id));
        AdminClient.await("the deleted document to leave the listing", AdminClient.INDEXING_DEADLINE,
                admin::documentIds, ids -> !ids.contains(id));
        HttpResponse<String> again = admin.delete(id);
        assertEquals(404, again.statusCode(), again.body());
        assertEquals("unknown_document", AdminClient.json(again).get("error").get("code").asText());
    }

    @Test
    void bundledDocumentsCannotBeDeletedAndUnknownIdsAre404() {
        JsonNode bundled = StreamSupport.stream(admin.documents().spliterator(), false)
                .filter(d -> d.get("origin").asText().equals("bundled")).findFirst().orElseThrow();
        List<String> before = admin.documentIds();

        HttpResponse<String> r = admin.delete(bundled.get("documentId").asText());

        assertEquals(409, r.statusCode(), r.body());
        assertEquals("bundled_document", AdminClient.json(r).get("error").get("code").asText());
        assertTrue(AdminClient.json(r).get("error").get("message").asText().contains("không xóa được"), r.body());
        assertEquals(before, admin.documentIds());
        HttpResponse<String> unknown = admin.delete("tl-khong-co-tai-lieu-nay");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_document", AdminClient.json(unknown).get("error").get("code").asText());
        assertEquals(404, admin.delete("..%2F..%2Fetc").statusCode());
    }

    @Test
    void reindexIsAcceptedAndTheStatusReportsTheFinishedRun() {
        long runsBefore = admin.indexing().get("completedRuns").asLong();
        HttpResponse<String> r = admin.reindex();
        assertEquals(202, r.statusCode(), r.body());
        JsonNode status = AdminClient.json(r).get("indexing");
        assertTrue(List.of("queued", "running", "idle").contains(status.get("state").asText()), r.body());

        JsonNode done = AdminClient.await("the re-index to finish", AdminClient.INDEXING_DEADLINE, admin::indexing,
                s -> s.get("state").asText().equals("idle") && s.get("completedRuns").asLong() > runsBefore);
        assertEquals("", done.get("lastError").asText(), done.toString());
        assertTrue(done.get("lastDurationMs").asLong() >= 0);
        assertTrue(done.get("documents").asInt() > 0, done.toString());
        assertTrue(done.get("total").asInt() > 0 && done.get("done").asInt() == done.get("total").asInt(),
                done.toString());
        assertFalse(done.get("finishedAt").isNull());
    }

    @Test
    void uploadOverTheDefaultLimitIs413WithAJsonBody() {
        byte[] big = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        List<String> before = admin.documentIds();
        MultipartBody form = new MultipartBody().file("file", "lon.txt", "text/plain", big);
        HttpResponse<String> r = TestServers.send(admin.request("/api/v1/documents")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());

        assertEquals(413, r.statusCode(), r.body());
        JsonNode error = AdminClient.json(r).get("error");
        assertEquals("payload_too_large", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("20 MB"), r.body());
        assertEquals(before, admin.documentIds());
    }

    @Test
    void listingKeepsItsShapeAndMarksTheBundledCorpus() {
        JsonNode docs = admin.documents();
        assertTrue(docs.size() > 0);
        for (JsonNode d : docs) {
            for (String field : List.of("documentId", "title", "issuer", "place", "date", "type", "kind", "source",
                    "chunkCount", "origin", "status")) {
                assertTrue(d.has(field), field + " missing in " + d);
            }
        }
        assertTrue(StreamSupport.stream(docs.spliterator(), false)
                .anyMatch(d -> d.get("origin").asText().equals("bundled") && !d.has("sizeBytes")));
    }

    private static void awaitSearchHit(String query, String id) {
        AdminClient.await(id + " in the results for '" + query + "'", AdminClient.INDEXING_DEADLINE,
                () -> admin.searchIds(query, 5), ids -> ids.contains(id));
    }

    private static void awaitHitText(String query, String id, String text) {
        AdminClient.await("a hit of " + id + " containing '" + text + "'", AdminClient.INDEXING_DEADLINE,
                () -> admin.search(query).get("hits"),
                hits -> StreamSupport.stream(hits.spliterator(), false).anyMatch(h ->
                        h.get("documentId").asText().equals(id) && h.get("text").asText().contains(text)));
    }

    private static JsonNode listed(String id) {
        return StreamSupport.stream(admin.documents().spliterator(), false)
                .filter(d -> d.get("documentId").asText().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
