package vn.trolyso.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;

class ServerConfigTest {
    @Test
    void defaultsComeFromApplicationYaml() {
        ServerConfig c = ServerConfig.load(Map.of());
        assertEquals(8080, c.port());
        assertEquals(Path.of("./data"), c.dataDir());
        assertTrue(c.adminToken().isEmpty(), "admin routes closed by default");
        assertFalse(c.requireApiKey());
        assertTrue(c.anonymousScopes().contains(Scope.CHAT));
        assertFalse(c.anonymousScopes().contains(Scope.SEARCH));
        assertEquals(2000, c.limits().maxMessageChars());
        assertTrue(c.logQuestions());
        assertTrue(c.ollamaEmbedModel().isEmpty(), "semantic search off by default");
    }

    @Test
    void anEmbeddingModelSwitchesOnSemanticSearch() {
        assertEquals("bge-m3", ServerConfig.load(Map.of("OLLAMA_EMBED_MODEL", "bge-m3")).ollamaEmbedModel().orElseThrow());
        assertTrue(ServerConfig.load(Map.of("OLLAMA_EMBED_MODEL", " ")).ollamaEmbedModel().isEmpty());
    }

    @Test
    void environmentOverridesTheYaml() {
        String hash = Secrets.sha256Hex("k1");
        ServerConfig c = ServerConfig.load(Map.of("SERVER_PORT", "9090", "TROLYSO_DATA_DIR", "/var/lib/trolyso",
                "OLLAMA_BASE_URL", "http://gpu:11434", "OLLAMA_MODEL", "gemma3:4b", "TROLYSO_ADMIN_TOKEN", "t0ken",
                "TROLYSO_REQUIRE_API_KEY", "true", "TROLYSO_API_KEYS", "school-portal:portal:" + hash,
                "TROLYSO_ALLOWED_ORIGINS", "https://a.edu.vn, https://b.edu.vn", "TROLYSO_MAX_MESSAGE_CHARS", "1000",
                "TROLYSO_LOG_QUESTIONS", "false"));
        assertEquals(9090, c.port());
        assertEquals(Path.of("/var/lib/trolyso"), c.dataDir());
        assertEquals("http://gpu:11434", c.ollamaBaseUrl().toString());
        assertEquals("gemma3:4b", c.ollamaModel());
        assertEquals("t0ken", c.adminToken().orElseThrow());
        assertTrue(c.requireApiKey());
        assertEquals("school-portal", c.apiKeys().getFirst().id());
        assertEquals(Scope.PORTAL, c.apiKeys().getFirst().scopes());
        assertEquals(java.util.List.of("https://a.edu.vn", "https://b.edu.vn"), c.allowedOrigins());
        assertEquals(1000, c.limits().maxMessageChars());
        assertFalse(c.logQuestions());
    }

    @Test
    void badValuesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(Map.of("SERVER_PORT", "eighty")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(Map.of("TROLYSO_API_KEYS", "x:chat:short")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(Map.of("TROLYSO_API_KEYS",
                "x:everything:" + Secrets.sha256Hex("k"))));
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.load(Map.of("TROLYSO_ALLOWED_ORIGINS", "https://a.edu.vn/path")));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(Map.of("TROLYSO_REQUIRE_API_KEY", "maybe")));
        assertEquals(Set.of(Scope.CHAT, Scope.SEARCH), Scope.parse(java.util.List.of("chat+search")));
    }
}
