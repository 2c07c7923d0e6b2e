package vn.trolyso.server.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Searches keep being answered while the index is rebuilt: several loopback clients search in a loop (bounded in
 * count and time) while an upload and a manual re-index run; no request fails and each client's results switch
 * once, for good, to include the new document.
 */
class ReindexUnderLoadTest {
    static final String TOKEN = "admin-test-token";
    static final int CLIENTS = 4;
    static final int MAX_REQUESTS_PER_CLIENT = 3000;
    static final Duration MAX_TIME = Duration.ofSeconds(60);
    static final String QUERY = "lịch trực thư viện xanh vào giờ ra chơi";

    record ClientRun(int requests, int failures, List<String> failureSamples, boolean switched, boolean flippedBack,
                     int duringRebuild) {
    }

    @Test
    void searchesDuringReindexNeverFailAndSwitchToTheNewDocument(@TempDir Path dataDir) throws Exception {
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(TOKEN))) {
            AdminClient admin = new AdminClient(server, TOKEN);
            String id = "tl-lich-truc-thu-vien-xanh";
            assertTrue(!admin.searchIds(QUERY, 10).contains(id));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger started = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<ClientRun>> runs = new ArrayList<>();
            long deadline = System.nanoTime() + MAX_TIME.toNanos();
            for (int i = 0; i < CLIENTS; i++) {
                runs.add(pool.submit(() -> searchLoop(server, admin, id, stop, started, deadline)));
            }
            AdminClient.await("the clients to start", Duration.ofSeconds(10), started::get, n -> n == CLIENTS);

            HttpResponse<String> upload = admin.uploadFile("thu-vien.txt", ("Lịch trực thư viện xanh: mỗi giờ ra"
                    + " chơi, hai học sinh lớp 5 trực thư viện xanh và ghi sổ mượn sách.").getBytes(UTF_8),
                    "Lịch trực thư viện xanh");
            assertEquals(201, upload.statusCode(), upload.body());
            assertEquals(202, admin.reindex().statusCode());
            AdminClient.await("the index to include the upload and the indexer to be idle", Duration.ofSeconds(45),
                    () -> admin.indexing().get("state").asText().equals("idle") && admin.searchIds(QUERY, 10).contains(id),
                    done -> done);
            stop.set(true);
            pool.shutdown();

            int total = 0;
            int duringRebuild = 0;
            for (Future<ClientRun> f : runs) {
                ClientRun run = f.get();
                total += run.requests();
                duringRebuild += run.duringRebuild();
                assertEquals(0, run.failures(), "failed searches: " + run.failureSamples());
                assertTrue(run.switched(), "a client never saw the new document: " + run);
                assertTrue(!run.flippedBack(), "results flipped back to the old index: " + run);
            }
            assertTrue(total > CLIENTS, "too few searches: " + total);
            assertTrue(duringRebuild > 0, "no search ran while the index was being rebuilt (" + total + " searches)");
            assertEquals("", admin.indexing().get("lastError").asText());
        }
    }

    private static ClientRun searchLoop(TrolysoServer.Running server, AdminClient admin, String id, AtomicBoolean stop,
                                        AtomicInteger started, long deadline) {
        started.incrementAndGet();
        int requests = 0;
        int failures = 0;
        int duringRebuild = 0;
        boolean switched = false;
        boolean flippedBack = false;
        List<String> samples = new ArrayList<>();
        String path = "/api/v1/search?k=10&q=" + URLEncoder.encode(QUERY, UTF_8);
        while (!stop.get() && requests < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline) {
            boolean rebuilding = server.services().documents().indexer().status().state().equals("running");
            requests++;
            try {
                HttpResponse<String> r = TestServers.send(admin.request(path).GET().build());
                if (r.statusCode() != 200) {
                    failures++;
                    if (samples.size() < 3) {
                        samples.add(r.statusCode() + " " + r.body());
                    }
                    continue;
                }
                if (rebuilding) {
                    duringRebuild++;
                }
                boolean has = r.body().contains("\"documentId\":\"" + id + "\"");
                flippedBack |= switched && !has;
                switched |= has;
            } catch (RuntimeException e) {
                failures++;
                if (samples.size() < 3) {
                    samples.add(e.toString());
                }
            }
        }
        return new ClientRun(requests, failures, samples, switched, flippedBack, duringRebuild);
    }
}
