package vn.trolyso.knowledge.search.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingRetrieverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, String> PASSAGES = Map.of(
            "kh#0", "Ứng dụng trí tuệ nhân tạo trong dạy học các môn",
            "kh#1", "Học sinh lớp 7 thực hành an toàn số khi dùng mạng xã hội",
            "kh#2", "Kinh phí tập huấn giáo viên do nhà trường chi trả");

    @TempDir
    Path cacheDir;

    @Test
    void ranksPassagesByMeaningNotSharedWords() throws Exception {
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(new ConceptEmbedder("m"), null)) {
            retriever.passagesChanged(PASSAGES);
            assertTrue(retriever.awaitEmbedded(WAIT).complete());

            assertEquals("kh#0", retriever.retrieve("artificial intelligence in class", 3).getFirst());
            assertEquals("kh#1", retriever.retrieve("online safety", 3).getFirst());
            assertEquals(2, retriever.retrieve("online safety", 2).size());
        }
    }

    @Test
    void embedsEachPassageOnceAcrossRestartsAndForgetsRemovedOnes() throws Exception {
        ConceptEmbedder first = new ConceptEmbedder("bge-m3:latest");
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(first, cacheDir)) {
            retriever.passagesChanged(PASSAGES);
            retriever.awaitEmbedded(WAIT);
        }
        assertEquals(3, first.textsEmbedded.get());

        ConceptEmbedder second = new ConceptEmbedder("bge-m3:latest");
        Map<String, String> changed = new LinkedHashMap<>(PASSAGES);
        changed.remove("kh#0");
        changed.put("kh#3", "Trí tuệ nhân tạo hỗ trợ giáo viên soạn bài");
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(second, cacheDir)) {
            retriever.passagesChanged(changed);
            EmbeddingRetriever.Coverage c = retriever.awaitEmbedded(WAIT);

            assertEquals(1, second.textsEmbedded.get(), "only the new passage is embedded");
            assertEquals(3, c.embedded());
            List<String> found = retriever.retrieve("artificial intelligence", 3);
            assertEquals("kh#3", found.getFirst());
            assertFalse(found.contains("kh#0"), "a removed passage is never returned");
        }
    }

    @Test
    void anotherModelDoesNotReuseTheVectors() throws Exception {
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(new ConceptEmbedder("model-a"), cacheDir)) {
            retriever.passagesChanged(PASSAGES);
            retriever.awaitEmbedded(WAIT);
        }
        ConceptEmbedder other = new ConceptEmbedder("model-b");
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(other, cacheDir)) {
            retriever.passagesChanged(PASSAGES);
            retriever.awaitEmbedded(WAIT);
        }
        assertEquals(3, other.textsEmbedded.get());
    }

    @Test
    void aCorruptCacheFileMeansStartingAfresh() throws Exception {
        Files.createDirectories(cacheDir);
        Files.writeString(EmbeddingCache.fileFor(cacheDir, "m"), "not a cache");
        ConceptEmbedder embedder = new ConceptEmbedder("m");
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(embedder, cacheDir)) {
            retriever.passagesChanged(PASSAGES);
            assertTrue(retriever.awaitEmbedded(WAIT).complete());
            assertEquals(3, embedder.textsEmbedded.get());
            assertEquals("kh#2", retriever.retrieve("kinh phí tập huấn", 1).getFirst());
        }
        assertTrue(Files.size(EmbeddingCache.fileFor(cacheDir, "m")) > 3 * 256 * 4, "rewritten with the vectors");
    }

    @Test
    void anUnreachableModelIsNotCalledPerSearchAndIsRetriedLater() throws Exception {
        AtomicLong now = new AtomicLong();
        ConceptEmbedder embedder = new ConceptEmbedder("m");
        embedder.fail = true;
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(embedder, null, now::get)) {
            retriever.passagesChanged(PASSAGES);
            EmbeddingRetriever.Coverage down = retriever.awaitEmbedded(WAIT);
            assertEquals(0, down.embedded());
            assertTrue(down.lastError().contains("connection_refused"), down.lastError());
            int callsWhileDown = embedder.calls.get();

            assertEquals(List.of(), retriever.retrieve("an toàn số", 3));
            assertEquals(callsWhileDown, embedder.calls.get(), "no call per search while the model is down");

            embedder.fail = false;
            now.addAndGet(EmbeddingRetriever.RETRY_AFTER.toNanos());
            assertEquals(List.of(), retriever.retrieve("an toàn số", 3), "this search only schedules the retry");
            EmbeddingRetriever.Coverage up = retriever.awaitEmbedded(WAIT);

            assertTrue(up.complete());
            assertEquals("", up.lastError());
            assertEquals("kh#1", retriever.retrieve("online safety", 3).getFirst());
        }
    }

    @Test
    void normalisesVectorsSoLengthDoesNotCount() {
        float[] v = EmbeddingRetriever.normalised(new float[] {3, 4});
        assertEquals(0.6f, v[0], 1e-6);
        assertEquals(0.8f, v[1], 1e-6);
        assertEquals(0f, EmbeddingRetriever.normalised(new float[] {0, 0})[0]);
    }
}
