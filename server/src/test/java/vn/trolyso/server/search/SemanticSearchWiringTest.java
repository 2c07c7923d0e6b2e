package vn.trolyso.server.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * OLLAMA_EMBED_MODEL switches on semantic search in the production wiring: every passage is embedded through
 * /api/embed, the health check tells how far it got, and search keeps answering when the model fails.
 */
class SemanticSearchWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "stub-model:latest";
    private static final String TOKEN = "admin-secret";
    /** One small vector per input text (WireMock templating), so every batch size gets its answer. */
    private static final String EMBED_TEMPLATE = "{\"model\":\"bge-m3\",\"embeddings\":["
            + "{{#each (jsonPath request.body '$.input') as |text|}}{{#unless @first}},{{/unless}}"
            + "[{{size text}},1,0.5]{{/each}}]}";

    @TempDir
    Path dataDir;
    WireMockServer ollama;
    TrolysoServer.Running server;

    @BeforeEach
    void startOllama() {
        ollama = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        ollama.start();
        ollama.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson("{\"models\":[{\"name\":\"" + MODEL
                + "\",\"model\":\"" + MODEL + "\",\"size\":1,\"details\":{\"format\":\"gguf\"}}]}")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        ollama.stop();
    }

    private TrolysoServer.Running start() {
        return TestServers.start(dataDir, c -> c.ollama(URI.create(ollama.baseUrl()), MODEL)
                .ollamaEmbedModel("bge-m3").adminToken(TOKEN));
    }

    private EmbeddingRetriever.Coverage awaitEmbeddingRun() throws Exception {
        return server.services().semanticSearch().orElseThrow().awaitEmbedded(Duration.ofSeconds(60));
    }

    private JsonNode search(String q) throws Exception {
        HttpResponse<String> r = TestServers.send(TestServers.request(server, "/api/v1/search?k=3&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)).header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("hits");
    }

    private String semanticDetail() throws Exception {
        JsonNode health = JSON.readTree(TestServers.get(server, "/observe/health").body());
        return health.findValue("semantic_search").asText();
    }

    @Test
    void everyPassageIsEmbeddedAndQueriesGoThroughTheModel() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(EMBED_TEMPLATE)
                .withTransformers("response-template")));
        server = start();

        EmbeddingRetriever.Coverage c = awaitEmbeddingRun();
        assertTrue(c.complete() && c.passages() > 100, c.toString());
        assertEquals("bge-m3: " + c.passages() + "/" + c.passages() + " passages", semanticDetail());

        int before = ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))).size();
        JsonNode found = search("Chương trình Day of AI do tổ chức nào khởi xướng?");
        assertEquals(3, found.size(), found.toString());
        assertEquals(before + 1, ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))).size(),
                "the question was embedded");
        assertTrue(dataDir.resolve("embeddings").toFile().list().length > 0, "vectors kept for the next start");
    }

    @Test
    void aFailingModelIsReportedAndSearchAnswersFromBm25() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"llama runner process has terminated\"}")));
        server = start();

        EmbeddingRetriever.Coverage c = awaitEmbeddingRun();
        assertEquals(0, c.embedded());
        assertTrue(semanticDetail().startsWith("bge-m3: 0/"), semanticDetail());
        assertTrue(semanticDetail().contains("server_error"), semanticDetail());

        JsonNode found = search("Chương trình Day of AI do tổ chức nào khởi xướng?");
        assertTrue(found.toString().contains("ke-hoach-tap-huan-day-of-ai-do-son"), found.toString());
    }
}
