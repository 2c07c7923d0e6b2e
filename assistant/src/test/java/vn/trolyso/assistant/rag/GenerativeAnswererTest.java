package vn.trolyso.assistant.rag;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trolyso.assistant.Citation;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.llm.LlmUnavailableException.Reason;
import vn.trolyso.assistant.llm.OllamaStubServer;
import vn.trolyso.assistant.llm.OllamaStubs;

/** The generative answerer against WireMock speaking Ollama's HTTP API, over real corpus passages. */
class GenerativeAnswererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();

    private CorpusSearch corpus;
    private GenerativeAnswerer answerer;
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void reset() {
        OllamaStubs.tags(ollama, OllamaStubs.MODEL);
        corpus = new CorpusSearch();
        answerer = GenerativeAnswerer.create(OllamaStubs.settings(ollama), corpus);
    }

    /** The JSON body of the only /api/chat request. */
    private static JsonNode chatRequest() throws Exception {
        List<LoggedRequest> requests = ollama.findAll(postRequestedFor(urlEqualTo("/api/chat")));
        assertEquals(1, requests.size());
        return JSON.readTree(requests.getFirst().getBodyAsString());
    }

    @Test
    void groundedAnswerWithCitationsAndThePromptActuallySent() throws Exception {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson(
                "Đến năm 2030, trên 90% phụ huynh học sinh ", "có tri thức cơ bản về chuyển đổi số [1]. ",
                "Nguồn [9] không tồn tại.")));
        String question = "Mục tiêu đến năm 2030 về phụ huynh học sinh có kỹ năng số ở Kiến An là gì?";

        GenerativeResult result = answerer.answer(question, List.of(), UserProfile.UNKNOWN, tokens::add);

        assertTrue(result.grounded());
        assertTrue(result.text().contains("[9]"), "the raw text keeps the model's markers");
        CitationMapper.Mapped mapped = CitationMapper.map(result.text(), result.sources());
        assertEquals(mapped.text(), String.join("", tokens), "the user watched the final, mapped text arrive");
        assertEquals(1, mapped.citations().size(), "the [9] pointing at nothing is dropped");
        Citation c = mapped.citations().getFirst();
        assertEquals(result.sources().getFirst().document().id(), c.documentId());
        assertFalse(mapped.text().contains("[9]"));

        JsonNode body = chatRequest();
        assertEquals(OllamaStubs.MODEL, body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        assertEquals(4096, body.at("/options/num_ctx").asInt());
        assertEquals(700, body.at("/options/num_predict").asInt());
        JsonNode messages = body.get("messages");
        assertEquals("system", messages.get(0).get("role").asText());
        assertTrue(messages.get(0).get("content").asText().contains("Chỉ trả lời dựa trên các nguồn được đánh số"));
        String user = messages.get(messages.size() - 1).get("content").asText();
        assertTrue(user.contains("[1] " + result.sources().getFirst().document().title()), user);
        assertTrue(user.contains(result.sources().getFirst().text()), "the cited passage text is in the prompt");
        assertTrue(user.contains("Câu hỏi: " + question), user);
        int estimated = new VietnameseTokenEstimator().estimateTokenCountInText(
                messages.get(0).get("content").asText() + user);
        assertTrue(estimated <= PromptBuilder.CONTEXT_BUDGET, "prompt of " + estimated + " estimated tokens");
    }

    @Test
    void followUpIsRewrittenWithTheLlmAndTheRewriteDrivesRetrieval() throws Exception {
        ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .willReturn(OllamaStubs.completeJson("Câu hỏi độc lập: \"Kiến An đặt mục tiêu gì cho phụ huynh học "
                        + "sinh đến năm 2030?\"")));
        List<Turn> history = List.of(new Turn("Kiến An đặt mục tiêu gì cho phụ huynh năm 2025?",
                "Kiến An đặt mục tiêu gì cho phụ huynh năm 2025?",
                "Đạt 80% phụ huynh học sinh có tri thức cơ bản về chuyển đổi số [1]."));

        String standalone = answerer.rewriteFollowUp(history, "Còn đến năm 2030?");

        assertEquals("Kiến An đặt mục tiêu gì cho phụ huynh học sinh đến năm 2030?", standalone);
        JsonNode body = chatRequest();
        assertFalse(body.get("stream").asBoolean());
        String prompt = body.get("messages").get(1).get("content").asText();
        assertTrue(prompt.contains("Người dùng: Kiến An đặt mục tiêu gì cho phụ huynh năm 2025?"), prompt);
        assertTrue(prompt.contains("Câu hỏi tiếp theo: Còn đến năm 2030?"), prompt);
        assertFalse(prompt.contains("[1]"), "old markers are dropped");

        ollama.resetAll();
        OllamaStubs.tags(ollama, OllamaStubs.MODEL);
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson("Trên 90% phụ huynh [1].")));
        answerer.answer(standalone, history, UserProfile.UNKNOWN, tokens::add);

        assertEquals(standalone, corpus.queries.getLast(), "retrieval used the rewritten question");
        JsonNode messages = chatRequest().get("messages");
        assertEquals("user", messages.get(1).get("role").asText(), "the earlier turn is in the chat memory");
        assertEquals("assistant", messages.get(2).get("role").asText());
        assertTrue(messages.get(messages.size() - 1).get("content").asText().contains("Câu hỏi: " + standalone));
        VietnameseTokenEstimator estimator = new VietnameseTokenEstimator();
        int total = 0;
        for (JsonNode m : messages) {
            total += 4 + estimator.estimateTokenCountInText(m.get("content").asText());
        }
        assertTrue(total <= PromptBuilder.CONTEXT_BUDGET, "whole context with history: " + total + " tokens");
    }

    @Test
    void noHistoryMeansNoRewriteCall() throws Exception {
        assertEquals("Thế còn THCS?", answerer.rewriteFollowUp(List.of(), "Thế còn THCS?"));
        assertEquals(0, ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).size());
    }

    @Test
    void unusableRewriteKeepsTheQuestion() {
        assertEquals("Còn THCS?", RagGenerativeAnswerer.cleanRewrite("  \n ", "Còn THCS?"));
        assertEquals("Kế hoạch dành cho THCS là gì?",
                RagGenerativeAnswerer.cleanRewrite("**Câu hỏi viết lại:** Kế hoạch dành cho THCS là gì?", "x"));
    }

    @Test
    void nothingRetrievedMeansNoLlmCall() throws Exception {
        GenerativeResult r = answerer.answer("Xyzzy qwerty?", List.of(), UserProfile.UNKNOWN, tokens::add);
        assertFalse(r.grounded());
        assertTrue(r.notInSources());
        assertTrue(tokens.isEmpty());
        assertEquals(0, ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).size());
    }

    @Test
    void pupilProfileReachesThePrompt() throws Exception {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.ndjson("Em cần [1].")));
        answerer.answer("Học sinh cần làm gì để an toàn trên không gian mạng?", List.of(),
                new UserProfile(Role.HOC_SINH, 4), tokens::add);
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing("Người hỏi là học sinh lớp 4")));
    }

    @Test
    void failureBeforeAnyTokenLetsTheCallerFallBack() {
        OllamaStubs.chat(ollama, aResponse().withStatus(500));
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> answerer.answer(
                "Mục tiêu đến năm 2030 của Kiến An là gì?", List.of(), UserProfile.UNKNOWN, tokens::add));
        assertEquals(Reason.SERVER_ERROR, e.reason());
        assertFalse(e.tokensEmitted());
        assertTrue(tokens.isEmpty());
    }

    @Test
    void cutOffStreamEndsWithANotice() {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.chunk("Theo kế hoạch, ") + "\n"));
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> answerer.answer(
                "Mục tiêu đến năm 2030 của Kiến An là gì?", List.of(), UserProfile.UNKNOWN, tokens::add));
        assertEquals(Reason.MALFORMED_STREAM, e.reason());
        assertTrue(e.tokensEmitted());
        assertEquals("Theo kế hoạch, ", String.join("", tokens));
        assertTrue(e.vietnameseMessage().contains("gián đoạn"), e.vietnameseMessage());
    }

    @Test
    void modelNotPulledIsReportedWithoutCallingChat() {
        ollama.resetAll();
        OllamaStubs.tags(ollama, "llama3.1:8b");
        GenerativeAnswerer fresh = GenerativeAnswerer.create(OllamaStubs.settings(ollama), corpus);

        assertFalse(fresh.available());
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class, () -> fresh.answer(
                "Mục tiêu đến năm 2030 của Kiến An là gì?", List.of(), UserProfile.UNKNOWN, tokens::add));
        assertEquals(Reason.MODEL_NOT_PULLED, e.reason());
        assertTrue(e.vietnameseMessage().contains("ollama pull qwen2.5:7b-instruct"));
        assertTrue(fresh.status().vietnameseMessage().contains("ollama pull qwen2.5:7b-instruct"));
        assertEquals(0, ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).size());
    }

    @Test
    void disabledIsNeverAvailable() {
        GenerativeAnswerer off = GenerativeAnswerer.create(OllamaStubs.settings(ollama).withEnabled(false), corpus);
        assertFalse(off.available());
        LlmUnavailableException e = assertThrows(LlmUnavailableException.class,
                () -> off.answer("Kế hoạch là gì?", List.of(), UserProfile.UNKNOWN, tokens::add));
        assertEquals(Reason.NOT_CONFIGURED, e.reason());
        assertEquals(0, ollama.getAllServeEvents().size());
    }
}
