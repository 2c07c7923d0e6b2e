package vn.trolyso.knowledge.materials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and removes the school's own modules in {@code <dataDir>/materials/}, the folder {@link MaterialLibrary#load}
 * reads. A module is validated by {@link MaterialParser} before anything is written, then stored as {@code <id>.md}
 * under a temporary name and renamed into place, so the folder never holds half a file. Not thread-safe: the caller
 * serialises changes (see the server's material catalogue).
 */
public final class SchoolMaterials {
    /** Longest accepted module id: it becomes a file name. */
    static final int MAX_ID_LENGTH = 100;
    private static final String TEMP_SUFFIX = ".tmp"; // not ".md": the library never reads a half-written file

    /**
     * A stored module.
     *
     * @param replaced         a school module with the same id was there before (it is gone now)
     * @param overridesBundled a bundled module has the same id; the school's version is the one served
     */
    public record Saved(Material material, boolean replaced, boolean overridesBundled) {
    }

    /**
     * A removed module.
     *
     * @param restoresBundled the school's file had overridden a bundled module, which is served again
     */
    public record Removed(String id, boolean restoresBundled) {
    }

    private final Path folder;
    private final MaterialLibrary bundled = MaterialLibrary.bundled();

    /** @param dataDir the data directory whose {@code materials/} folder holds the school's modules */
    public SchoolMaterials(Path dataDir) {
        this.folder = dataDir.resolve("materials");
    }

    /**
     * Validates a module and stores it as {@code <id>.md}, replacing any school file with the same id.
     *
     * @param fileName the uploaded file's name, used in the problems
     * @throws InvalidMaterialException with every problem found; nothing is written
     */
    public Saved save(String fileName, byte[] bytes) throws InvalidMaterialException {
        Material parsed = MaterialParser.parse(fileName, bytes);
        String id = parsed.id();
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidMaterialException(List.of(new MaterialProblem(fileName, "id",
                    "Mã dài tối đa " + MAX_ID_LENGTH + " ký tự, hiện có " + id.length() + ".")));
        }
        List<Path> sameId = schoolFilesWithId(id);
        Path target = folder.resolve(id + ".md");
        Optional<String> occupant = moduleIdIn(target).filter(other -> !other.equals(id));
        if (occupant.isPresent()) {
            throw new InvalidMaterialException(List.of(new MaterialProblem(fileName, "id", "Tệp " + id
                    + ".md của trường đang chứa học phần mã '" + occupant.get() + "'; hãy đổi tên tệp đó trước.")));
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".upload-", TEMP_SUFFIX);
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            // A file dropped by hand under another name with the same id would clash with the new one.
            for (Path other : sameId) {
                if (!other.equals(target)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the learning material " + target, e);
        }
        Material stored = MaterialLibrary.withSource(parsed, target.getFileName().toString());
        return new Saved(stored, !sameId.isEmpty(), isBundled(id));
    }

    /** Removes the school's module with this id; empty when no school file holds it. */
    public Optional<Removed> delete(String id) {
        List<Path> files = schoolFilesWithId(id);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the learning material " + id, e);
        }
        return Optional.of(new Removed(id, isBundled(id)));
    }

    /** Whether the bundled starter library has a module with this id. */
    public boolean isBundled(String id) {
        return bundled.find(id).isPresent();
    }

    /** The id a school file declares, if it exists and is a valid module. */
    private static Optional<String> moduleIdIn(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(MaterialParser.parse(file.getFileName().toString(), Files.readAllBytes(file)).id())
                    : Optional.empty();
        } catch (InvalidMaterialException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The school files whose front matter declares this id (malformed files declare nothing). */
    private List<Path> schoolFilesWithId(String id) {
        List<Path> files = new ArrayList<>();
        for (MaterialLibrary.SourceFile file : MaterialLibrary.schoolFiles(folder.getParent())) {
            try {
                if (MaterialParser.parse(file.name(), file.bytes()).id().equals(id)) {
                    files.add(folder.resolve(file.name()));
                }
            } catch (InvalidMaterialException e) {
                // not a module the library serves, so not the one meant
            }
        }
        return files;
    }
}
