package vn.trolyso.server.learning;

import java.nio.file.Path;
import java.util.Optional;
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
        SchoolMaterials.Saved saved = school.save(fileName, bytes);
        reload();
        return saved;
    }

    /** Removes a school module, then reloads; empty (and nothing changes) when no school file holds the id. */
    public synchronized Optional<SchoolMaterials.Removed> delete(String id) {
        Optional<SchoolMaterials.Removed> removed = school.delete(id);
        removed.ifPresent(r -> reload());
        return removed;
    }

    public boolean isBundled(String id) {
        return school.isBundled(id);
    }

    private void reload() {
        library.set(MaterialLibrary.load(dataDir));
    }
}
