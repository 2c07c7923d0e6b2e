package vn.trolyso.assistant.rag;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaStubServer;
import vn.trolyso.assistant.llm.OllamaStubs;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkDocument;
import vn.trolyso.knowledge.framework.FrameworkLoader;

/** Framework questions in generative mode: the model calls a FrameworkTools look-up whose result it then cites. */
class FrameworkToolsGenerativeTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();

    @Test
    void toolResultBecomesTheCitedSource() throws Exception {
        CompetencyFramework framework = FrameworkLoader.loadBundled();
        OllamaStubs.tags(ollama, OllamaStubs.MODEL);
        // Ollama's real tool-call shape: arguments are a JSON object, content is empty.
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(okJson("""
                        {"model":"%s","created_at":"2025-10-01T08:00:00Z","message":{"role":"assistant","content":"",\
                        "tool_calls":[{"function":{"name":"framework_requirements",\
                        "arguments":{"competency":"4.2","grade":7}}}]},"done":true,"done_reason":"stop",\
                        "prompt_eval_count":400,"eval_count":30}""".formatted(OllamaStubs.MODEL))));
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(OllamaStubs.streaming(OllamaStubs.ndjson("Học sinh lớp 7 cần đạt yêu cầu ở bậc 3 [1]."))));
        CorpusSearch corpus = new CorpusSearch();
        GenerativeAnswerer answerer = new RagGenerativeAnswerer(OllamaGateway.create(OllamaStubs.settings(ollama)),
                corpus, framework);
        List<String> tokens = new ArrayList<>();

        GenerativeResult result = answerer.answer(
                "Theo khung năng lực số, học sinh lớp 7 cần đạt gì ở năng lực 4.2?",
                List.of(), new UserProfile(Role.GIAO_VIEN, 7), tokens::add);

        ObjectMapper json = new ObjectMapper();
        JsonNode toolRequest = json.readTree(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))).getFirst().getBodyAsString());
        List<String> offered = new ArrayList<>();
        toolRequest.get("tools").forEach(t -> offered.add(t.at("/function/name").asText()));
        assertTrue(offered.contains("framework_requirements"), offered.toString());

        String descriptor = framework.competency("4.2").orElseThrow().descriptor(3).orElseThrow();
        assertEquals(FrameworkDocument.ID, result.sources().getFirst().document().id());
        assertTrue(result.sources().getFirst().text().contains(descriptor), result.sources().getFirst().text());
        Citation c = CitationMapper.map(result.text(), result.sources()).citations().getFirst();
        assertEquals(FrameworkDocument.ID, c.documentId());

        JsonNode answerRequest = json.readTree(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))).getFirst().getBodyAsString());
        JsonNode messages = answerRequest.get("messages");
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(user.contains(descriptor), "the looked-up requirement is source [1] of the prompt");
    }
}
