package vn.trolyso.server.nodes;

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
import java.util.function.Predicate;
import vn.trolyso.server.Main;
import vn.trolyso.server.config.ConfigVariables;

/**
 * A server node in a process of its own: {@link Main} on this test JVM's classpath, run by the same {@code java}
 * binary, configured only through the environment variables an operator sets (SERVER_PORT, TROLYSO_DATA_DIR,
 * TROLYSO_DB_URL, OLLAMA_BASE_URL, …), as a systemd unit would start it. {@code server/target/server.jar} is built
 * in the package phase, after the tests, so the classpath stands in for it. Its output goes to {@code node.log} in
 * its data directory.
 */
final class NodeProcess implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node on a free loopback port with {@code env} (TROLYSO_DATA_DIR among them). */
    static NodeProcess start(Path dataDir, Map<String, String> env) throws IOException {
        Files.createDirectories(dataDir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Dfile.encoding=UTF-8", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        // Only what this test sets configures the node, not whatever TROLYSO_*/OLLAMA_* the shell running the build has.
        pb.environment().keySet().removeIf(ConfigVariables.ALIASES::containsKey);
        pb.environment().putAll(env);
        pb.environment().put("SERVER_HOST", "127.0.0.1");
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("TROLYSO_DATA_DIR", dataDir.toString());
        Path log = dataDir.resolve("node.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new NodeProcess(pb.start(), port, log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Waits until {@code /observe/health/ready} answers 200 with a body that {@code ready} accepts. */
    void awaitReady(Predicate<String> ready, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ": " + tail());
            }
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/observe/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && ready.test(r.body())) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("node not ready after " + timeout + ": " + last + "\n" + tail());
    }

    /** The end of the node's output, for failure messages. */
    String tail() {
        try {
            String all = Files.readString(log);
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the node if it still runs (SIGKILL, see {@link NodeKilledMidAnswerTest}). */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
