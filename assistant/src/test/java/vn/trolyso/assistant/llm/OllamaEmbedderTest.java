package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.knowledge.search.TextEmbedder;

class OllamaEmbedderTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();

    @Test
    void offUnlessAnEmbeddingModelIsNamed() {
        assertTrue(OllamaEmbedder.from(OllamaStubs.settings(ollama), Map.of()).isEmpty());
        assertTrue(OllamaEmbedder.from(OllamaStubs.settings(ollama).withEnabled(false),
                Map.of("OLLAMA_EMBED_MODEL", "bge-m3")).isEmpty());
    }

    @Test
    void embedsThroughApiEmbed() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(okJson("""
                {"model":"bge-m3","embeddings":[[0.1,0.2,0.3],[0.4,0.5,0.6]],"total_duration":14143917,\
                "load_duration":1019500,"prompt_eval_count":8}""")));
        OllamaEmbedder embedder = OllamaEmbedder.from(OllamaStubs.settings(ollama),
                Map.of("OLLAMA_EMBED_MODEL", "bge-m3")).orElseThrow();

        List<float[]> vectors = embedder.embed(List.of("Bình dân học vụ số", "Khung năng lực số"));

        assertEquals(2, vectors.size());
        assertArrayEquals(new float[] {0.4f, 0.5f, 0.6f}, vectors.get(1));
        ollama.verify(postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("bge-m3")))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("Bình dân học vụ số"))));
    }

    @Test
    void missingModelNamesThePullCommand() {
        ollama.stubFor(post(urlEqualTo("/api/embed")).willReturn(OllamaStubs.modelNotFound("bge-m3")));
        OllamaEmbedder embedder = new OllamaEmbedder(OllamaStubs.settings(ollama), "bge-m3");

        TextEmbedder.EmbeddingUnavailableException thrown = assertThrows(
                TextEmbedder.EmbeddingUnavailableException.class, () -> embedder.embed(List.of("x")));

        LlmUnavailableException e = (LlmUnavailableException) thrown.getCause();

        assertEquals(LlmUnavailableException.Reason.MODEL_NOT_PULLED, e.reason());
        assertTrue(e.vietnameseMessage().contains("ollama pull bge-m3"));
        assertEquals(1, ollama.findAll(postRequestedFor(urlEqualTo("/api/embed"))).size(), "no retries");
    }
}
