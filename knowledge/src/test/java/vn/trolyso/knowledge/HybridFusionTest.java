package vn.trolyso.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.DenseRetriever;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/** Reciprocal rank fusion of BM25 and a dense ranking given here, so the fused order can be worked out by hand. */
class HybridFusionTest {
    @TempDir
    Path dataDir;

    private static KnowledgeBaseIndexTest.MutableSource source() {
        return new KnowledgeBaseIndexTest.MutableSource(
                "Học phí học kỳ một được nộp trước ngày mười lăm.",
                "Học phí học kỳ hai được nộp trước ngày mười.",
                "Thư viện mở cửa từ bảy giờ sáng đến chín giờ tối.");
    }

    private static List<String> ids(List<Passage> passages) {
        return passages.stream().map(Passage::chunkId).toList();
    }

    @Test
    void fusedScoresAreTheSumOfReciprocalRanksAndUnknownIdsDropOut() {
        // BM25 ranks doc-0 and doc-1 (both about "học phí"); the dense ranking puts doc-2 first, then an id no
        // longer indexed, then doc-1.
        DenseRetriever dense = (query, limit) -> List.of("doc-2#0", "gone#0", "doc-1#0");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source()),
                new KnowledgeBase.Options(Ranking.defaults(), dense))) {
            try (KnowledgeBase bm25 = KnowledgeBase.open(dataDir.resolve("bm25"), List.of(source()))) {
                assertEquals(List.of("doc-0#0", "doc-1#0"), ids(bm25.search(SearchQuery.of("học phí học kỳ một", 5))));
            }
            List<Passage> fused = kb.search(SearchQuery.of("học phí học kỳ một", 5));
            // doc-1: 1/62 (BM25 rank 2) + 1/62 (dense rank 2 once the unknown id drops out); doc-0: 1/61; doc-2: 1/61.
            assertEquals(List.of("doc-1#0", "doc-0#0", "doc-2#0"), ids(fused));
            assertEquals(2.0 / 62, fused.getFirst().score(), 1e-6);
        }
    }

    @Test
    void theFiltersApplyToTheDenseHitsInsideTheQuery() {
        DenseRetriever dense = (query, limit) -> List.of("doc-2#0", "doc-1#0", "doc-0#0");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source()),
                new KnowledgeBase.Options(Ranking.defaults(), dense))) {
            assertEquals(List.of("doc-2#0"), ids(kb.search(new SearchQuery("thư viện", 5, Set.of("doc-2"), Set.of()))));
            assertEquals(List.of(), ids(kb.search(new SearchQuery("học phí", 5, Set.of(),
                    Set.of(DocumentKind.FRAMEWORK)))), "every passage here is OFFICIAL");
        }
    }
}
