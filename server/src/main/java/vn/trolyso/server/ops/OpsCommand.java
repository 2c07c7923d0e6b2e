package vn.trolyso.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code ./trolyso backup <dir>} and {@code ./trolyso restore <dir|file>} (run as
 * {@code java -jar server.jar backup|restore …}). Backup works with the server running (it asks the server, which
 * has the database open, for a consistent copy over {@code GET /api/v1/admin/backup} with the admin token) or
 * stopped (it opens the database itself). Restore needs the server stopped and says so otherwise. Messages are for
 * the school's operator, in Vietnamese.
 */
public final class OpsCommand {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String PREFIX = "trolyso-";

    private final ServerConfig config;
    private final PrintStream out;
    private final PrintStream err;

    public OpsCommand(ServerConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** True for the commands this class runs instead of the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; the process exit code (0 done, 1 refused or failed, 2 wrong usage). */
    public int run(String[] args) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("Cách dùng / usage: ./trolyso backup <thư mục>   |   ./trolyso restore <thư mục hoặc tệp .zip>");
            return 2;
        }
        try {
            return args[0].equals("backup") ? backup(Path.of(args[1])) : restore(Path.of(args[1]));
        } catch (IllegalArgumentException | IOException | SQLException | java.io.UncheckedIOException e) {
            err.println("Không thực hiện được / failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    int backup(Path dir) throws IOException, SQLException, InterruptedException {
        Path dataDir = config.dataDir();
        Files.createDirectories(dir);
        Path target = dir.resolve(PREFIX + LocalDateTime.now().format(STAMP) + ".zip");
        Path part = dir.resolve(target.getFileName() + ".part");
        Optional<RunFile> running = RunFile.running(dataDir);
        String how;
        try {
            if (running.isPresent()) {
                if (config.adminToken().filter(t -> !t.isBlank()).isEmpty()) {
                    err.println("Máy chủ đang chạy (PID " + running.get().pid() + ", cổng " + running.get().port()
                            + ") trên thư mục dữ liệu " + dataDir.toAbsolutePath().normalize() + ".");
                    err.println("Sao lưu khi máy chủ đang chạy cần mã quản trị: đặt TROLYSO_ADMIN_TOKEN giống máy chủ"
                            + " (ví dụ trong trolyso.env), hoặc dừng máy chủ rồi chạy lại lệnh.");
                    return 1;
                }
                download(running.get(), part);
                how = "máy chủ đang chạy (PID " + running.get().pid() + ") tạo bản sao nhất quán của cơ sở dữ liệu";
            } else {
                try (Connection c = DataRestore.databaseExists(dataDir) ? DataRestore.openOffline(dataDir) : null;
                     OutputStream o = Files.newOutputStream(part)) {
                    DataBackup.write(c, dataDir, o);
                } catch (DataRestore.InUseException e) {
                    err.println("Cơ sở dữ liệu " + dataDir.resolve("db").toAbsolutePath().normalize()
                            + " đang được một tiến trình khác mở (có thể là máy chủ chạy bản cũ, không ghi "
                            + RunFile.path(dataDir) + "). Hãy dừng máy chủ rồi chạy lại lệnh.");
                    return 1;
                }
                how = "máy chủ không chạy; đã đọc trực tiếp thư mục dữ liệu";
            }
            Map<String, Object> manifest = DataBackup.manifest(part); // a complete, readable zip
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            out.println("Đã sao lưu dữ liệu của Trợ lý số vào " + target.toAbsolutePath().normalize()
                    + " (" + megabytes(Files.size(target)) + ").");
            out.println("  Cách làm: " + how + ".");
            out.println("  Gồm: " + (Boolean.TRUE.equals(manifest.get("database"))
                    ? "cơ sở dữ liệu (góp ý, nhật ký câu hỏi, hồ sơ và tiến độ học, phiên bản lược đồ "
                    + manifest.get("schemaVersion") + ")" : "chưa có cơ sở dữ liệu")
                    + ", " + manifest.get("documents") + " tài liệu tải lên, " + manifest.get("materials")
                    + " học liệu của trường, " + manifest.get("inboxFiles") + " tệp đang chờ trong inbox.");
            out.println("  Không gồm: chỉ mục tìm kiếm (tự xây lại khi khởi động), bộ nhớ đệm embeddings, và cấu hình"
                    + " trong biến môi trường / trolyso.env (hãy sao lưu riêng tệp đó).");
            out.println("  Khôi phục: dừng máy chủ, rồi ./trolyso restore " + target.toAbsolutePath().normalize());
            return 0;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void download(RunFile server, Path part) throws IOException, InterruptedException {
        URI uri = server.localUrl().resolve("/api/v1/admin/backup");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + config.adminToken().orElse("")).GET().build();
        HttpResponse<InputStream> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("không gọi được máy chủ tại " + uri + " (" + e + ")", e);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                String body = new String(in.readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8);
                throw new IOException("máy chủ trả lời " + r.statusCode() + " cho " + uri + ": " + body
                        + (r.statusCode() == 401 || r.statusCode() == 403
                        ? " — TROLYSO_ADMIN_TOKEN của lệnh này phải giống của máy chủ" : ""));
            }
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    int restore(Path source) throws IOException, SQLException {
        Path dataDir = config.dataDir();
        Optional<RunFile> running = RunFile.running(dataDir);
        if (running.isPresent()) {
            err.println("Không khôi phục: máy chủ Trợ lý số đang chạy (PID " + running.get().pid() + ", cổng "
                    + running.get().port() + ") trên thư mục dữ liệu " + dataDir.toAbsolutePath().normalize() + ".");
            err.println("Hãy dừng máy chủ trước (ví dụ: sudo systemctl stop trolyso, hoặc Ctrl+C ở cửa sổ đang chạy),"
                    + " rồi chạy lại lệnh. Dữ liệu hiện tại chưa bị thay đổi.");
            return 1;
        }
        Path zip = resolveBackup(source);
        DataRestore.Result result;
        try {
            result = DataRestore.restore(zip, dataDir);
        } catch (DataRestore.InUseException e) {
            err.println("Không khôi phục: cơ sở dữ liệu trong " + dataDir.toAbsolutePath().normalize()
                    + " đang được một tiến trình khác mở (có thể máy chủ vẫn chạy). Hãy dừng nó rồi chạy lại lệnh."
                    + " Dữ liệu hiện tại chưa bị thay đổi.");
            return 1;
        }
        out.println("Đã khôi phục dữ liệu của Trợ lý số từ " + zip.toAbsolutePath().normalize() + " vào "
                + dataDir.toAbsolutePath().normalize() + ".");
        out.println("  Đã khôi phục: " + result.documents() + " tài liệu tải lên, " + result.materials()
                + " học liệu của trường, " + result.inboxFiles() + " tệp chờ trong inbox"
                + (result.tables().isEmpty() ? ", không có cơ sở dữ liệu trong bản sao lưu."
                : "; cơ sở dữ liệu: " + result.tables().entrySet().stream()
                .filter(e -> !e.getKey().equals("schema_version") && !e.getKey().equals("flyway_schema_history"))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + " (số dòng)."));
        if (result.movedAside() != null) {
            out.println("  Dữ liệu cũ không bị xóa: đã chuyển sang " + result.movedAside().toAbsolutePath().normalize()
                    + " (xóa thư mục này khi đã kiểm tra xong).");
        }
        out.println("  Chỉ mục tìm kiếm sẽ được xây lại khi khởi động; nếu bản sao lưu từ phiên bản cũ hơn, cơ sở dữ"
                + " liệu được nâng cấp tự động khi khởi động.");
        out.println("  Bước tiếp theo: khởi động lại máy chủ (./trolyso run, hoặc sudo systemctl start trolyso).");
        return 0;
    }

    /** A zip file, or the newest trolyso-*.zip in a folder. */
    static Path resolveBackup(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return source;
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("không tìm thấy " + source.toAbsolutePath().normalize());
        }
        List<Path> zips;
        try (Stream<Path> s = Files.list(source)) {
            zips = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".zip")).sorted(Comparator.reverseOrder()).toList();
        }
        if (zips.isEmpty()) {
            throw new IllegalArgumentException("thư mục " + source.toAbsolutePath().normalize()
                    + " không có bản sao lưu nào (tệp trolyso-*.zip)");
        }
        return zips.getFirst();
    }

    private static String megabytes(long bytes) {
        return bytes < 1_048_576 ? Math.max(1, bytes / 1024) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
