package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.IndexableDocument;

class FrameworkSourceTest {
    @Test
    void indexesOnePassagePerCompetencyAndLevelPlusOverviews() {
        FrameworkSource source = FrameworkSource.bundled();
        List<IndexableDocument> docs = source.load();
        assertEquals(1, docs.size());
        IndexableDocument doc = docs.get(0);
        assertEquals("khung-nang-luc-so", doc.metadata().id());
        assertEquals(DocumentKind.FRAMEWORK, doc.metadata().kind());
        List<Chunk> chunks = doc.chunks();
        // structure, level table, levels 6–8, 6 domains, 24 competencies, 24 × 5 competency levels, Điều 2's terms,
        // the DigComp 2.2 comparison (last, so the ids before it stay)
        assertEquals(3 + 6 + 24 + 120 + 1 + 1, chunks.size());
        assertEquals("Đối chiếu DigComp 2.2", chunks.getLast().sectionPath());
        assertEquals(chunks.size(), new HashSet<>(chunks.stream().map(Chunk::id).toList()).size());
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(i, chunks.get(i).ordinal());
        }
        assertTrue(chunks.stream().anyMatch(c -> c.sectionPath().equals(
                "Miền 6. Ứng dụng trí tuệ nhân tạo › 6.2 Sử dụng trí tuệ nhân tạo › Bậc 5 (NC1)")));
        assertTrue(chunks.stream().filter(c -> c.sectionPath().endsWith("6.1 Hiểu biết về trí tuệ nhân tạo › Bậc 1 (CB1)"))
                .allMatch(c -> c.text().contains("không có mô tả")));
    }

    @Test
    void fingerprintIsStable() {
        assertEquals(FrameworkSource.bundled().fingerprint(), FrameworkSource.bundled().fingerprint());
        assertEquals(64, FrameworkSource.bundled().fingerprint().length());
    }
}
