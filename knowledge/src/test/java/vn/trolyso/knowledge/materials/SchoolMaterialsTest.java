package vn.trolyso.knowledge.materials;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchoolMaterialsTest {
    @TempDir
    Path dataDir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dataDir.resolve("materials"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savesAsIdFileReplacesTheSameIdEvenUnderAnotherNameAndDeletes() throws Exception {
        SchoolMaterials school = new SchoolMaterials(dataDir);
        Files.createDirectories(dataDir.resolve("materials"));
        Files.writeString(dataDir.resolve("materials/tha-bang-tay.md"), MaterialParserTest.VALID);

        SchoolMaterials.Saved saved = school.save("tai-len.md", MaterialParserTest.VALID.getBytes(UTF_8));

        assertEquals("thu-nghiem", saved.material().id());
        assertTrue(saved.replaced());
        assertFalse(saved.overridesBundled());
        assertEquals(List.of("thu-nghiem.md"), files());
        assertEquals(1, MaterialLibrary.load(dataDir).all().stream().filter(m -> m.id().equals("thu-nghiem")).count());
        assertTrue(MaterialLibrary.load(dataDir).problems().isEmpty());

        assertTrue(school.delete("thu-nghiem").isPresent());
        assertEquals(List.of(), files());
        assertTrue(school.delete("thu-nghiem").isEmpty());
    }

    @Test
    void anInvalidModuleWritesNothing() {
        SchoolMaterials school = new SchoolMaterials(dataDir);
        InvalidMaterialException e = assertThrows(InvalidMaterialException.class, () -> school.save("x.md",
                MaterialParserTest.VALID.replace("competencies: [", "competencies: [\"9.9\", ").getBytes(UTF_8)));
        assertEquals("competencies", e.problems().getFirst().field());
        assertFalse(Files.exists(dataDir.resolve("materials/thu-nghiem.md")));
    }

    @Test
    void aFileNamedAfterTheIdHoldingAnotherModuleIsNotOverwritten() throws Exception {
        SchoolMaterials school = new SchoolMaterials(dataDir);
        Files.createDirectories(dataDir.resolve("materials"));
        String other = MaterialParserTest.VALID.replace("thu-nghiem", "hoc-phan-khac");
        Files.writeString(dataDir.resolve("materials/thu-nghiem.md"), other);
        InvalidMaterialException e = assertThrows(InvalidMaterialException.class,
                () -> school.save("x.md", MaterialParserTest.VALID.getBytes(UTF_8)));
        assertEquals("id", e.problems().getFirst().field());
        assertEquals(other, Files.readString(dataDir.resolve("materials/thu-nghiem.md")));
    }

    @Test
    void overridingABundledModuleAndDeletingTheOverrideRestoresIt() throws Exception {
        SchoolMaterials school = new SchoolMaterials(dataDir);
        String bundledTitle = MaterialLibrary.bundled().find("ai-cho-hoc-sinh").orElseThrow().title();
        SchoolMaterials.Saved saved = school.save("ai.md",
                MaterialParserTest.VALID.replace("thu-nghiem", "ai-cho-hoc-sinh").getBytes(UTF_8));
        assertTrue(saved.overridesBundled());
        assertFalse(saved.replaced());
        assertTrue(school.delete("ai-cho-hoc-sinh").orElseThrow().restoresBundled());
        assertEquals(bundledTitle, MaterialLibrary.load(dataDir).find("ai-cho-hoc-sinh").orElseThrow().title());
        assertTrue(school.delete("ai-cho-hoc-sinh").isEmpty());
        assertTrue(school.isBundled("ai-cho-hoc-sinh"));
    }
}
