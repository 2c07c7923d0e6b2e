package vn.trolyso.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.server.http.Json;

/**
 * {@code <dataDir>/run/server.json}: which process serves this data directory and on which port, written once the
 * server listens and removed when it stops. The backup command uses it to ask a running server for a consistent
 * copy; the restore command uses it to refuse to replace the data under a running server. A file left by a crash
 * names a process that is gone, and is ignored.
 */
public record RunFile(long pid, String host, int port, String startedAt) {
    private static final Logger LOG = Logger.getLogger(RunFile.class.getName());

    public static Path path(Path dataDir) {
        return dataDir.resolve("run").resolve("server.json");
    }

    /** Records this process as the server of {@code dataDir}; a failure is only logged (the server runs anyway). */
    public static void write(Path dataDir, String host, int port) {
        Path file = path(dataDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", ProcessHandle.current().pid());
        json.put("host", host);
        json.put("port", port);
        json.put("startedAt", Instant.now().toString());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".server-", ".json");
            Files.write(tmp, Json.bytes(json));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write " + file + " (./trolyso backup will not find the running server): "
                    + e.getMessage());
        }
    }

    /** Removes the file if it still names this process and port (another server may have taken the directory). */
    public static void deleteIfOurs(Path dataDir, int port) {
        read(dataDir).filter(r -> r.pid() == ProcessHandle.current().pid() && r.port() == port).ifPresent(r -> {
            try {
                Files.deleteIfExists(path(dataDir));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove " + path(dataDir) + ": " + e.getMessage());
            }
        });
    }

    /** The file's content, if there is a readable one. */
    public static Optional<RunFile> read(Path dataDir) {
        Path file = path(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            return Optional.of(new RunFile(n.path("pid").asLong(), n.path("host").asText(""), n.path("port").asInt(),
                    n.path("startedAt").asText("")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The running server of {@code dataDir}: a run file whose process is still alive. */
    public static Optional<RunFile> running(Path dataDir) {
        return read(dataDir).filter(RunFile::alive);
    }

    /** The process is alive and, as far as the system tells, a JVM (a crashed server's pid may be reused). */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("java"))
                        .orElse(true))
                .orElse(false);
    }

    /** Where a command on this machine reaches the server: loopback when it listens on every address. */
    public URI localUrl() {
        String h = host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
                ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }
}
