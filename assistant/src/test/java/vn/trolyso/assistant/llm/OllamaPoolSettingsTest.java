package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OllamaPoolSettingsTest {
    private static final OllamaSettings BASE = OllamaSettings.from(Map.of(
            "OLLAMA_BASE_URL", "http://school:11434", "OLLAMA_NUM_PARALLEL", "3"));

    @Test
    void withoutTheListThePoolIsTheOneServerOfOllamaBaseUrl() {
        OllamaPoolSettings pool = OllamaPoolSettings.from(Map.of("OLLAMA_BASE_URLS", " "), BASE);
        assertEquals(List.of(new OllamaPoolSettings.Backend("http://school:11434", 3)), pool.backends());
        assertEquals(Duration.ofSeconds(30), pool.probeInterval());
        assertEquals(OllamaPoolSettings.single(BASE), pool);
    }

    @Test
    void eachServerHasItsParallelismOrOllamaNumParallel() {
        OllamaPoolSettings pool = OllamaPoolSettings.from(Map.of(
                "OLLAMA_BASE_URLS", "http://gpu1:11434=4, http://gpu2:11434/ ,http://10.0.0.7:11434=2",
                "OLLAMA_PROBE_INTERVAL", "5s"), BASE);
        assertEquals(List.of(new OllamaPoolSettings.Backend("http://gpu1:11434", 4),
                new OllamaPoolSettings.Backend("http://gpu2:11434", 3),
                new OllamaPoolSettings.Backend("http://10.0.0.7:11434", 2)), pool.backends());
        assertEquals(9, pool.capacity());
        assertEquals(Duration.ofSeconds(5), pool.probeInterval());
    }

    @Test
    void unreadableValuesNameTheirVariable() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.from(Map.of("OLLAMA_BASE_URLS", "gpu1:11434=4"), BASE));
        assertTrue(bad.getMessage().startsWith("OLLAMA_BASE_URLS"), bad.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.from(Map.of("OLLAMA_BASE_URLS", "http://a:1=2,http://A:1=3"), BASE));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.from(Map.of("OLLAMA_BASE_URLS", "http://a:1=0"), BASE));
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.from(Map.of("OLLAMA_PROBE_INTERVAL", "soon"), BASE));
        assertTrue(interval.getMessage().startsWith("OLLAMA_PROBE_INTERVAL"), interval.getMessage());
    }
}
