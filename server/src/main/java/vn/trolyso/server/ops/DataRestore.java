package vn.trolyso.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.h2.api.ErrorCode;

/**
 * Puts a backup written by {@link DataBackup} back into a data directory whose server is stopped. Nothing is
 * deleted: the state it replaces (database, documents, learning modules, inbox) is moved aside into
 * {@code <dataDir>/pre-restore-<time>/}; the search index is removed, to be rebuilt at start from the restored
 * documents. Schema migrations newer than the backup run when the server starts.
 */
public final class DataRestore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DataRestore() {
    }

    /**
     * What was restored.
     *
     * @param movedAside where the replaced state went (null when the data directory held none)
     * @param tables     rows per table of the restored database, read back from it
     */
    public record Result(Path movedAside, int documents, int materials, int inboxFiles, Map<String, Long> tables) {
    }

    /** The H2 URL of the data directory's database, opened only if it exists. */
    static String databaseUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("trolyso") + ";IFEXISTS=TRUE";
    }

    static boolean databaseExists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("db").resolve("trolyso.mv.db"));
    }

    /** Opens the database of a stopped server; {@link InUseException} when another process holds it. */
    static Connection openOffline(Path dataDir) throws SQLException {
        try {
            return DriverManager.getConnection(databaseUrl(dataDir), "trolyso", "");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new InUseException(e);
            }
            throw e;
        }
    }

    /** The database file is locked by another process (a server running without a run file). */
    static final class InUseException extends SQLException {
        InUseException(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    public static Result restore(Path backupZip, Path dataDir) throws IOException, SQLException {
        DataBackup.manifest(backupZip); // refuses a file that is not a complete backup before anything moves
        try (ZipFile zip = new ZipFile(backupZip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && !entry.getName().equals(DataBackup.MANIFEST)) {
                    checkName(entry.getName());
                    entries.add(entry);
                }
            }
            if (databaseExists(dataDir)) {
                try (Connection c = openOffline(dataDir)) {
                    // only checking that no other process holds it
                }
            }
            Files.createDirectories(dataDir);
            Path aside = moveAside(dataDir);
            deleteTree(dataDir.resolve("index"));
            for (ZipEntry entry : entries) {
                Path target = dataDir.resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            int documents = (int) entries.stream().map(ZipEntry::getName).filter(n -> n.startsWith("documents/"))
                    .map(n -> n.split("/")[1]).distinct().count();
            int materials = (int) entries.stream().filter(e -> e.getName().startsWith("materials/")).count();
            int inbox = (int) entries.stream().filter(e -> e.getName().startsWith("inbox/")).count();
            return new Result(aside, documents, materials, inbox, databaseExists(dataDir) ? tables(dataDir) : Map.of());
        }
    }

    /** Only the backup's own folders, and no path that climbs out of them. */
    private static void checkName(String name) {
        boolean known = name.equals(DataBackup.DB_ENTRY)
                || DataBackup.FOLDERS.stream().anyMatch(f -> name.startsWith(f + "/"));
        if (!known || name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            throw new IllegalArgumentException("tệp sao lưu chứa đường dẫn không hợp lệ: " + name);
        }
    }

    private static Path moveAside(Path dataDir) throws IOException {
        List<String> present = new ArrayList<>();
        for (String name : Stream.concat(Stream.of("db"), DataBackup.FOLDERS.stream()).toList()) {
            if (Files.exists(dataDir.resolve(name))) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        Path aside = dataDir.resolve("pre-restore-" + LocalDateTime.now().format(STAMP));
        for (int i = 2; Files.exists(aside); i++) {
            aside = dataDir.resolve("pre-restore-" + LocalDateTime.now().format(STAMP) + "-" + i);
        }
        Files.createDirectories(aside);
        for (String name : present) {
            Files.move(dataDir.resolve(name), aside.resolve(name));
        }
        return aside;
    }

    /** Rows per table of the public schema, read from the restored file (so a broken copy shows here). */
    static Map<String, Long> tables(Path dataDir) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = openOffline(dataDir); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(name.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root, e);
        }
    }
}
