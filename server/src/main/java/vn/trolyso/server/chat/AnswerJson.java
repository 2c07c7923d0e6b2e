package vn.trolyso.server.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Citation;

/** The chat response object of the API (also the data of the SSE {@code done} event). */
public final class AnswerJson {
    private AnswerJson() {
    }

    public static Map<String, Object> of(String conversationId, String messageId, Answer answer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversationId", conversationId);
        m.put("messageId", messageId);
        m.put("answer", answer.text());
        m.put("mode", answer.mode().apiName());
        m.put("citations", citations(answer.citations()));
        return m;
    }

    static List<Map<String, Object>> citations(List<Citation> citations) {
        return citations.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", c.n());
            m.put("documentId", c.documentId());
            m.put("title", c.title());
            m.put("section", c.section());
            m.put("snippet", c.snippet());
            return m;
        }).toList();
    }

    /** Citations with their issuer ({@code trolyso_citations} of /v1, the stored history). */
    static List<Map<String, Object>> sourced(List<Citation> citations) {
        return citations.stream().map(cit -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", cit.n());
            m.put("documentId", cit.documentId());
            m.put("title", cit.title());
            m.put("issuer", cit.issuer());
            m.put("section", cit.section());
            m.put("snippet", cit.snippet());
            return m;
        }).toList();
    }

}
