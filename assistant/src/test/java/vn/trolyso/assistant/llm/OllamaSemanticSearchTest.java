package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;

/** Semantic search against Ollama's real /api/embed contract: one batch for the passages, one call per query. */
class OllamaSemanticSearchTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();

    /** In the order the batch request sends them, so the stubbed vectors below belong to them in turn. */
    private static final Map<String, String> PASSAGES = new LinkedHashMap<>();

    static {
        PASSAGES.put("a#0", "Ứng dụng trí tuệ nhân tạo trong dạy học");
        PASSAGES.put("a#1", "An toàn số cho học sinh lớp 7");
        PASSAGES.put("a#2", "Kinh phí tập huấn");
    }

    private static String embeddings(String vectors) {
        return "{\"model\":\"bge-m3\",\"embeddings\":" + vectors + ",\"total_duration\":1000,\"prompt_eval_count\":9}";
    }

    @Test
    void passagesAreEmbeddedInOneBatchAndQueriesRankedByCosine() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.input[2]"))
                .withRequestBody(matchingJsonPath("$.input[1]", equalTo("An toàn số cho học sinh lớp 7")))
                .willReturn(okJson(embeddings("[[1,0,0],[0,1,0],[0,0,1]]"))));
        ollama.stubFor(post(urlEqualTo("/api/embed")).atPriority(2)
                .willReturn(okJson(embeddings("[[0.1,0.9,0.2]]"))));
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(
                new OllamaEmbedder(OllamaStubs.settings(ollama), "bge-m3"), null)) {
            retriever.passagesChanged(PASSAGES);
            assertTrue(retriever.awaitEmbedded(Duration.ofSeconds(10)).complete());

            assertEquals(List.of("a#1", "a#2", "a#0"), retriever.retrieve("online safety", 3));
        }
        assertEquals(1, ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.input[2]"))).size(), "the passages in one request");
        assertEquals(1, ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("online safety")))).size());
    }

    @Test
    void anOllamaErrorLeavesSemanticSearchEmptyWithTheReason() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"llama runner process has terminated\"}")));
        try (EmbeddingRetriever retriever = new EmbeddingRetriever(
                new OllamaEmbedder(OllamaStubs.settings(ollama), "bge-m3"), null)) {
            retriever.passagesChanged(PASSAGES);
            EmbeddingRetriever.Coverage c = retriever.awaitEmbedded(Duration.ofSeconds(10));

            assertEquals(0, c.embedded());
            assertTrue(c.lastError().startsWith("server_error"), c.lastError());
            assertEquals(List.of(), retriever.retrieve("online safety", 3));
        }
    }
}
