package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;
import vn.trolyso.server.testing.TestServers;

/** offset/limit on documents, materials and search (docs/api.md "Pagination") over a running server. */
class PaginationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "portal-paging-key";
    private static final String QUERY = "/api/v1/search?q="
            + URLEncoder.encode("chuyển đổi số trong giáo dục", StandardCharsets.UTF_8);
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c.apiKeys(false,
                List.of(new ApiKey("portal", Secrets.sha256Hex(KEY), Scope.PORTAL))));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) {
        return TestServers.send(TestServers.request(server, path).header("X-API-Key", KEY).GET().build());
    }

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private static String sep(String path) {
        return path.contains("?") ? "&" : "?";
    }

    /** Pages through the list 3 at a time: the same items as one big page, in order, each once; total right. */
    private static void pagesCoverEverythingOnce(String path, String field, Function<JsonNode, String> key,
            String allParams) throws Exception {
        JsonNode whole = ok(path + sep(path) + allParams);
        List<String> expected = new ArrayList<>();
        whole.get(field).forEach(n -> expected.add(key.apply(n)));
        int total = whole.get("total").asInt();
        assertEquals(expected.size(), total, whole.toString());
        assertTrue(total > 3, path + ": too few items to page through: " + total);
        assertEquals(total, new HashSet<>(expected).size(), "items of " + path + " are not distinct");

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < total + 3; offset += 3) {
            JsonNode page = ok(path + sep(path) + "offset=" + offset + "&limit=3");
            assertEquals(total, page.get("total").asInt());
            assertEquals(offset, page.get("offset").asInt());
            assertEquals(3, page.get("limit").asInt());
            assertEquals(Math.max(0, Math.min(3, total - offset)), page.get(field).size(), page.toString());
            page.get(field).forEach(n -> paged.add(key.apply(n)));
        }
        assertEquals(expected, paged);
    }

    @Test
    void documentsPageThroughEveryDocumentOnce() throws Exception {
        pagesCoverEverythingOnce("/api/v1/documents", "documents", n -> n.get("documentId").asText(), "");
    }

    @Test
    void materialsPageThroughEveryModuleOnce() throws Exception {
        pagesCoverEverythingOnce("/api/v1/materials", "materials", n -> n.get("id").asText(), "");
    }

    @Test
    void searchPagesThroughTheFirstFiftyHitsOnce() throws Exception {
        pagesCoverEverythingOnce(QUERY, "hits",
                n -> n.get("documentId").asText() + "|" + n.get("section").asText() + "|" + n.get("text").asText(),
                "limit=50");
    }

    @Test
    void listsWithoutParametersStillReturnEverything() throws Exception {
        JsonNode docs = ok("/api/v1/documents");
        assertEquals(docs.get("total").asInt(), docs.get("documents").size());
        assertEquals(0, docs.get("offset").asInt());
        assertTrue(docs.has("timeZone"));
        JsonNode materials = ok("/api/v1/materials");
        assertEquals(materials.get("total").asInt(), materials.get("materials").size());
    }

    @Test
    void searchKeepsKAsTheOlderNameOfLimit() throws Exception {
        JsonNode byK = ok(QUERY + "&k=4");
        assertEquals(4, byK.get("hits").size());
        assertEquals(4, byK.get("limit").asInt());
        assertEquals(byK.get("hits"), ok(QUERY + "&limit=4").get("hits"));
        assertEquals(5, ok(QUERY).get("limit").asInt()); // the default
    }

    @Test
    void badOffsetOrLimitIs400WithAStableCode() throws Exception {
        for (String base : List.of("/api/v1/documents?", "/api/v1/materials?", QUERY + "&")) {
            assertError("invalid_offset", base + "offset=-1");
            assertError("invalid_offset", base + "offset=abc");
            assertError("invalid_limit", base + "limit=0");
            assertError("invalid_limit", base + "limit=-5");
            assertError("invalid_limit", base + "limit=x");
        }
        assertError("invalid_limit", "/api/v1/documents?limit=1001");
        assertError("invalid_limit", "/api/v1/materials?limit=1001");
        assertError("invalid_limit", QUERY + "&limit=51");
    }

    private static void assertError(String code, String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + " → " + r.body());
        assertEquals(code, JSON.readTree(r.body()).path("error").path("code").asText(), path);
    }
}
