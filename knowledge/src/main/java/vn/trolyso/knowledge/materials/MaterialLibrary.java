package vn.trolyso.knowledge.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The training modules: the bundled starter library (classpath {@code materials/}, listed in {@code index.txt}) plus
 * the school's own files in {@code <dataDir>/materials/*.md}. A school file with the id of a bundled module replaces
 * it. A malformed file is reported in {@link #problems()} and skipped; the others still load.
 */
public final class MaterialLibrary {
    private static final Logger LOG = Logger.getLogger(MaterialLibrary.class.getName());
    static final String BUNDLED_DIR = "/materials/";

    private final List<Material> materials;
    private final Map<String, Material> byId;
    private final List<MaterialProblem> problems;

    private MaterialLibrary(Map<String, Material> byId, List<MaterialProblem> problems) {
        this.byId = Map.copyOf(byId);
        this.materials = byId.values().stream().sorted(Comparator.comparing(Material::id)).toList();
        this.problems = List.copyOf(problems);
    }

    /** The bundled modules only. */
    public static MaterialLibrary bundled() {
        return load(null);
    }

    /** The bundled modules plus those in {@code <dataDir>/materials/} (when {@code dataDir} is not null). */
    public static MaterialLibrary load(Path dataDir) {
        Map<String, Material> byId = new LinkedHashMap<>();
        List<MaterialProblem> problems = new ArrayList<>();
        for (SourceFile file : bundledFiles()) {
            add(file, byId, problems, false);
        }
        for (SourceFile file : schoolFiles(dataDir)) {
            add(file, byId, problems, true);
        }
        problems.forEach(p -> LOG.warning(() -> "Learning material not loaded: " + p));
        return new MaterialLibrary(byId, problems);
    }

    private static void add(SourceFile file, Map<String, Material> byId, List<MaterialProblem> problems, boolean school) {
        try {
            Material m = MaterialParser.parse(file.name(), file.bytes());
            Material existing = byId.get(m.id());
            if (existing != null && !(school && existing.source().startsWith(BUNDLED_DIR))) {
                problems.add(new MaterialProblem(file.name(), "id", "Mã '" + m.id() + "' đã được dùng trong tệp "
                        + existing.source() + "."));
                return;
            }
            byId.put(m.id(), school ? m : withSource(m, BUNDLED_DIR + file.name()));
        } catch (InvalidMaterialException e) {
            problems.addAll(e.problems());
        }
    }

    static Material withSource(Material m, String source) {
        return new Material(m.id(), m.title(), m.competencies(), m.levels(), m.audience(), m.durationMinutes(),
                m.summary(), m.basic(), m.sections(), m.checkQuestions(), source);
    }

    /** Whether the module comes from the bundled starter library (not from the school's folder). */
    public static boolean isBundled(Material m) {
        return m.source().startsWith(BUNDLED_DIR);
    }

    /** Every module, sorted by id. */
    public List<Material> all() {
        return materials;
    }

    public Optional<Material> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Why some files were not loaded (empty when every file is fine). */
    public List<MaterialProblem> problems() {
        return problems;
    }

    /** A file's name and text; the unit both the library and the index fingerprint read. */
    record SourceFile(String name, byte[] bytes) {
    }

    static List<SourceFile> bundledFiles() {
        List<SourceFile> files = new ArrayList<>();
        for (String name : new String(readResource("index.txt"), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            files.add(new SourceFile(name, readResource(name)));
        }
        return files;
    }

    static List<SourceFile> schoolFiles(Path dataDir) {
        if (dataDir == null || !Files.isDirectory(dataDir.resolve("materials"))) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dataDir.resolve("materials"))) {
            List<SourceFile> files = new ArrayList<>();
            for (Path p : paths.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                files.add(new SourceFile(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the school's materials under " + dataDir, e);
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = MaterialLibrary.class.getResourceAsStream(BUNDLED_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled material on the classpath: " + BUNDLED_DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
