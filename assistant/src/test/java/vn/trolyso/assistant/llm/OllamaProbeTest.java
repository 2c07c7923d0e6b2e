package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaProbeTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();
    private final CircuitBreakerTest.ManualClock clock = new CircuitBreakerTest.ManualClock();

    private OllamaProbe probe() {
        return new OllamaProbe(OllamaStubs.settings(ollama), Duration.ofSeconds(30), clock);
    }

    @Test
    void readyWhenTheModelIsPulled() {
        OllamaStubs.tags(ollama, "llama3.1:8b", OllamaStubs.MODEL);
        OllamaStatus s = probe().status();
        assertTrue(s.usable());
        assertEquals("ready", s.state());
        assertTrue(s.pulledModels().contains("llama3.1:8b"));
    }

    @Test
    void modelMissingNamesThePullCommand() {
        OllamaStubs.tags(ollama, "llama3.1:8b");
        OllamaStatus s = probe().status();
        assertTrue(s.reachable());
        assertFalse(s.modelPulled());
        assertEquals("model_missing", s.state());
        assertTrue(s.vietnameseMessage().contains("ollama pull qwen2.5:7b-instruct"), s.vietnameseMessage());
    }

    @Test
    void untaggedNamesMeanLatest() {
        assertTrue(OllamaProbe.sameModel("gemma3:latest", "gemma3"));
        assertFalse(OllamaProbe.sameModel("gemma3:4b", "gemma3"));
    }

    @Test
    void serverErrorMeansUnreachable() {
        ollama.stubFor(get(urlEqualTo("/api/tags")).willReturn(aResponse().withStatus(500)));
        OllamaStatus s = probe().status();
        assertFalse(s.reachable());
        assertEquals("unreachable", s.state());
    }

    @Test
    void cachesAndRefreshesInTheBackgroundOnceStale() throws InterruptedException {
        OllamaStubs.tags(ollama, OllamaStubs.MODEL);
        OllamaProbe probe = probe();
        probe.status();
        probe.status();
        assertEquals(1, ollama.countRequestsMatching(getRequestedFor(urlEqualTo("/api/tags")).build()).getCount());

        clock.advance(Duration.ofSeconds(31));
        ollama.resetAll();
        OllamaStubs.tags(ollama, "llama3.1:8b");
        assertTrue(probe.status().usable(), "answers from the cache while refreshing");
        for (int i = 0; i < 200 && probe.status().usable(); i++) {
            Thread.sleep(50);
        }
        assertFalse(probe.status().usable(), "the background refresh saw the model disappear");
    }

    @Test
    void disabledNeverCallsOllama() {
        OllamaStatus s = new OllamaProbe(OllamaStubs.settings(ollama).withEnabled(false)).status();
        assertEquals("disabled", s.state());
        assertEquals(0, ollama.getAllServeEvents().size());
    }
}
