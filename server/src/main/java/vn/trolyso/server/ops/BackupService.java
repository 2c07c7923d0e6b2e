package vn.trolyso.server.ops;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
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
import vn.trolyso.server.AppServices;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.security.AdminAuth;

/**
 * {@code GET /api/v1/admin/backup} (admin token): a consistent backup of the running server's data as a zip (see
 * {@link DataBackup}), what {@code ./trolyso backup} downloads while the server runs. The zip is written completely
 * to a temporary file first, so a failure is a JSON error and never a truncated download.
 */
public final class BackupService implements HttpService {
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AppServices services;
    private final AdminAuth admin;

    public BackupService(AppServices services, AdminAuth admin) {
        this.services = services;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/backup", this::backup).any("/admin/backup", ApiErrors.methodNotAllowed("GET"));
    }

    private void backup(ServerRequest req, ServerResponse res) throws IOException, SQLException {
        admin.require(req);
        Path dataDir = services.config().dataDir();
        Path tmpDir = dataDir.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path zip = Files.createTempFile(tmpDir, "backup-", ".zip");
        try {
            DataBackup.Summary summary;
            try (Connection c = services.database().connection(); OutputStream out = Files.newOutputStream(zip)) {
                // A shared PostgreSQL is backed up by pg_dump (docs/cai-dat-van-hanh.md), not inside a node's zip.
                summary = DataBackup.write(services.database().embedded() ? c : null, dataDir, out);
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
