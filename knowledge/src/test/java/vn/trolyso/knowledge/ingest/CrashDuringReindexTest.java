package vn.trolyso.knowledge.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.SectionChunker;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/**
 * Kills (SIGKILL) a separate JVM in the middle of writing a new index generation and checks that a restart serves the
 * last good index and that every uploaded original is still on disk.
 */
class CrashDuringReindexTest {
    @TempDir
    Path dataDir;

    static UploadedDocumentStore store(Path dataDir) {
        return new UploadedDocumentStore(dataDir, new DocumentExtractor(IngestLimits.defaults()), SectionChunker::chunk);
    }

    @Test
    void killDuringReindexLeavesTheLastGoodIndexAndTheOriginals() throws Exception {
        UploadedDocumentStore store = store(dataDir);
        String camera = store.add(UploadRequest.of(("Quy định sử dụng camera giám sát trong lớp học: chỉ Ban giám hiệu"
                + " được xem lại hình ảnh.").getBytes(UTF_8), "camera.txt")).document().id();
        store.add(UploadRequest.of("Lịch bảo trì phòng máy tính: chiều thứ Sáu hằng tuần.".getBytes(UTF_8), "bt.txt"));
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(store))) {
            assertEquals(camera, top(kb, "camera giám sát lớp học"));
        }
        String before = Files.readString(dataDir.resolve("index").resolve("CURRENT"));

        Path marker = dataDir.resolve("rebuild-started");
        Process child = new ProcessBuilder(javaBin(), "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), ReindexThenHang.class.getName(), dataDir.toString(),
                marker.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the child never reached the middle of a rebuild:\n"
                    + Files.readString(dataDir.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
        }

        // the half-written generation is on disk, yet the pointer still names the last good one
        assertEquals(before, Files.readString(dataDir.resolve("index").resolve("CURRENT")));
        assertTrue(Files.isRegularFile(store.original(camera).orElseThrow()));
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(store(dataDir)))) {
            assertEquals(camera, top(kb, "camera giám sát lớp học"));
        }
    }

    private static String top(KnowledgeBase kb, String query) {
        List<Passage> hits = kb.search(SearchQuery.of(query, 3));
        assertFalse(hits.isEmpty(), "no result for " + query);
        return hits.getFirst().document().id();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The child process: opens the knowledge base, starts a rebuild and hangs in the middle of writing it. */
    public static final class ReindexThenHang {
        public static void main(String[] args) throws IOException {
            Path dataDir = Path.of(args[0]);
            Path marker = Path.of(args[1]);
            KnowledgeBase kb = KnowledgeBase.open(dataDir, List.of(store(dataDir)));
            kb.rebuild((done, total) -> {
                if (done < 1) {
                    return; // hang once documents are being written, not before
                }
                try {
                    Files.writeString(marker, done + "/" + total);
                    Thread.sleep(120_000);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
