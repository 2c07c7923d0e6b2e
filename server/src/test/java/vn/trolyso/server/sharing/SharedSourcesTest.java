package vn.trolyso.server.sharing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;

/** Two nodes' data directories over one database (H2, or PostgreSQL in the PostgreSQL pass). */
class SharedSourcesTest {
    @TempDir
    Path root;
    Database db;
    Path a;
    Path b;
    SharedSources onA;
    SharedSources onB;

    @BeforeEach
    void open() {
        db = Database.inMemory("shared-" + UUID.randomUUID());
        a = root.resolve("a");
        b = root.resolve("b");
        onA = new SharedSources(db, a);
        onB = new SharedSources(db, b);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }

    @Test
    void aPublishedDocumentFolderAndModuleArePulledWholeAndTheGenerationMoves() throws Exception {
        long before = onA.generation();
        byte[] pdf = {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff};
        Files.createDirectories(a.resolve("documents/tl-ke-hoach"));
        Files.write(a.resolve("documents/tl-ke-hoach/original.pdf"), pdf);
        write(a.resolve("documents/tl-ke-hoach/metadata.json"), "{\"id\":\"tl-ke-hoach\"}");
        write(a.resolve("documents/.tmp-half-written/metadata.json"), "{}");
        write(a.resolve("materials/an-toan.md"), "---\nid: an-toan\n---\n# An toàn\n");

        long generation = onA.publish(Set.of("documents/tl-ke-hoach", "materials/an-toan.md"));
        assertTrue(generation > before);
        assertFalse(onA.empty());

        assertEquals(Set.of("documents/tl-ke-hoach"), onB.pull(SharedSources.DOCUMENTS).changed());
        assertEquals(Set.of("materials/an-toan.md"), onB.pull(SharedSources.MATERIALS).changed());
        assertArrayEquals(pdf, Files.readAllBytes(b.resolve("documents/tl-ke-hoach/original.pdf")));
        assertEquals("{\"id\":\"tl-ke-hoach\"}", Files.readString(b.resolve("documents/tl-ke-hoach/metadata.json")));
        assertTrue(Files.exists(b.resolve("materials/an-toan.md")));
        assertFalse(Files.exists(b.resolve("documents/.tmp-half-written")), "work files are not shared");
        assertEquals(Set.of(), onB.pull(SharedSources.DOCUMENTS).changed(), "a second pull changes nothing");

        onA.publish(Set.of(SharedSources.DOCUMENTS, SharedSources.MATERIALS));
        assertEquals(Set.of(), onA.pull(SharedSources.DOCUMENTS).changed(), "the publisher's own copy is current");
        assertEquals(Set.of(), onA.pull(SharedSources.MATERIALS).changed());
    }

    @Test
    void aDeletionIsPulledAndAStaleNodeDoesNotUndoAnotherNodesChange() throws Exception {
        write(a.resolve("documents/tl-mot/text.txt"), "một");
        onA.publish(Set.of("documents/tl-mot"));
        onB.pull(SharedSources.DOCUMENTS);

        // B adds its own document before it pulled A's next change: publishing it touches only that folder.
        write(a.resolve("documents/tl-hai/text.txt"), "hai");
        onA.publish(Set.of("documents/tl-hai"));
        write(b.resolve("documents/tl-ba/text.txt"), "ba");
        onB.publish(Set.of("documents/tl-ba"));
        assertEquals(Set.of("documents/tl-ba"), onA.pull(SharedSources.DOCUMENTS).changed());
        assertEquals(Set.of("documents/tl-hai"), onB.pull(SharedSources.DOCUMENTS).changed());
        for (Path node : new Path[] {a, b}) {
            for (String id : new String[] {"tl-mot", "tl-hai", "tl-ba"}) {
                assertTrue(Files.exists(node.resolve("documents/" + id + "/text.txt")), node + " has " + id);
            }
        }

        // A deletes one: gone from B after its pull.
        Files.delete(a.resolve("documents/tl-mot/text.txt"));
        Files.delete(a.resolve("documents/tl-mot"));
        onA.publish(Set.of("documents/tl-mot"));
        assertEquals(Set.of("documents/tl-mot"), onB.pull(SharedSources.DOCUMENTS).changed());
        assertFalse(Files.exists(b.resolve("documents/tl-mot")));
        assertTrue(Files.exists(b.resolve("documents/tl-hai/text.txt")));
    }
}
