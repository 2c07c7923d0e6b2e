package vn.trolyso.eval.retrieval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.eval.UsageException;

/** {@code retrieval --dense MODEL}: the hybrid is measured through Ollama's /api/embed, or stops with the reason. */
class RetrievalDenseOptionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private WireMockServer ollama;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        ollama = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        ollama.start();
    }

    @AfterEach
    void stop() {
        ollama.stop();
    }

    private int run(String... args) {
        PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture); // the command prints its table to System.out
            return new RetrievalCommand().run(List.of(args));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void theDevSetIsMeasuredWithSemanticSearchFused() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"model\":\"bge-m3\",\"embeddings\":[{{#each (jsonPath request.body '$.input') as |t|}}"
                        + "{{#unless @first}},{{/unless}}[{{size t}},1,0.5]{{/each}}]}")
                .withTransformers("response-template")));
        Path json = dir.resolve("dense.json");

        int code = run("--dataset", "dev", "--dense", "bge-m3", "--ollama-url", ollama.baseUrl(),
                "--latency-runs", "5", "--latency-rounds", "1", "--out", json.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(code == 0 || code == 1, printed);
        assertTrue(printed.contains("passages embedded"), printed);
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertEquals("bge-m3", figures.get("dense_model").asText());
        assertTrue(figures.get("n").asInt() > 10 && figures.has("p_at_1") && figures.has("p50_ms"), figures.toString());
        assertTrue(ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))).size() > figures.get("n").asInt(),
                "passages in batches, then every question");
    }

    @Test
    void aModelThatCannotEmbedStopsTheCommandWithItsReason() {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"model \\\"bge-m3\\\" not found, try pulling it first\"}")));

        String error = assertThrows(UsageException.class,
                () -> run("--dataset", "dev", "--dense", "bge-m3", "--ollama-url", ollama.baseUrl())).getMessage();

        assertTrue(error.contains("--dense bge-m3: only 0 of") && error.contains("model_not_pulled"), error);
    }
}
