package vn.trolyso.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.search.dense.ConceptEmbedder;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;

/** BM25 fused with an embedding retriever: meaning found without shared words, BM25 alone when the model fails. */
class KnowledgeBaseDenseSearchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private static KnowledgeBaseIndexTest.MutableSource source() {
        return new KnowledgeBaseIndexTest.MutableSource(
                "Giáo viên ứng dụng trí tuệ nhân tạo để soạn giáo án và chấm bài.",
                "Học sinh học cách bảo vệ tài khoản và an toàn số khi dùng mạng xã hội.",
                "Kinh phí tập huấn do ngân sách nhà trường chi trả theo quy định.");
    }

    private static List<String> ids(List<Passage> passages) {
        return passages.stream().map(Passage::chunkId).toList();
    }

    @Test
    void aQuestionSharingNoWordWithThePassageFindsItThroughTheEmbeddings() throws Exception {
        ConceptEmbedder embedder = new ConceptEmbedder("m");
        try (EmbeddingRetriever dense = new EmbeddingRetriever(embedder, dataDir.resolve("embeddings"));
             KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source()),
                     new KnowledgeBase.Options(Ranking.defaults(), dense))) {
            assertTrue(dense.awaitEmbedded(WAIT).complete());

            List<Passage> found = kb.search(SearchQuery.of("online safety lessons", 3));
            assertEquals("doc-1#0", found.getFirst().chunkId(), () -> ids(found).toString());
            assertTrue(found.getFirst().document().title().startsWith("Tài liệu"), "full passages, with metadata");
            // Lexical evidence still counts: a typed phrase wins where it occurs.
            assertEquals("doc-2#0", kb.search(SearchQuery.of("kinh phí tập huấn", 3)).getFirst().chunkId());
        }
        try (KnowledgeBase bm25Only = KnowledgeBase.open(dataDir, List.of(source()))) {
            assertTrue(bm25Only.search(SearchQuery.of("online safety lessons", 3)).stream()
                    .noneMatch(p -> p.chunkId().equals("doc-1#0")), "BM25 alone cannot find it");
        }
    }

    @Test
    void aRebuiltIndexIsEmbeddedAndFiltersStillApply() throws Exception {
        KnowledgeBaseIndexTest.MutableSource source = source();
        ConceptEmbedder embedder = new ConceptEmbedder("m");
        try (EmbeddingRetriever dense = new EmbeddingRetriever(embedder, null);
             KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source),
                     new KnowledgeBase.Options(Ranking.defaults(), dense))) {
            dense.awaitEmbedded(WAIT);
            source.texts.add("Câu lạc bộ artificial intelligence của trường sinh hoạt hằng tuần.");
            kb.rebuild(IndexProgress.NONE);
            assertEquals(4, dense.awaitEmbedded(WAIT).embedded());

            List<Passage> onlyDoc0 = kb.search(new SearchQuery("artificial intelligence", 5,
                    java.util.Set.of("doc-0"), java.util.Set.of()));
            assertEquals(List.of("doc-0#0"), ids(onlyDoc0), "the dense hits obey the document filter");
        }
    }

    @Test
    void searchGoesOnWithBm25WhenTheModelFails() throws Exception {
        ConceptEmbedder embedder = new ConceptEmbedder("m");
        try (EmbeddingRetriever dense = new EmbeddingRetriever(embedder, null);
             KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source()),
                     new KnowledgeBase.Options(Ranking.defaults(), dense))) {
            dense.awaitEmbedded(WAIT);
            embedder.fail = true;

            assertEquals("doc-2#0", kb.search(SearchQuery.of("kinh phí tập huấn", 3)).getFirst().chunkId());
            assertEquals("doc-2#0", kb.search(SearchQuery.of("kinh phí tập huấn", 3)).getFirst().chunkId());
            assertTrue(dense.coverage().lastError().contains("connection_refused"));
        }
    }
}
