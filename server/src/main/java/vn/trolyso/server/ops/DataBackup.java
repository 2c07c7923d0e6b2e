package vn.trolyso.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import vn.trolyso.server.http.Json;

/**
 * Writes a backup of the data directory as one zip: the H2 database copied by H2's own {@code BACKUP TO} (an online
 * copy that is transactionally consistent while the server keeps writing: H2 copies the store together with its
 * log), the school's uploaded documents, its learning modules and the files waiting in the inbox. Not included: the
 * search index ({@code index/}, rebuilt at start from the documents) and the embeddings cache ({@code embeddings/},
 * recomputed by Ollama when missing).
 *
 * <p>Zip layout: {@code db/trolyso.mv.db}, {@code documents/<id>/…}, {@code materials/*.md}, {@code inbox/…} and
 * {@code trolyso-backup.json} (what it holds), written last.
 */
public final class DataBackup {
    public static final String MANIFEST = "trolyso-backup.json";
    public static final String FORMAT = "trolyso-backup-1";
    public static final String DB_ENTRY = "db/trolyso.mv.db";
    /** The folders under the data directory that are state (besides the database). */
    public static final List<String> FOLDERS = List.of("documents", "materials", "inbox");
    private static final int ATTEMPTS = 5;

    private DataBackup() {
    }

    /** What a backup holds (also its manifest). */
    public record Summary(boolean database, int schemaVersion, int documents, int materials, int inboxFiles,
                          String createdAt) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", FORMAT);
            m.put("createdAt", createdAt);
            m.put("database", database);
            m.put("schemaVersion", schemaVersion);
            m.put("documents", documents);
            m.put("materials", materials);
            m.put("inboxFiles", inboxFiles);
            return m;
        }
    }

    /**
     * Writes the backup of {@code dataDir} to {@code out}.
     *
     * @param db an open connection to the data directory's database (the server's own while it runs), or null
     *           when there is no database yet
     */
    public static Summary write(Connection db, Path dataDir, OutputStream out) throws IOException {
        int schema = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (db != null) {
                schema = schemaVersion(db);
                copyDatabase(db, dataDir, zip);
            }
            int documents = copyDocuments(dataDir.resolve("documents"), zip);
            int materials = copyFlat(dataDir.resolve("materials"), "materials/", zip);
            int inbox = copyTree(dataDir.resolve("inbox"), "inbox/", zip);
            Summary summary = new Summary(db != null, schema, documents, materials, inbox, Instant.now().toString());
            put(zip, MANIFEST, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary.toJson()));
            zip.finish();
            return summary;
        }
    }

    /** H2's online backup into a temporary zip under the data directory, then its store file into ours. */
    private static void copyDatabase(Connection db, Path dataDir, ZipOutputStream zip) throws IOException {
        Path tmpDir = dataDir.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path h2Zip = Files.createTempFile(tmpDir, "h2-backup-", ".zip");
        try {
            Files.delete(h2Zip); // BACKUP TO creates the file
            try (Statement s = db.createStatement()) {
                s.execute("BACKUP TO '" + h2Zip.toAbsolutePath().toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IOException("H2 BACKUP TO failed: " + e.getMessage(), e);
            }
            try (ZipFile h2 = new ZipFile(h2Zip.toFile())) {
                ZipEntry store = h2.stream().filter(e -> e.getName().endsWith(".mv.db")).findFirst()
                        .orElseThrow(() -> new IOException("H2's backup holds no .mv.db file"));
                zip.putNextEntry(new ZipEntry(DB_ENTRY));
                try (InputStream in = h2.getInputStream(store)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } finally {
            Files.deleteIfExists(h2Zip);
        }
    }

    static int schemaVersion(Connection db) {
        return vn.trolyso.assistant.store.Database.schemaVersion(db);
    }

    /**
     * One folder per document. A folder is read whole and kept only if its metadata.json did not change meanwhile:
     * a document replaced during the backup is read again, so the copy never mixes two versions.
     */
    private static int copyDocuments(Path root, ZipOutputStream zip) throws IOException {
        int count = 0;
        for (Path dir : children(root)) {
            if (!Files.isDirectory(dir) || hidden(dir)) {
                continue;
            }
            Map<String, byte[]> files = readFolderConsistently(dir);
            if (files.isEmpty()) {
                continue; // deleted meanwhile
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, "documents/" + dir.getFileName() + "/" + f.getKey(), f.getValue());
            }
            count++;
        }
        return count;
    }

    private static Map<String, byte[]> readFolderConsistently(Path dir) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                byte[] before = Files.readAllBytes(dir.resolve("metadata.json"));
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (Path f : children(dir)) {
                    if (Files.isRegularFile(f)) {
                        files.put(f.getFileName().toString(), Files.readAllBytes(f));
                    }
                }
                byte[] after = Files.readAllBytes(dir.resolve("metadata.json"));
                if (Arrays.equals(before, after) && Arrays.equals(before, files.get("metadata.json"))) {
                    return files;
                }
            } catch (NoSuchFileException e) {
                if (!Files.isDirectory(dir)) {
                    return Map.of();
                }
            }
        }
        throw new IOException("The document folder " + dir + " kept changing during the backup; try again");
    }

    /** The regular files directly in a folder (learning modules are written atomically by rename). */
    private static int copyFlat(Path root, String prefix, ZipOutputStream zip) throws IOException {
        int count = 0;
        for (Path f : children(root)) {
            if (Files.isRegularFile(f) && !hidden(f)) {
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    put(zip, prefix + f.getFileName(), bytes);
                    count++;
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        }
        return count;
    }

    private static int copyTree(Path root, String prefix, ZipOutputStream zip) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int count = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !hidden(p)).sorted().toList();
        }
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                put(zip, prefix + root.relativize(f).toString().replace('\\', '/'), bytes);
                count++;
            } catch (NoSuchFileException e) {
                // picked up by the server meanwhile
            }
        }
        return count;
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Temporary and trash folders/files of the stores start with a dot. */
    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a backup's manifest; fails when the file is not a complete backup of this format. */
    public static Map<String, Object> manifest(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) {
                throw new IllegalArgumentException("không phải bản sao lưu của Trợ lý số (thiếu " + MANIFEST + ")");
            }
            try (InputStream in = zip.getInputStream(m)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = Json.MAPPER.readValue(in, Map.class);
                if (!FORMAT.equals(json.get("format"))) {
                    throw new IllegalArgumentException("định dạng sao lưu không hỗ trợ: " + json.get("format"));
                }
                return json;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tệp sao lưu hỏng hoặc chưa ghi xong (" + e.getMessage() + ")", e);
        }
    }
}
