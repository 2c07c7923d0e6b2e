package vn.trolyso.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.eval.qa.QaItem;

class RankMetricsTest {
    @Test
    void computesTheStandardMetrics() {
        RankMetrics m = new RankMetrics();
        m.add(List.of(true, false, false), 1);                 // rank 1
        m.add(List.of(false, false, true, false), 1);          // rank 3
        m.add(List.of(false, false, false, false, false, false), 1); // miss
        assertEquals(3, m.n());
        assertEquals(1 / 3.0, m.precisionAt1(), 1e-9);
        assertEquals(2 / 3.0, m.hitAt5(), 1e-9);
        assertEquals((1 + 1 / 3.0) / 3, m.mrrAt10(), 1e-9);
        assertEquals((1 + 1 / (Math.log(4) / Math.log(2))) / 3, m.ndcgAt10(), 1e-9);
    }

    @Test
    void ndcgUsesTheNumberOfRelevantPassages() {
        RankMetrics m = new RankMetrics();
        m.add(List.of(true, false), 2);
        assertEquals(1 / (1 + 1 / (Math.log(3) / Math.log(2))), m.ndcgAt10(), 1e-9);
    }

    @Test
    void devHitNeedsTheDocumentAndAPassageString() {
        QaItem item = new QaItem("x", "fact", "q", null, null, "ke-hoach.txt", List.of("Tổ công tác"), false,
                null, null);
        assertTrue(RetrievalCommand.isHit(item, "ke-hoach", "a) Thành lập TỔ CÔNG TÁC triển khai"));
        assertFalse(RetrievalCommand.isHit(item, "other", "Tổ công tác"));
        assertFalse(RetrievalCommand.isHit(item, "ke-hoach", "Tổ chuyên môn"));
    }
}
