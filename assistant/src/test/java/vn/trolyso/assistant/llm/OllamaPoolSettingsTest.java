package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaPoolSettingsTest {
    private static final OllamaSettings BASE = OllamaSettings.defaults().withBaseUrl("http://school:11434")
            .withConcurrency(3, OllamaSettings.DEFAULT_MAX_QUEUE);
    private static final Duration PROBE = Duration.ofSeconds(30);

    @Test
    void withoutTheListThePoolIsTheOneServerOfOllamaBaseUrl() {
        OllamaPoolSettings pool = OllamaPoolSettings.of(" ", PROBE, BASE);
        assertEquals(List.of(new OllamaPoolSettings.Backend("http://school:11434", 3)), pool.backends());
        assertEquals(Duration.ofSeconds(30), pool.probeInterval());
        assertEquals(OllamaPoolSettings.single(BASE), pool);
    }

    @Test
    void eachServerHasItsParallelismOrOllamaNumParallel() {
        OllamaPoolSettings pool = OllamaPoolSettings.of(
                "http://gpu1:11434=4, http://gpu2:11434/ ,http://10.0.0.7:11434=2", Duration.ofSeconds(5), BASE);
        assertEquals(List.of(new OllamaPoolSettings.Backend("http://gpu1:11434", 4),
                new OllamaPoolSettings.Backend("http://gpu2:11434", 3),
                new OllamaPoolSettings.Backend("http://10.0.0.7:11434", 2)), pool.backends());
        assertEquals(9, pool.capacity());
        assertEquals(Duration.ofSeconds(5), pool.probeInterval());
    }

    @Test
    void unreadableValuesNameTheirVariable() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.of("gpu1:11434=4", PROBE, BASE));
        assertTrue(bad.getMessage().startsWith("OLLAMA_BASE_URLS"), bad.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> OllamaPoolSettings.of("http://a:1=2,http://A:1=3", PROBE, BASE));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OllamaPoolSettings.of("http://a:1=0", PROBE, BASE));
    }
}
