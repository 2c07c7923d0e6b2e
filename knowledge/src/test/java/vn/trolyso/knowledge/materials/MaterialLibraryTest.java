package vn.trolyso.knowledge.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.IndexableDocument;

class MaterialLibraryTest {
    @TempDir
    Path dataDir;

    @Test
    void bundledLibraryLoadsCleanlyAndCoversEveryDomain() {
        MaterialLibrary library = MaterialLibrary.bundled();
        assertEquals(List.of(), library.problems());
        assertTrue(library.all().size() >= 12, "at least 12 modules");
        Set<String> domains = library.all().stream().flatMap(m -> m.domains().stream()).collect(Collectors.toSet());
        assertEquals(Set.of("1", "2", "3", "4", "5", "6"), domains);
        for (Audience a : Audience.values()) {
            assertTrue(library.all().stream().anyMatch(m -> m.basic() && m.isFor(a)), "a basic module for " + a);
        }
        for (Material m : library.all()) {
            assertTrue(m.checkQuestions().size() >= 2 && m.checkQuestions().size() <= 4, m.id());
            assertEquals(m.id() + ".md", Path.of(m.source()).getFileName().toString(), "file named after its id");
        }
    }

    @Test
    void indexListsEveryBundledFile() throws IOException {
        Path dir = Path.of("src/main/resources/materials");
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .collect(Collectors.toSet());
            Set<String> listed = Set.copyOf(Files.readAllLines(dir.resolve("index.txt")).stream()
                    .filter(l -> !l.isBlank()).toList());
            assertEquals(onDisk, listed);
        }
    }

    @Test
    void schoolFilesLoadBesideBundledOnesAndBadOnesAreReportedAlone() throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("materials"));
        Files.writeString(dir.resolve("cua-truong.md"), MaterialParserTest.VALID.replace("thu-nghiem", "cua-truong"));
        Files.writeString(dir.resolve("hong.md"), MaterialParserTest.VALID.replace("duration_minutes: 10", "duration_minutes: -5"));
        Files.write(dir.resolve("latin1.md"), "---\nid: x\ntitle: Ti\u1EBFng Vi\u1EC7t\n".getBytes(StandardCharsets.UTF_16));
        Files.writeString(dir.resolve("ghi-chu.txt"), "not a module");
        int bundled = MaterialLibrary.bundled().all().size();

        MaterialLibrary library = MaterialLibrary.load(dataDir);

        assertEquals(bundled + 1, library.all().size());
        assertTrue(library.find("cua-truong").isPresent());
        assertEquals(2, library.problems().stream().map(MaterialProblem::file).distinct().count(), library.problems().toString());
        assertTrue(library.problems().stream().anyMatch(p -> p.file().equals("hong.md") && p.field().equals("duration_minutes")));
        assertTrue(library.problems().stream().anyMatch(p -> p.file().equals("latin1.md") && p.message().contains("UTF-8")));
    }

    @Test
    void schoolFileReplacesBundledModuleWithTheSameIdButNotAnotherSchoolFile() throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("materials"));
        String replacement = MaterialParserTest.VALID.replace("thu-nghiem", "xu-ly-su-co-ky-thuat");
        Files.writeString(dir.resolve("a.md"), replacement);
        Files.writeString(dir.resolve("b.md"), replacement);

        MaterialLibrary library = MaterialLibrary.load(dataDir);

        assertEquals("Học phần thử nghiệm", library.find("xu-ly-su-co-ky-thuat").orElseThrow().title());
        assertEquals(List.of(new MaterialProblem("b.md", "id", "Mã 'xu-ly-su-co-ky-thuat' đã được dùng trong tệp a.md.")),
                library.problems());
    }

    @Test
    void sourceIndexesSectionsWithoutCheckQuestionsAndFingerprintFollowsTheFolder() throws IOException {
        MaterialsSource source = new MaterialsSource(dataDir);
        String before = source.fingerprint();
        assertEquals(before, source.fingerprint());
        IndexableDocument doc = source.load().stream()
                .filter(d -> d.metadata().id().equals("mat-khau-va-bao-ve-tai-khoan")).findFirst().orElseThrow();
        assertEquals(DocumentKind.MATERIAL, doc.metadata().kind());
        assertEquals(MaterialsSource.TYPE, doc.metadata().type());
        assertTrue(doc.chunks().stream().noneMatch(c -> c.text().contains("- [x]")));
        assertTrue(doc.chunks().getFirst().sectionPath().startsWith("Mật khẩu mạnh mà vẫn nhớ được"),
                doc.chunks().getFirst().sectionPath());
        assertTrue(doc.chunks().stream().anyMatch(c -> c.text().contains("cụm mật khẩu")));

        Files.createDirectories(dataDir.resolve("materials"));
        Files.writeString(dataDir.resolve("materials/moi.md"), MaterialParserTest.VALID);
        assertNotEquals(before, source.fingerprint());
    }
}
