package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.SampleModules;
import vn.trolyso.server.testing.TestServers;

/**
 * Two real server nodes on loopback sharing one PostgreSQL schema, each with its own data directory and its own
 * index (issue 17): a document uploaded on node A becomes searchable and cited on node B within 10 s, and a module saved on A is
 * served by B; a node started
 * later catches up before it serves; with A stopped, B keeps answering from the shared sources.
 *
 * <p>Runs in the PostgreSQL pass of {@code ./trolyso test} (system property trolyso.test.db.url); the embedded H2 is one node only.
 * Node A is stopped in-process, abruptly for its clients but not with {@code kill -9}; a node in a separate process
 * killed with SIGKILL mid-answer is {@code vn.trolyso.server.nodes.NodeKilledMidAnswerTest}.
 */
@EnabledIfSystemProperty(named = "trolyso.test.db.url", matches = ".+")
class TwoNodesOnPostgresTest {
    static final String TOKEN = "two-nodes-admin";
    static final String TITLE = "Kế hoạch Ngày hội Robot giáo dục";
    static final String TEXT = "Kế hoạch Ngày hội Robot giáo dục.\n\n"
            + "Ngày hội Robot giáo dục được tổ chức vào ngày 14 tháng 3 năm 2031 tại sân trường. Mỗi lớp cử hai đội,"
            + " mỗi đội ba học sinh và một giáo viên hướng dẫn.\n";
    static final String QUESTION = "Ngày hội Robot giáo dục được tổ chức vào ngày nào?";
    static final String MODULE = "tro-choi-on-tap-hai-may-chu";
    static final String SEARCH = "Ngày hội Robot giáo dục tổ chức vào ngày nào";

    @TempDir
    Path root;

    @Test
    void aDocumentUploadedOnOneNodeIsCitedOnTheOtherAndALateNodeCatchesUp() throws Exception {
        DatabaseSettings shared = sharedSchema();
        TrolysoServer.Running a = node(root.resolve("a"), shared);
        try (TrolysoServer.Running b = node(root.resolve("b"), shared)) {
            AdminClient onA = new AdminClient(a, TOKEN);
            AdminClient onB = new AdminClient(b, TOKEN);
            HttpResponse<String> uploaded = onA.uploadFile("ngay-hoi-robot.txt", TEXT.getBytes(UTF_8), TITLE);
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            String id = AdminClient.json(uploaded).get("document").get("id").asText();
            long start = System.nanoTime();

            long deadline = start + Duration.ofSeconds(10).toNanos();
            while (!onB.searchIds(SEARCH, 5).contains(id)) {
                assertTrue(System.nanoTime() < deadline, "node B did not find the document uploaded on A within 10 s");
                Thread.sleep(100);
            }
            System.out.printf("two nodes: the upload on A was found on B after %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertTrue(onB.documentIds().contains(id), "node B lists the document");
            assertCited(onB.chat(QUESTION), id);

            // A school module saved on A is served by B as well.
            MultipartBody module = new MultipartBody().file("file", MODULE + ".md", "text/markdown",
                    SampleModules.module(MODULE, "Trò chơi ôn tập trên hai máy chủ", "Ôn tập bằng trò chơi.")
                            .getBytes(UTF_8));
            HttpResponse<String> saved = TestServers.send(onA.request("/api/v1/materials")
                    .header("Content-Type", module.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(module.bytes())).build());
            assertEquals(201, saved.statusCode(), saved.body());
            long moduleDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (TestServers.get(b, "/api/v1/materials/" + MODULE).statusCode() != 200) {
                assertTrue(System.nanoTime() < moduleDeadline, "node B did not serve the module saved on A within 10 s");
                Thread.sleep(100);
            }

            // A node that starts after the upload pulls it before its index is built.
            try (TrolysoServer.Running c = node(root.resolve("c"), shared)) {
                AdminClient onC = new AdminClient(c, TOKEN);
                assertTrue(onC.searchIds(SEARCH, 5).contains(id),
                        "the late node serves the document at once");
            }

            // Node A goes away (its clients see the connection drop); B answers the next question on its own index.
            a.stop();
            a = null;
            assertCited(onB.chat(QUESTION), id);

            // A deletion on B reaches a node that was down meanwhile when it comes back.
            assertEquals(200, onB.delete(id).statusCode());
            try (TrolysoServer.Running again = node(root.resolve("a"), shared)) {
                assertTrue(!new AdminClient(again, TOKEN).documentIds().contains(id),
                        "node A, restarted, no longer has the document deleted on B");
            }
        } finally {
            if (a != null) {
                a.stop();
            }
        }
    }

    private static void assertCited(JsonNode answer, String id) {
        List<String> cited = new ArrayList<>();
        answer.get("citations").forEach(c -> cited.add(c.get("documentId").asText()));
        assertEquals(id, cited.isEmpty() ? "" : cited.getFirst(), answer.toString());
        assertTrue(answer.get("answer").asText().contains("14 tháng 3 năm 2031"), answer.toString());
    }

    private static TrolysoServer.Running node(Path dataDir, DatabaseSettings shared) {
        return TestServers.startNode(dataDir, shared, c -> c.adminToken(TOKEN));
    }

    private static DatabaseSettings sharedSchema() throws Exception {
        return TestServers.sharedTestSchema("two_nodes");
    }
}
