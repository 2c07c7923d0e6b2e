package vn.trolyso.server.ops;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;

/**
 * {@code GET /api/v1/admin/backup} (admin token): a consistent backup of the running server's data as a zip (see
 * {@link DataBackup}), what {@code ./trolyso backup} downloads while the server runs. The zip is written completely
 * to a temporary file first, so a failure is a JSON error and never a truncated download.
 */
public final class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dataDir;
    private final Database database;

    public BackupService(Path dataDir, Database database) {
        this.dataDir = dataDir;
        this.database = database;
    }

    public void routes(Routes routes) {
        routes.get("/admin/backup", RouteAccess.admin(), this::backup).refuseOtherMethods("/admin/backup");
    }

    private void backup(ServerRequest req, ServerResponse res) throws IOException, SQLException {
        Path tmpDir = dataDir.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path zip = Files.createTempFile(tmpDir, "backup-", ".zip");
        try {
            DataBackup.Summary summary;
            // A shared PostgreSQL is backed up by pg_dump (docs/cai-dat-van-hanh.md), not inside a node's zip: no
            // connection is opened for it.
            try (Connection c = database.embedded() ? database.connection() : null;
                 OutputStream out = Files.newOutputStream(zip)) {
                summary = DataBackup.write(c, dataDir, out);
            }
            LOG.info(() -> "Backup served: " + summary);
            res.header(HeaderNames.CONTENT_TYPE, "application/zip");
            res.header(HeaderNames.CONTENT_DISPOSITION,
                    "attachment; filename=\"trolyso-" + LocalDateTime.now().format(STAMP) + ".zip\"");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(Files.size(zip)));
            try (OutputStream out = res.outputStream()) {
                Files.copy(zip, out);
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
