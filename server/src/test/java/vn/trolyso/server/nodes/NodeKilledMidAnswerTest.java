package vn.trolyso.server.nodes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.RawOllamaStub;
import vn.trolyso.server.testing.TestServers;

/**
 * Issue 17's "node A killed with kill -9 mid-answer, node B answers the next question": node A is a separate process
 * (production {@code Main}, configured by environment variables) on a shared PostgreSQL schema, answering through a
 * raw-socket Ollama stub; node B runs in this JVM on the same schema. A answers a first question, then streams a
 * long answer to a second one and is killed while tokens flow. B then answers the follow-up in that conversation in
 * context, and the shared store is consistent: the killed answer left no half turn or log row, and a rating given on
 * B for A's answer counts once in the usage report.
 *
 * <p>Runs in the PostgreSQL pass of {@code ./trolyso test} (system property trolyso.test.db.url): the embedded H2 file
 * cannot be shared by two processes.
 */
@EnabledIfSystemProperty(named = "trolyso.test.db.url", matches = ".+")
class NodeKilledMidAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "stub-model:latest";
    private static final String ADMIN = "killed-node-admin";
    private static final String Q_2025 = "Năm 2025 Kiến An muốn bao nhiêu phần trăm phụ huynh có kỹ năng số?";
    private static final String Q_KILLED = "Kiến An có những giải pháp nào để phụ huynh có kỹ năng số?";

    @TempDir
    Path root;

    @Test
    void nodeBAnswersTheNextQuestionAfterNodeAIsKilledMidAnswer() throws Exception {
        long started = System.nanoTime();
        DatabaseSettings shared = sharedSchema();
        try (RawOllamaStub ollama = new RawOllamaStub(MODEL).behave(RawOllamaStub.Fault.NONE, 3, Duration.ofMillis(20));
             NodeProcess a = NodeProcess.start(root.resolve("a"), Map.of(
                     "TROLYSO_DB_URL", shared.url(), "TROLYSO_DB_USER", shared.user(),
                     "TROLYSO_DB_PASSWORD", shared.password(), "TROLYSO_ADMIN_TOKEN", ADMIN,
                     "OLLAMA_BASE_URL", ollama.baseUrl().toString(), "OLLAMA_MODEL", MODEL))) {
            a.awaitReady(body -> body.contains("\"mode\":\"generative\""), Duration.ofSeconds(90));

            // A first question answered on A, in full: its turn and its log row are in the shared database.
            JsonNode first = JSON.readTree(post(a, "/api/v1/chat", "{\"message\":\"" + Q_2025 + "\"}", 200));
            assertEquals("generative", first.get("mode").asText(), first.toString());
            String conversation = first.get("conversationId").asText();
            String fromA = first.get("messageId").asText();

            // A second one streamed on A: a long answer (300 tokens, 100 ms apart) …
            ollama.behave(RawOllamaStub.Fault.NONE, 300, Duration.ofMillis(100));
            try (Socket tab = new Socket(InetAddress.getLoopbackAddress(), a.port())) {
                tab.setSoTimeout(20_000);
                byte[] question = ("{\"message\":\"" + Q_KILLED + "\",\"conversationId\":\"" + conversation + "\"}")
                        .getBytes(UTF_8);
                OutputStream out = tab.getOutputStream();
                out.write(("POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Accept: text/event-stream\r\nContent-Length: " + question.length + "\r\n\r\n")
                        .getBytes(UTF_8));
                out.write(question);
                out.flush();
                InputStream in = tab.getInputStream();
                String seen = readUntilTokens(in, 3);
                assertFalse(seen.contains("event:done"), seen);
                assertEquals(1, ollama.open(), "A's generation is running at Ollama");

                // … and A is killed while the tokens flow. On Linux Process.destroyForcibly() sends SIGKILL, i.e.
                // kill -9: no shutdown hook, no graceful stop, the JVM is gone at once.
                a.process().destroyForcibly();
                a.process().waitFor();
                assertEquals(137, a.process().exitValue(), "killed by SIGKILL (128 + 9)");
                // The browser's stream ends without a done event: the connection is closed by the dead node's OS.
                String rest = drain(in);
                assertFalse(rest.contains("event:done") || rest.contains("event: done"), rest);
            }
            // The dead node's connection to Ollama is closed too, so that generation stops.
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ollama.open() > 0 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertEquals(0, ollama.open(), "the killed node's generation still runs at Ollama");

            // Node B (no LLM: its extractive answer shows by its text that it used the conversation's context).
            try (TrolysoServer.Running b = nodeB(root.resolve("b"), shared)) {
                JsonNode followUp = JSON.readTree(post(b, "/api/v1/chat", "{\"message\":\"Còn năm 2030?\","
                        + "\"conversationId\":\"" + conversation + "\"}", 200));
                assertEquals(conversation, followUp.get("conversationId").asText());
                assertTrue(followUp.get("answer").asText().contains("90%"), followUp.toString());

                // A's answer rated on B, twice by the same voter: counted once.
                String rating = "{\"messageId\":\"" + fromA + "\",\"rating\":\"up\",\"voterId\":\"" + conversation
                        + "\"}";
                assertFalse(JSON.readTree(post(b, "/api/v1/feedback", rating, 201)).get("changed").asBoolean());
                assertTrue(JSON.readTree(post(b, "/api/v1/feedback", rating, 200)).get("changed").asBoolean());

                HttpResponse<String> usage = TestServers.send(TestServers.request(b, "/api/v1/reports/usage")
                        .header("Authorization", "Bearer " + ADMIN).GET().build());
                assertEquals(200, usage.statusCode(), usage.body());
                JsonNode report = JSON.readTree(usage.body());
                assertEquals(1, report.at("/feedback/up").asLong(), report.toString());
                assertEquals(0, report.at("/feedback/down").asLong(), report.toString());
                // Two answers were given (A's first, B's follow-up); the killed one was never given, so never logged.
                assertEquals(2, report.get("totalQuestions").asLong(), report.toString());
            }
            try (Connection c = DriverManager.getConnection(shared.url(), shared.user(), shared.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT question FROM answer_log WHERE conversation_id = '"
                         + conversation + "' ORDER BY asked_at")) {
                assertTrue(rs.next());
                assertEquals(Q_2025, rs.getString(1));
                assertTrue(rs.next());
                assertEquals("Còn năm 2030?", rs.getString(1));
                assertFalse(rs.next(), "no row for the answer A was killed in");
            }
        }
        System.out.printf("node killed mid-answer: test took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads the SSE response until {@code n} token events have arrived; returns what was read. */
    private static String readUntilTokens(InputStream in, int n) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[1024];
        while (count(seen.toString().replace("event: token", "event:token"), "event:token") < n) {
            int r = in.read(buf);
            if (r < 0) {
                throw new IOException("the stream ended before " + n + " tokens: " + seen);
            }
            seen.append(new String(buf, 0, r, UTF_8));
        }
        return seen.toString();
    }

    /** The rest of the stream, up to its end (or a reset, as a killed peer may cause). */
    private static String drain(InputStream in) {
        StringBuilder rest = new StringBuilder();
        byte[] buf = new byte[1024];
        try {
            for (int r; (r = in.read(buf)) >= 0; ) {
                rest.append(new String(buf, 0, r, UTF_8));
            }
        } catch (IOException reset) {
            // connection reset: ended all the same
        }
        return rest.toString();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String post(NodeProcess node, String path, String json, int status) throws Exception {
        HttpResponse<String> r = TestServers.send(HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertEquals(status, r.statusCode(), r.body() + "\n" + node.tail());
        return r.body();
    }

    private static String post(TrolysoServer.Running node, String path, String json, int status) {
        HttpResponse<String> r = TestServers.postJson(node, path, json);
        assertEquals(status, r.statusCode(), r.body());
        return r.body();
    }

    private static TrolysoServer.Running nodeB(Path dataDir, DatabaseSettings shared) {
        return TestServers.startNode(dataDir, shared, c -> c.adminToken(ADMIN));
    }

    private static DatabaseSettings sharedSchema() throws Exception {
        return TestServers.sharedTestSchema("killed_node");
    }
}
