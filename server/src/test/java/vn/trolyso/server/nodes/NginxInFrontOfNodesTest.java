package vn.trolyso.server.nodes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.NginxConfig;
import vn.trolyso.server.testing.TestServers;

/**
 * The nginx blocks of the ward/province guide (docs/trien-khai-phuong-tinh.md, "nginx trước N máy Trợ lý số": the
 * {@code upstream} with {@code least_conn} and {@code limit_req} per client address), taken from the guide itself, in
 * front of two real nodes on one PostgreSQL schema, on loopback and plain HTTP (HTTPS with the example file is
 * {@code NginxProxyTest}'s). Without sticky sessions a conversation started through nginx is followed up through
 * nginx after the node that answered first has stopped (nginx passes the POST on to the other node, as the guide
 * says), and the per-address limit is applied by nginx across both nodes.
 */
@EnabledIfSystemProperty(named = "trolyso.test.db.url", matches = ".+")
class NginxInFrontOfNodesTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path GUIDE = Path.of("..", "docs", "trien-khai-phuong-tinh.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String Q_2025 = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";

    @TempDir
    Path root;

    @Test
    void noStickySessionsAndOneLimitPerAddressAcrossNodes() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx-light)");
        DatabaseSettings shared = sharedSchema();
        TrolysoServer.Running a = node(root.resolve("a"), shared);
        Process nginx = null;
        try (TrolysoServer.Running b = node(root.resolve("b"), shared)) {
            int port = freePort();
            nginx = startNginx(root.resolve("nginx"), port, List.of(a.port(), b.port()));

            JsonNode first = chat(port, "{\"message\":\"" + Q_2025 + "\"}");
            String conversation = first.get("conversationId").asText();
            assertFalse(first.get("answer").asText().contains("90%"), first.toString());

            // Whichever node answered, the first one is now gone: nginx finds its port closed and passes the
            // question on to the other, which answers in the conversation's context.
            a.stop();
            a = null;
            for (int i = 0; i < 3; i++) {
                JsonNode followUp = chat(port, "{\"message\":\"Còn năm 2030?\",\"conversationId\":\"" + conversation
                        + "\"}");
                assertEquals(conversation, followUp.get("conversationId").asText());
                assertTrue(followUp.get("answer").asText().contains("90%"), followUp.toString());
            }

            // The guide's limit (10 requests/s, bursts of 120) is nginx's, for one address across all nodes: 200
            // requests at once from 127.0.0.1 meet nginx's 429 (its own page, not the nodes' JSON error).
            int byNginx = 0;
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/documents")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429 && r.body().contains("nginx")) {
                    byNginx++;
                }
            }
            assertTrue(byNginx > 0, "nginx never limited 200 requests in a row from one address");
        } finally {
            if (a != null) {
                a.stop();
            }
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static JsonNode chat(int port, String body) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** nginx with the guide's two nginx blocks, its node list replaced by {@code nodes}, listening on {@code port}. */
    private static Process startNginx(Path dir, int port, List<Integer> nodes) throws Exception {
        Files.createDirectories(dir);
        Matcher blocks = Pattern.compile("(?s)```nginx\n(.*?)```").matcher(Files.readString(GUIDE, UTF_8));
        assertTrue(blocks.find(), "the guide's upstream block is missing");
        String upstream = blocks.group(1);
        assertTrue(blocks.find(), "the guide's location blocks are missing");
        String locations = blocks.group(1);
        StringBuilder servers = new StringBuilder();
        nodes.forEach(p -> servers.append("    server 127.0.0.1:").append(p).append(" max_fails=3 fail_timeout=10s;\n"));
        String replaced = upstream.replaceAll("(?m)^    server 10\\.0\\.0\\.\\d+:8080 .*\n", "");
        assertTrue(replaced.length() < upstream.length(), "the guide's upstream lists no node: " + upstream);
        upstream = replaced.replace("    least_conn;", "    least_conn;\n" + servers.toString().stripTrailing());
        String d = dir.toString();
        Files.writeString(dir.resolve("nginx.conf"), NginxConfig.main(dir, """
                %1$s
                    server {
                        listen 127.0.0.1:%2$d;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        location / {
                            proxy_pass http://trolyso;
                        }
                %3$s
                    }
                """.formatted(upstream, port, locations)));
        Process nginx = new ProcessBuilder(NGINX.toString(), "-e", d + "/error.log", "-p", d, "-c",
                d + "/nginx.conf", "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) {
                fail("nginx exited: " + Files.readString(dir.resolve("out.log")) + log(dir));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return nginx;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        nginx.destroy();
        fail("nginx did not listen: " + log(dir));
        return null;
    }

    private static String log(Path dir) throws IOException {
        Path p = dir.resolve("error.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static TrolysoServer.Running node(Path dataDir, DatabaseSettings shared) {
        return TestServers.startNode(dataDir, shared, c -> c);
    }

    private static DatabaseSettings sharedSchema() throws Exception {
        return TestServers.sharedTestSchema("nginx_nodes");
    }
}
