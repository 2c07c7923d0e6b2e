package vn.trolyso.server.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;
import vn.trolyso.server.testing.TestServers;

/**
 * The official {@code openai} npm package (src/test/node, version pinned in package-lock.json), run by Node against
 * {@code /v1} of a running server: model list, a blocking and a streaming completion with the same cited Vietnamese
 * answer, and a key without the chat scope refused as OpenAI's {@code APIError}. The package is installed with
 * {@code npm ci} into target/node-client (once; it needs the npm registry). Skipped when Node is not installed,
 * except on CI ({@code CI=true}) where that is a failure.
 */
class OpenAiNodeClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT_KEY = "node-openai-chat-key";
    private static final String SEARCH_KEY = "node-openai-search-only-key";
    private static final String DAY_OF_AI = "Kinh phí tập huấn Day of AI ở Đồ Sơn lấy từ đâu?";
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-client");
    @TempDir
    static Path dataDir;

    @Test
    void officialOpenAiPackageGetsCitedAnswersStreamingAndNot() throws Exception {
        requireNode();
        installClient();
        TrolysoServer.Running server = TestServers.start(dataDir, c -> c.apiKeys(true, List.of(
                new ApiKey("bot", Secrets.sha256Hex(CHAT_KEY), Scope.WIDGET),
                new ApiKey("searcher", Secrets.sha256Hex(SEARCH_KEY), Set.of(Scope.SEARCH)))));
        Map<String, JsonNode> checks;
        try {
            checks = runClient(Map.of("TROLYSO_BASE_URL", server.baseUrl() + "/v1", "TROLYSO_KEY", CHAT_KEY,
                    "TROLYSO_BAD_KEY", SEARCH_KEY, "TROLYSO_QUESTION", DAY_OF_AI));
        } finally {
            server.stop();
        }

        List<String> ids = JSON.convertValue(checks.get("models").get("ids"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertTrue(ids.contains("trolyso") && ids.contains("trolyso-giao_vien"), ids.toString());

        JsonNode blocking = checks.get("blocking");
        String text = blocking.get("content").asText();
        System.out.println("NODE openai blocking: " + text);
        assertTrue(text.matches("(?s).*\\[\\d+\\].*"), "keeps its [n] markers: " + text);
        assertTrue(text.contains("ngân sách") && text.contains("Đồ Sơn"), "the Đồ Sơn plan's funding: " + text);
        assertEquals("stop", blocking.get("finishReason").asText());
        assertTrue(blocking.get("citations").size() > 0, blocking.toString());
        assertTrue(blocking.at("/citations/0/documentId").asText().length() > 0, blocking.toString());
        assertTrue(blocking.at("/usage/total_tokens").asInt() > 0 && blocking.at("/usage/estimated").asBoolean(),
                blocking.toString());

        JsonNode streaming = checks.get("streaming");
        System.out.println("NODE openai streaming (" + streaming.get("pieces").asInt() + " pieces): "
                + streaming.get("content").asText());
        assertTrue(streaming.get("pieces").asInt() >= 1, streaming.toString());
        assertEquals(text, streaming.get("content").asText(), "streamed and blocking answers agree");
        assertEquals("stop", streaming.get("finishReason").asText());
        assertEquals(blocking.get("citations"), streaming.get("citations"));

        JsonNode refused = checks.get("refused");
        assertEquals(403, refused.get("status").asInt(), refused.toString());
        assertEquals("forbidden_scope", refused.get("code").asText());
        assertEquals("permission_error", refused.get("type").asText());
        assertTrue(refused.get("isApiError").asBoolean(), refused.toString());
    }

    private static void requireNode() {
        boolean installed;
        try {
            installed = run(List.of("node", "--version"), Path.of("."), Map.of(), 30).exit() == 0
                    && run(List.of("npm", "--version"), Path.of("."), Map.of(), 30).exit() == 0;
        } catch (IOException e) {
            installed = false;
        }
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but node/npm are not installed (apt-get install nodejs npm)");
        }
        Assumptions.assumeTrue(installed, "Node client test skipped: node and npm are not installed");
    }

    /** Copies the client to target/node-client and installs the locked openai package there (once). */
    private static void installClient() throws IOException {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String f : List.of("package.json", "package-lock.json", "client.mjs")) {
            Path target = WORK.resolve(f);
            if (!Files.exists(target) || Files.mismatch(SOURCES.resolve(f), target) != -1) {
                Files.copy(SOURCES.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
                changed = !f.equals("client.mjs") || changed;
            }
        }
        if (changed || !Files.exists(WORK.resolve("node_modules/openai/package.json"))) {
            Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), WORK, Map.of(), 300);
            assertEquals(0, r.exit(), "npm ci failed (the npm registry must be reachable): " + r.output());
        }
    }

    /** Runs client.mjs; its stdout is one JSON object per line, keyed by "check". */
    private static Map<String, JsonNode> runClient(Map<String, String> env) throws IOException {
        Result r = run(List.of("node", "client.mjs"), WORK, env, 120);
        assertEquals(0, r.exit(), "node client.mjs failed: " + r.output());
        Map<String, JsonNode> checks = new HashMap<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = JSON.readTree(line);
                checks.put(n.get("check").asText(), n);
            }
        }
        assertEquals(Set.of("models", "blocking", "streaming", "refused"), checks.keySet(), r.output());
        return checks;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException {
        Path log = Files.createTempFile("trolyso-node-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return done ? new Result(p.exitValue(), output) : new Result(-1, "timed out: " + output);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
