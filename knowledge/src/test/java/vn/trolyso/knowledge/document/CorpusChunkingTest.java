package vn.trolyso.knowledge.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cleaner and chunker on the real bundled corpus. */
class CorpusChunkingTest {
    private static List<IndexableDocument> corpus;

    @BeforeAll
    static void load() {
        corpus = new BundledCorpusSource().load();
    }

    private static List<Chunk> chunks() {
        return corpus.stream().flatMap(d -> d.chunks().stream()).toList();
    }

    private static IndexableDocument doc(String id) {
        return corpus.stream().filter(d -> d.metadata().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyManifestDocumentLoadsWithItsMetadata() {
        assertEquals(5, corpus.size());
        IndexableDocument kienAn = doc("ke-hoach-binh-dan-hoc-vu-so-kien-an");
        assertEquals("Ủy ban nhân dân phường Kiến An", kienAn.metadata().issuer());
        assertEquals("Kế hoạch", kienAn.metadata().type());
        assertEquals(DocumentKind.OFFICIAL, kienAn.metadata().kind());
        assertEquals("ke-hoach-binh-dan-hoc-vu-so-kien-an.txt", kienAn.metadata().source());
        corpus.forEach(d -> assertFalse(d.metadata().title().isBlank()));
    }

    @Test
    void everyChunkHasASectionAndCitableSize() {
        for (IndexableDocument d : corpus) {
            for (int i = 0; i < d.chunks().size(); i++) {
                Chunk c = d.chunks().get(i);
                assertEquals(i, c.ordinal(), "ordinals are dense");
                assertEquals(d.metadata().id(), c.documentId());
                assertFalse(c.sectionPath().isBlank(), c.id());
                assertTrue(c.text().length() >= 20, c.id() + " too short: " + c.text());
                assertTrue(c.text().length() <= SectionChunker.MAX_CHARS + 200, c.id() + " too long");
            }
        }
    }

    @Test
    void noPageNumbersFootnoteMarkersOrBrokenLines() {
        Pattern pageNumber = Pattern.compile("(?m)^\\s*\\d{1,3}\\s*$");
        Pattern footnoteMarker = Pattern.compile("Day of AI\\d");
        for (Chunk c : chunks()) {
            assertFalse(pageNumber.matcher(c.text()).find(), c.id() + " has a page number line: " + c.text());
            assertFalse(footnoteMarker.matcher(c.text()).find(), c.id() + " has a footnote marker");
            assertFalse(c.text().contains("\t"), c.id() + " has a raw table row");
            assertFalse(c.text().contains("**"), c.id() + " has Markdown emphasis");
        }
        String doSon = String.join("\n", doc("ke-hoach-tap-huan-day-of-ai-do-son").chunks().stream()
                .map(Chunk::text).toList());
        assertTrue(doSon.contains("Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ ban hành"),
                "lines broken mid-sentence are rejoined");
        assertTrue(doSon.contains("do Viện Trí tuệ nhân tạo thuộc Viện Công nghệ Massachusetts (MIT) khởi xướng"),
                "the footnote's text is kept");
        assertFalse(doSon.contains("Nơi nhận"), "recipients block dropped");
    }

    @Test
    void sectionPathsFollowTheHeadings() {
        List<Chunk> doSon = doc("ke-hoach-tap-huan-day-of-ai-do-son").chunks();
        assertTrue(doSon.stream().anyMatch(c -> c.sectionPath().equals("III. NỘI DUNG › 3. Địa điểm")
                && c.text().contains("Hội trường UBND phường")));
        assertTrue(doSon.stream().anyMatch(c -> c.sectionPath().equals("IV. KINH PHÍ THỰC HIỆN")
                && c.text().contains("ngân sách nhà nước")));
        assertEquals(SectionChunker.PREAMBLE, doSon.get(0).sectionPath());
        List<Chunk> ngoGiaTu = doc("ke-hoach-ung-dung-ai-th-ngo-gia-tu").chunks();
        assertTrue(ngoGiaTu.stream().anyMatch(c -> c.text().contains("Thành lập Tổ công tác")
                && c.sectionPath().startsWith("IV. Tổ chức thực hiện › 4. Đơn vị nhà trường")));
    }

    @Test
    void chunksNeverMixTopLevelSections() {
        Pattern roman = Pattern.compile("(?m)^[IVX]{1,4}\\.\\s*\\p{Lu}");
        for (Chunk c : chunks()) {
            long headings = roman.matcher(c.text()).results().count();
            assertTrue(headings <= 1, c.id() + " spans two top-level sections");
            if (headings == 1) {
                assertTrue(roman.matcher(c.text()).lookingAt(), c.id() + ": a top-level heading opens its chunk");
            }
        }
    }

    @Test
    void appendixRowsCarryTheirColumnHeaders() {
        List<Chunk> appendix = doc("ke-hoach-binh-dan-hoc-vu-so-kien-an").chunks().stream()
                .filter(c -> c.sectionPath().startsWith("PHỤ LỤC")).toList();
        assertTrue(appendix.size() >= 5);
        Pattern row = Pattern.compile("(?m)^Mục \\d+\\. .*$");
        long rows = 0;
        for (Chunk c : appendix) {
            for (var m : row.matcher(c.text()).results().toList()) {
                rows++;
                String line = m.group();
                assertTrue(line.contains("Nội dung công việc: ") && line.contains("Cơ quan chủ trì: "), line);
            }
        }
        assertEquals(13, rows, "every task row of the appendix table");
        assertTrue(appendix.stream().anyMatch(c -> c.sectionPath().endsWith("› I. Truyền thông và tuyên truyền")
                && c.text().contains("Ngày hội toàn dân học tập số")));
    }
}
