package vn.trolyso.assistant.rag;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.llm.OllamaStubServer;
import vn.trolyso.assistant.llm.OllamaStubs;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;

/** The generative path over the real Lucene index of the bundled corpus (Ollama stubbed). */
class GenerativeOverRealIndexTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();
    @TempDir
    Path dataDir;

    @Test
    void theRealIndexSuppliesTheCitedPassageWithinTheBudget() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir))) {
            OllamaStubs.tags(ollama, OllamaStubs.MODEL);
            OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson(
                    "Đến năm 2030, trên 90% phụ huynh học sinh có tri thức cơ bản về chuyển đổi số [1].")));
            GenerativeAnswerer answerer = GenerativeAnswerer.create(OllamaStubs.settings(ollama), kb);
            List<String> tokens = new ArrayList<>();

            GenerativeResult r = answerer.answer(
                    "Đến năm 2030 bao nhiêu phần trăm phụ huynh học sinh ở Kiến An có kỹ năng số?", List.of(),
                    UserProfile.UNKNOWN, tokens::add);

            assertTrue(r.grounded());
            assertTrue(r.sources().stream().anyMatch(p -> p.text().contains("Trên 90% phụ huynh học sinh")),
                    "the 2030 target is among the sources");
            Citation c = CitationMapper.map(r.text(), r.sources()).citations().getFirst();
            assertEquals(r.sources().getFirst().document().id(), c.documentId());

            JsonNode body = new ObjectMapper().readTree(
                    ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).getFirst().getBodyAsString());
            JsonNode messages = body.get("messages");
            String prompt = messages.get(0).get("content").asText()
                    + messages.get(messages.size() - 1).get("content").asText();
            assertTrue(prompt.contains("Trên 90% phụ huynh học sinh"), "the passage text reached the model");
            int estimated = new VietnameseTokenEstimator().estimateTokenCountInText(prompt);
            assertTrue(estimated <= PromptBuilder.CONTEXT_BUDGET, "prompt of " + estimated + " estimated tokens");
        }
    }
}
