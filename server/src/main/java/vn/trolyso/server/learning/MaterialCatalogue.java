package vn.trolyso.server.learning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicReference;
import vn.trolyso.knowledge.materials.InvalidMaterialException;
import vn.trolyso.knowledge.materials.MaterialLibrary;
import vn.trolyso.knowledge.materials.SchoolMaterials;

/**
 * The one owner of the training modules the server serves: the current {@link MaterialLibrary}, swapped atomically
 * after every change to the school's folder. Changes are serialised and each is followed by a reload from disk, so the
 * library served always matches the folder (the index follows through a background rebuild the caller requests).
 */
public final class MaterialCatalogue {
    private final Path dataDir;
    private final SchoolMaterials school;
    private final AtomicReference<MaterialLibrary> library;
    private volatile Consumer<Set<String>> onChange = names -> { };

    /** @param dataDir the data directory whose {@code materials/} folder holds the school's modules */
    public MaterialCatalogue(Path dataDir) {
        this.dataDir = dataDir;
        this.school = new SchoolMaterials(dataDir);
        this.library = new AtomicReference<>(MaterialLibrary.load(dataDir));
    }

    /** The library as of the last change. */
    public MaterialLibrary library() {
        return library.get();
    }

    /** Validates and stores a module, then reloads; nothing changes when it is invalid. */
    public synchronized SchoolMaterials.Saved save(String fileName, byte[] bytes) throws InvalidMaterialException {
        Map<String, Long> before = files();
        SchoolMaterials.Saved saved = school.save(fileName, bytes);
        reload();
        changedSince(before);
        return saved;
    }

    /** Removes a school module, then reloads; empty (and nothing changes) when no school file holds the id. */
    public synchronized Optional<SchoolMaterials.Removed> delete(String id) {
        Map<String, Long> before = files();
        Optional<SchoolMaterials.Removed> removed = school.delete(id);
        removed.ifPresent(r -> {
            reload();
            changedSince(before);
        });
        return removed;
    }

    /** The folder's files (name → modification time in ns) to tell which ones a change touched. */
    private Map<String, Long> files() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> list = Files.list(dataDir.resolve("materials"))) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                out.put(f.getFileName().toString(), Files.getLastModifiedTime(f).to(TimeUnit.NANOSECONDS));
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void changedSince(Map<String, Long> before) {
        Map<String, Long> after = files();
        Set<String> changed = new TreeSet<>();
        before.forEach((name, time) -> {
            if (!time.equals(after.get(name))) {
                changed.add(name);
            }
        });
        after.keySet().stream().filter(name -> !before.containsKey(name)).forEach(changed::add);
        if (!changed.isEmpty()) {
            onChange.accept(changed);
        }
    }

    public boolean isBundled(String id) {
        return school.isBundled(id);
    }

    /**
     * Runs {@code action} with no save or delete interleaving (a node bringing its folder up to date with the shared
     * sources), then reloads the library from the folder.
     */
    public synchronized <T> T exclusively(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } finally {
            reload();
        }
    }

    /** Called with the folder's file names a save or delete touched, under the catalogue's lock. */
    public void onChange(Consumer<Set<String>> listener) {
        this.onChange = listener;
    }

    private void reload() {
        library.set(MaterialLibrary.load(dataDir));
    }
}
