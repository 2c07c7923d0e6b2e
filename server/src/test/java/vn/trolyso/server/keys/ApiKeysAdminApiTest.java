package vn.trolyso.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;
import vn.trolyso.server.testing.TestServers;

/** The admin-managed API keys over the real HTTP API, on a server that requires a key for every call. */
class ApiKeysAdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "ma-quan-tri-khoa";
    private static final String ENV_KEY = "khoa-moi-truong-789";
    private static final String PORTAL_SITE = "https://truong-thcs.edu.vn";

    @TempDir
    Path dataDir;

    private TrolysoServer.Running start() {
        return TestServers.start(dataDir, c -> c.adminToken(ADMIN)
                .apiKeys(true, List.of(new ApiKey("cong-cu", Secrets.sha256Hex(ENV_KEY), Scope.PORTAL))), b -> b);
    }

    private static HttpResponse<String> call(TrolysoServer.Running server, String method, String path, String json,
                                             String token, String key, String origin) {
        HttpRequest.Builder b = TestServers.request(server, path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return TestServers.send(b.build());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return json(r).path("error").path("code").asText();
    }

    @Test
    void aCreatedKeyWorksAtOnceAndARevokedOneIsRefusedAtOnce() throws Exception {
        try (TrolysoServer.Running server = start()) {
            String create = "{\"name\":\"Widget cổng trường\",\"scopes\":[\"widget\"],"
                    + "\"allowedOrigins\":[\"" + PORTAL_SITE + "/\"],\"expiresAt\":\"2099-12-31\"}";
            assertEquals(401, call(server, "POST", "/api/v1/keys", create, null, null, null).statusCode());
            assertEquals(401, call(server, "POST", "/api/v1/keys", create, "sai", null, null).statusCode());
            assertEquals(401, call(server, "GET", "/api/v1/keys", null, null, ENV_KEY, null).statusCode());

            HttpResponse<String> created = call(server, "POST", "/api/v1/keys", create, ADMIN, null, null);
            assertEquals(201, created.statusCode(), created.body());
            JsonNode k = json(created);
            String id = k.get("id").asText();
            String secret = k.get("key").asText();
            assertTrue(secret.startsWith("tls_") && secret.length() >= 36, secret);
            assertEquals("/api/v1/keys/" + id, created.headers().firstValue("Location").orElseThrow());
            assertEquals("[\"chat\",\"learning\"]", k.get("scopes").toString());
            assertEquals("[\"" + PORTAL_SITE + "\"]", k.get("allowedOrigins").toString());
            assertEquals("active", k.get("status").asText());
            assertTrue(k.get("expiresAt").asText().startsWith("2100-01-01T00:00+07:00"), k.toString());

            // listed without its secret
            HttpResponse<String> list = call(server, "GET", "/api/v1/keys", null, ADMIN, null, null);
            assertEquals(200, list.statusCode());
            assertFalse(list.body().contains(secret));
            assertEquals(id, json(list).get("keys").get(0).get("id").asText());
            assertFalse(json(list).get("keys").get(0).has("key"));
            assertEquals("cong-cu", json(list).get("environmentKeys").get(0).get("id").asText());

            // works at once, for what the widget needs only
            assertEquals(401, call(server, "GET", "/api/v1/materials", null, null, null, null).statusCode());
            assertEquals(200, call(server, "GET", "/api/v1/materials", null, null, secret, null).statusCode());
            HttpResponse<String> framework = call(server, "GET", "/api/v1/framework", null, null, secret, null);
            assertEquals(403, framework.statusCode());
            assertEquals("forbidden_scope", code(framework));
            // from its page, even though TROLYSO_ALLOWED_ORIGINS is empty; from another site, refused with the reason
            HttpResponse<String> fromPortal = call(server, "GET", "/api/v1/materials", null, null, secret, PORTAL_SITE);
            assertEquals(200, fromPortal.statusCode(), fromPortal.body());
            assertEquals(PORTAL_SITE, fromPortal.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            HttpResponse<String> elsewhere = call(server, "GET", "/api/v1/materials", null, null, secret,
                    "https://trang-khac.example");
            assertEquals(403, elsewhere.statusCode());
            assertEquals("origin_not_allowed", code(elsewhere));
            assertTrue(json(elsewhere).path("error").path("message").asText().contains("https://trang-khac.example"));
            // the environment key keeps working
            assertEquals(200, call(server, "GET", "/api/v1/framework", null, null, ENV_KEY, null).statusCode());

            // stored hashed: the digest, never the key
            try (Connection c = server.services().database().connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM api_key")) {
                assertTrue(rs.next());
                assertEquals(Secrets.sha256Hex(secret), rs.getString("key_sha256"));
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(secret.substring(8)), rs.getMetaData().getColumnName(i));
                }
            }

            HttpResponse<String> revoked = call(server, "DELETE", "/api/v1/keys/" + id, null, ADMIN, null, null);
            assertEquals(200, revoked.statusCode(), revoked.body());
            assertEquals("revoked", json(revoked).get("status").asText());
            HttpResponse<String> after = call(server, "GET", "/api/v1/materials", null, null, secret, null);
            assertEquals(401, after.statusCode());
            assertEquals("invalid_api_key", code(after));
            assertEquals("revoked", json(call(server, "GET", "/api/v1/keys", null, ADMIN, null, null))
                    .get("keys").get(0).get("status").asText());

            assertEquals("environment_key", code(call(server, "DELETE", "/api/v1/keys/cong-cu", null, ADMIN, null, null)));
            assertEquals("unknown_api_key", code(call(server, "DELETE", "/api/v1/keys/k-khong-co", null, ADMIN, null, null)));
        }
    }

    @Test
    void keysAreKeptAcrossARestart() throws Exception {
        String secret;
        try (TrolysoServer.Running server = start()) {
            secret = json(call(server, "POST", "/api/v1/keys", "{\"name\":\"Cổng thông tin\",\"scopes\":\"portal\"}",
                    ADMIN, null, null)).get("key").asText();
            assertEquals(200, call(server, "GET", "/api/v1/framework", null, null, secret, null).statusCode());
        }
        try (TrolysoServer.Running server = start()) {
            assertEquals(200, call(server, "GET", "/api/v1/framework", null, null, secret, null).statusCode());
        }
    }

    @Test
    void anExpiredKeyIsRefusedWithItsOwnReason() throws Exception {
        String secret;
        try (TrolysoServer.Running server = start()) {
            secret = json(call(server, "POST", "/api/v1/keys", "{\"name\":\"Tạm thời\",\"scopes\":[\"widget\"],"
                    + "\"expiresAt\":\"2099-01-01\"}", ADMIN, null, null)).get("key").asText();
            assertEquals(200, call(server, "GET", "/api/v1/materials", null, null, secret, null).statusCode());
        }
        try (vn.trolyso.assistant.store.Database db = vn.trolyso.assistant.store.Database.open(dataDir);
             Connection c = db.connection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE api_key SET expires_at = TIMESTAMP WITH TIME ZONE "
                    + "'2020-01-01 00:00:00+07'"));
        }
        try (TrolysoServer.Running server = start()) {
            HttpResponse<String> r = call(server, "GET", "/api/v1/materials", null, null, secret, null);
            assertEquals(401, r.statusCode());
            assertEquals("expired_api_key", code(r));
            assertEquals("expired", json(call(server, "GET", "/api/v1/keys", null, ADMIN, null, null))
                    .get("keys").get(0).get("status").asText());
        }
    }

    @Test
    void refusesWhatCannotBeAKey() throws Exception {
        try (TrolysoServer.Running server = start()) {
            assertEquals("missing_name", code(call(server, "POST", "/api/v1/keys", "{\"scopes\":[\"chat\"]}",
                    ADMIN, null, null)));
            assertEquals("missing_scopes", code(call(server, "POST", "/api/v1/keys", "{\"name\":\"A\"}",
                    ADMIN, null, null)));
            assertEquals("invalid_scope", code(call(server, "POST", "/api/v1/keys",
                    "{\"name\":\"A\",\"scopes\":[\"admin\"]}", ADMIN, null, null)));
            assertEquals("invalid_origin", code(call(server, "POST", "/api/v1/keys",
                    "{\"name\":\"A\",\"scopes\":[\"chat\"],\"allowedOrigins\":[\"https://a.edu.vn/trang\"]}",
                    ADMIN, null, null)));
            // a key readable in a page may not search or list documents
            HttpResponse<String> broad = call(server, "POST", "/api/v1/keys",
                    "{\"name\":\"A\",\"scopes\":[\"portal\"],\"allowedOrigins\":[\"https://a.edu.vn\"]}", ADMIN, null, null);
            assertEquals(400, broad.statusCode());
            assertEquals("browser_key_scope", code(broad));
            assertEquals("invalid_expiry", code(call(server, "POST", "/api/v1/keys",
                    "{\"name\":\"A\",\"scopes\":[\"chat\"],\"expiresAt\":\"hôm qua\"}", ADMIN, null, null)));
            assertEquals("expiry_in_past", code(call(server, "POST", "/api/v1/keys",
                    "{\"name\":\"A\",\"scopes\":[\"chat\"],\"expiresAt\":\"2020-01-01\"}", ADMIN, null, null)));
            assertNull(json(call(server, "GET", "/api/v1/keys", null, ADMIN, null, null)).get("keys").get(0));
        }
    }
}
