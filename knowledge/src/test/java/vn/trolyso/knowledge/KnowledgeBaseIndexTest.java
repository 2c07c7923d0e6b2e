package vn.trolyso.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.search.SearchQuery;

/** Index lifecycle: built once, reused, rebuilt on change or corruption, switched atomically. */
class KnowledgeBaseIndexTest {
    @TempDir
    Path dataDir;

    /** A source whose content the test changes. */
    static final class MutableSource implements DocumentSource {
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger loads = new AtomicInteger();
        volatile boolean fail;

        MutableSource(String... texts) {
            this.texts.addAll(List.of(texts));
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public String fingerprint() {
            return Integer.toHexString(List.copyOf(texts).hashCode());
        }

        @Override
        public List<IndexableDocument> load() {
            loads.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("source unavailable");
            }
            List<IndexableDocument> docs = new ArrayList<>();
            List<String> snapshot = List.copyOf(texts);
            for (int i = 0; i < snapshot.size(); i++) {
                DocumentMetadata m = new DocumentMetadata("doc-" + i, "Tài liệu " + i, "", "", "", "",
                        DocumentKind.OFFICIAL, "doc-" + i + ".txt");
                docs.add(new IndexableDocument(m, List.of(new Chunk(m.id(), 0, "I. NỘI DUNG", snapshot.get(i)))));
            }
            return docs;
        }
    }

    private Path indexRoot() {
        return dataDir.resolve("index");
    }

    private List<String> generations() throws IOException {
        try (Stream<Path> s = Files.list(indexRoot())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).sorted().toList();
        }
    }

    @Test
    void builtOnceThenReusedWhileSourcesAreUnchanged() throws IOException {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        String generation;
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            generation = kb.status().generation();
            assertEquals(1, source.loads.get());
            assertEquals(1, kb.status().chunks());
        }
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertEquals(generation, kb.status().generation(), "same index reused");
            assertEquals(1, source.loads.get(), "sources not re-read");
            assertEquals(0, kb.status().lastBuildMillis());
            assertEquals(1, kb.search(SearchQuery.of("kỹ năng số", 5)).size());
        }
        assertEquals(List.of(generation), generations());
    }

    @Test
    void changedSourcesRebuildAtOpen() throws IOException {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        String first;
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            first = kb.status().generation();
        }
        source.texts.add("Giáo viên tham gia tập huấn trí tuệ nhân tạo.");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertNotEquals(first, kb.status().generation());
            assertEquals(2, kb.status().documents());
            assertEquals("doc-1", kb.search(SearchQuery.of("tập huấn trí tuệ nhân tạo", 1)).get(0).document().id());
        }
        assertEquals(1, generations().size(), "the old generation is deleted");
    }

    @Test
    void corruptIndexIsRebuiltNotServed() throws IOException {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.", "An toàn trên không gian mạng.");
        String generation;
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            generation = kb.status().generation();
        }
        Path genDir = indexRoot().resolve(generation);
        Path victim;
        try (Stream<Path> files = Files.list(genDir)) {
            victim = files.filter(p -> !p.getFileName().toString().startsWith("segments")
                            && !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16 && i < bytes.length; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(victim, bytes);
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertNotEquals(generation, kb.status().generation(), "corrupt generation replaced");
            assertEquals(2, source.loads.get());
            assertEquals("doc-1", kb.search(SearchQuery.of("không gian mạng", 1)).get(0).document().id());
        }
    }

    @Test
    void missingPointerOrDeletedIndexIsRebuilt() throws IOException {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertEquals(1, kb.status().documents());
        }
        Files.delete(indexRoot().resolve(KnowledgeBase.CURRENT_FILE));
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertEquals(1, kb.search(SearchQuery.of("kỹ năng số", 5)).size());
        }
        for (String g : generations()) {
            try (Stream<Path> files = Files.walk(indexRoot().resolve(g))) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            assertEquals(1, kb.search(SearchQuery.of("kỹ năng số", 5)).size());
        }
        assertEquals(3, source.loads.get());
    }

    @Test
    void rebuildSwitchesAtomicallyWhileSearchesContinue() throws Exception {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            AtomicInteger searches = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> searcher = pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        var top = kb.search(SearchQuery.of("trang bị kỹ năng", 5));
                        if (top.isEmpty() || !top.get(0).document().id().equals("doc-0")) {
                            errors.add(new AssertionError("saw " + top));
                        }
                        searches.incrementAndGet();
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }
            });
            List<int[]> progress = new CopyOnWriteArrayList<>();
            for (int round = 0; round < 3; round++) {
                source.texts.add("Tài liệu bổ sung số " + round + " về an toàn thông tin.");
                kb.rebuild((done, total) -> progress.add(new int[] {done, total}));
            }
            stop.set(true);
            searcher.get();
            pool.shutdown();
            assertTrue(errors.isEmpty(), () -> "searches failed during rebuilds: " + errors);
            assertTrue(searches.get() > 0);
            assertEquals(4, kb.status().documents());
            int[] last = progress.get(progress.size() - 1);
            assertEquals(last[1], last[0], "progress ends at total");
            assertEquals(4, last[1]);
            assertEquals(1, generations().size());
        }
    }

    @Test
    void concurrentRebuildsAreSingleFlight() throws Exception {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            int before = source.loads.get();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<IndexStatus>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> kb.rebuild(IndexProgress.NONE)));
            }
            for (Future<IndexStatus> f : results) {
                assertEquals(1, f.get().documents());
            }
            pool.shutdown();
            int builds = source.loads.get() - before;
            assertTrue(builds >= 1 && builds < 8, "coalesced: " + builds + " builds for 8 requests");
        }
    }

    @Test
    void failedRebuildKeepsServingThePreviousIndex() {
        MutableSource source = new MutableSource("Học sinh được trang bị kỹ năng số.");
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(source))) {
            String generation = kb.status().generation();
            source.fail = true;
            IndexStatus status = kb.rebuild(IndexProgress.NONE);
            // A failing source is skipped (others still index); the generation changes but stays consistent.
            assertEquals(0, status.documents());
            source.fail = false;
            assertEquals(1, kb.rebuild(IndexProgress.NONE).documents());
            assertNotEquals(generation, kb.status().generation());
            assertFalse(kb.search(SearchQuery.of("kỹ năng số", 5)).isEmpty());
        }
    }

    @Test
    void closedKnowledgeBaseRefusesWork() {
        KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(new MutableSource("Kỹ năng số.")));
        kb.close();
        assertThrows(IllegalStateException.class, () -> kb.search(SearchQuery.of("kỹ năng", 5)));
    }
}
