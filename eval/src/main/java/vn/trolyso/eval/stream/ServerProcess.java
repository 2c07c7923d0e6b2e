package vn.trolyso.eval.stream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server ({@code vn.trolyso.server.Main}) in a JVM of its own, configured through the environment as an
 * operator would, so a benchmark can read its resident size without its own clients in it. Output goes to
 * {@code server.log} in the data directory.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI baseUrl;

    private ServerProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ServerProcess start(Path dataDir, String ollamaUrl, String model, int parallel, String heap)
            throws IOException {
        Files.createDirectories(dataDir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dfile.encoding=UTF-8", "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), "vn.trolyso.server.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("TROLYSO_DATA_DIR", dataDir.toString());
        env.put("OLLAMA_BASE_URL", ollamaUrl);
        env.put("OLLAMA_MODEL", model);
        env.put("OLLAMA_NUM_PARALLEL", Integer.toString(Math.min(1024, parallel)));
        env.put("TROLYSO_RATE_PER_MINUTE_IP", "10000000");
        env.put("TROLYSO_RATE_BURST", "1000000");
        env.put("TROLYSO_LOG_QUESTIONS", "false");
        ServerProcess server = new ServerProcess(pb.start(), URI.create("http://127.0.0.1:" + port));
        server.awaitGenerative(Duration.ofSeconds(180));
        return server;
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the health check says the index is loaded and the generative mode is on. */
    private void awaitGenerative(Duration max) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("the server process exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(baseUrl.resolve("/observe/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"mode\":\"generative\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        close();
        throw new IOException("the server process was not ready in " + max.toSeconds() + " s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
