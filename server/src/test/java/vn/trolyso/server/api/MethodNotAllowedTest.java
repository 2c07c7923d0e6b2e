package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * A path two services serve (GET /documents is the search service's, POST the document administration's; GET
 * /materials/{id} the learning API's, DELETE the module administration's) answers other methods with 405 listing
 * both, whatever order the services registered in.
 */
class MethodNotAllowedTest {
    private static final String ADMIN = "quan-tri-405";

    @Test
    void pathsSharedByTwoServicesListEveryMethod(@TempDir Path dir) {
        try (TrolysoServer.Running server = TestServers.start(dir, c -> c.adminToken(ADMIN), b -> b)) {
            assertAllow(server, "/api/v1/documents", "GET, POST");
            assertAllow(server, "/api/v1/materials", "GET, POST");
            assertAllow(server, "/api/v1/materials/an-toan-mang", "GET, DELETE");
            assertAllow(server, "/api/v1/keys", "GET, POST");
        }
    }

    private static void assertAllow(TrolysoServer.Running server, String path, String allow) {
        HttpResponse<String> r = TestServers.send(TestServers.request(server, path)
                .header("Authorization", "Bearer " + ADMIN)
                .method("PUT", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, r.statusCode(), path + ": " + r.body());
        assertEquals(allow, r.headers().firstValue("Allow").orElse(""), path);
        assertTrue(r.body().contains("\"method_not_allowed\""), r.body());
    }
}
