package vn.trolyso.server.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.trolyso.assistant.store.Database;

/**
 * The files of the uploaded documents ({@code documents/<id>/…}) and of the school's learning modules
 * ({@code materials/<file>.md}) kept in the shared database (table {@code shared_source}, by path under the data
 * directory), so that every node of a ward or province serves the same sources. A node writes its own copy on disk
 * as before and publishes what a change touched; the other nodes see {@code source_generation} move and pull.
 *
 * <p>Why the database and not a shared folder: the nodes already share PostgreSQL (backed up with pg_dump), a
 * school's corpus is small (tens of MB), and a network file system would be one more service to run and lock.
 *
 * <p>Not thread-safe on its own: callers hold the document store's or the catalogue's lock (see {@link SourceSync}).
 */
public final class SharedSources {
    private static final Logger LOG = Logger.getLogger(SharedSources.class.getName());
    public static final String DOCUMENTS = "documents";
    public static final String MATERIALS = "materials";

    private final Database database;
    private final Path dataDir;

    public SharedSources(Database database, Path dataDir) {
        this.database = database;
        this.dataDir = dataDir;
    }

    /** True once the database was closed: nothing more to share. */
    public boolean closed() {
        return database.closed();
    }

    /** The current generation: it moves on with every published change. */
    public long generation() {
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("SELECT generation FROM source_generation WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shared sources' generation: " + e.getMessage(), e);
        }
    }

    /** True when nothing was ever published (a new shared database). */
    public boolean empty() {
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM shared_source");
             ResultSet rs = p.executeQuery()) {
            return rs.next() && rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shared sources: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the shared copy of each of {@code prefixes} (a file or a folder under the data directory, e.g.
     * {@code documents/tl-ke-hoach} or {@code materials/an-toan.md}) what this node has on disk — removed when the
     * node has none — and moves the generation on, in one transaction.
     *
     * @return the new generation
     */
    public long publish(Set<String> prefixes) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                // First: the row lock on the counter serialises publishers across nodes.
                long generation;
                try (PreparedStatement p = c.prepareStatement("UPDATE source_generation SET generation = generation + 1,"
                        + " changed_at = ? WHERE id = 1")) {
                    p.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("SELECT generation FROM source_generation WHERE id = 1");
                     ResultSet rs = p.executeQuery()) {
                    rs.next();
                    generation = rs.getLong(1);
                }
                for (String prefix : prefixes) {
                    try (PreparedStatement d = c.prepareStatement(
                            "DELETE FROM shared_source WHERE path = ? OR path LIKE ? ESCAPE '!'")) {
                        d.setString(1, prefix);
                        d.setString(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
                        d.executeUpdate();
                    }
                    Map<String, Path> files = localFiles(prefix);
                    try (PreparedStatement i = c.prepareStatement("INSERT INTO shared_source(path, sha256, size_bytes,"
                            + " content, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                        for (Map.Entry<String, Path> f : files.entrySet()) {
                            byte[] bytes = Files.readAllBytes(f.getValue());
                            i.setString(1, f.getKey());
                            i.setString(2, sha256(bytes));
                            i.setLong(3, bytes.length);
                            i.setBytes(4, bytes);
                            i.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                            i.addBatch();
                        }
                        i.executeBatch();
                    }
                }
                c.commit();
                LOG.info(() -> "Published shared sources " + prefixes + ": generation " + generation);
                return generation;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish " + prefixes + " to the shared sources: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + prefixes + " to publish them", e);
        }
    }

    /** Brings the node's copy of {@code folder} ({@link #DOCUMENTS} or {@link #MATERIALS}) up to the shared one. */
    public Pulled pull(String folder) {
        Map<String, String> shared = sharedHashes(folder);
        Map<String, String> local = new TreeMap<>();
        localFiles(folder).forEach((path, file) -> local.put(path, sha256(read(file))));
        // Documents change folder by folder (original, text, metadata together); modules file by file.
        Map<String, Map<String, String>> sharedUnits = units(folder, shared);
        Map<String, Map<String, String>> localUnits = units(folder, local);
        Set<String> changed = new TreeSet<>();
        for (String unit : union(sharedUnits.keySet(), localUnits.keySet())) {
            Map<String, String> want = sharedUnits.getOrDefault(unit, Map.of());
            if (!want.equals(localUnits.getOrDefault(unit, Map.of()))) {
                replace(unit, want.keySet());
                changed.add(unit);
            }
        }
        return new Pulled(folder, changed);
    }

    /** What a pull changed on this node: the documents' folders or the modules' files, by path. */
    public record Pulled(String folder, Set<String> changed) {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Paths grouped by unit: {@code documents/<id>} for documents, the file's own path for modules. */
    private static Map<String, Map<String, String>> units(String folder, Map<String, String> hashes) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        hashes.forEach((path, sha) -> {
            String[] parts = path.split("/");
            String unit = folder.equals(DOCUMENTS) && parts.length > 2 ? parts[0] + "/" + parts[1] : path;
            out.computeIfAbsent(unit, k -> new TreeMap<>()).put(path, sha);
        });
        return out;
    }

    /** Replaces the unit on disk by the shared files {@code paths} (none: removes it), never half-written. */
    private void replace(String unit, Set<String> paths) {
        Path target = dataDir.resolve(unit);
        try {
            Files.createDirectories(target.getParent());
            String name = target.getFileName().toString();
            Path tmp = target.resolveSibling(".tmp-shared-" + name + "-" + UUID.randomUUID());
            if (!paths.isEmpty()) {
                Map<String, byte[]> contents = contents(paths);
                if (paths.size() == 1 && paths.contains(unit)) {
                    Files.write(tmp, contents.get(unit));
                } else {
                    for (Map.Entry<String, byte[]> f : contents.entrySet()) {
                        Path file = tmp.resolve(f.getKey().substring(unit.length() + 1));
                        Files.createDirectories(file.getParent());
                        Files.write(file, f.getValue());
                    }
                }
            }
            Path trash = target.resolveSibling(".trash-" + name + "." + UUID.randomUUID());
            if (Files.exists(target)) {
                Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!paths.isEmpty()) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(trash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bring " + target + " up to the shared sources", e);
        }
    }

    private Map<String, String> sharedHashes(String folder) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("SELECT path, sha256 FROM shared_source WHERE path LIKE ?")) {
            p.setString(1, folder + "/%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shared sources: " + e.getMessage(), e);
        }
        return out;
    }

    private Map<String, byte[]> contents(Set<String> paths) {
        Map<String, byte[]> out = new HashMap<>();
        try (Connection c = database.connection();
             PreparedStatement p = c.prepareStatement("SELECT content FROM shared_source WHERE path = ?")) {
            for (String path : paths) {
                p.setString(1, path);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.put(path, rs.getBytes(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shared sources: " + e.getMessage(), e);
        }
        return out;
    }

    /** The node's files under {@code prefix} by path ('/'-separated), without hidden work files (.tmp-, .trash-). */
    Map<String, Path> localFiles(String prefix) {
        Map<String, Path> out = new TreeMap<>();
        Path start = dataDir.resolve(prefix);
        if (!Files.exists(start)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path rel = dataDir.relativize(f);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden) {
                    out.put(rel.toString().replace('\\', '/'), f);
                }
            }
        } catch (NoSuchFileException e) {
            return out; // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + start, e);
        }
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> folders() {
        return List.of(DOCUMENTS, MATERIALS);
    }
}
