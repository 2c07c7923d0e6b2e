package vn.trolyso.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.llm.OllamaSettings;

/** The OLLAMA_* variables read into the assistant's {@link OllamaSettings} (moved from the assistant's tests). */
class OllamaSettingsConfigTest {
    private static OllamaSettings from(Map<String, String> env) {
        return ServerConfig.load(env).ollama();
    }

    @Test
    void defaultsPointAtLocalOllama() {
        OllamaSettings s = from(Map.of());
        assertTrue(s.enabled());
        assertEquals("http://localhost:11434", s.baseUrl());
        assertEquals("qwen2.5:7b-instruct", s.model());
        assertEquals(4096, s.numCtx());
    }

    @Test
    void environmentOverridesEveryLimit() {
        OllamaSettings s = from(Map.of(
                "OLLAMA_BASE_URL", "http://gpu-box:11434/", "OLLAMA_MODEL", "gemma3:4b", "OLLAMA_NUM_CTX", "8192",
                "OLLAMA_TEMPERATURE", "0.3", "OLLAMA_KEEP_ALIVE", "10m", "OLLAMA_CONNECT_TIMEOUT", "500ms",
                "OLLAMA_FIRST_TOKEN_TIMEOUT", "PT45S", "OLLAMA_DEADLINE", "90", "OLLAMA_ENABLED", "yes"));
        assertEquals("http://gpu-box:11434", s.baseUrl(), "trailing slash removed");
        assertEquals("gemma3:4b", s.model());
        assertEquals(8192, s.numCtx());
        assertEquals(0.3, s.temperature());
        assertEquals(Duration.ofMinutes(10), s.keepAlive());
        assertEquals(Duration.ofMillis(500), s.connectTimeout());
        assertEquals(Duration.ofSeconds(45), s.firstTokenTimeout());
        assertEquals(Duration.ofSeconds(90), s.overallDeadline());
    }

    @Test
    void theBulkheadIsSetFromTheEnvironmentAndBadValuesNameTheirVariable() {
        OllamaSettings s = from(Map.of("OLLAMA_NUM_PARALLEL", "2", "OLLAMA_MAX_QUEUE", "10"));
        assertEquals(2, s.numParallel());
        assertEquals(10, s.maxQueued());
        assertEquals(OllamaSettings.DEFAULT_NUM_PARALLEL, from(Map.of()).numParallel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("OLLAMA_NUM_PARALLEL", "vài")));
        assertTrue(e.getMessage().contains("OLLAMA_NUM_PARALLEL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("OLLAMA_NUM_PARALLEL", "0")));
    }

    @Test
    void canBeDisabled() {
        assertFalse(from(Map.of("OLLAMA_ENABLED", "false")).enabled());
    }

    @Test
    void badValuesNameTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("OLLAMA_DEADLINE", "soon")));
        assertTrue(e.getMessage().contains("OLLAMA_DEADLINE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("OLLAMA_NUM_CTX", "512")));
        assertThrows(IllegalArgumentException.class,
                () -> from(Map.of("OLLAMA_BASE_URL", "localhost:11434")), "scheme missing");
    }
}
