package vn.trolyso.server.chat;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.store.ConversationStore;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.ClientIdentity;
import vn.trolyso.server.security.Scope;

/**
 * {@code GET /conversations/{id}} (its turns: question, answer, mode, citations, feedback) and
 * {@code DELETE /conversations/{id}} (forgets it), for the caller that started it only: the same API key, or — for
 * anonymous callers — whoever holds the random id the server handed out. Anything else is 404
 * {@code unknown_conversation}, so an id's existence is not revealed to others.
 */
final class ConversationService implements HttpService {
    private final ConversationStore conversations;
    private final ConversationHistory history;

    ConversationService(ConversationStore conversations, ConversationHistory history) {
        this.conversations = conversations;
        this.history = history;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{id}", this::get)
                .delete("/conversations/{id}", this::delete)
                .any("/conversations/{id}", ApiErrors.methodNotAllowed("GET", "DELETE"));
    }

    private void get(ServerRequest req, ServerResponse res) {
        ClientIdentity who = Access.require(req, Scope.CHAT);
        String id = id(req);
        List<ConversationHistory.Turn> turns = history.turns(id, who.keyId());
        if (turns.isEmpty() && !ownedBy(id, who)) {
            throw unknown(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", id);
        body.put("turns", turns);
        Json.send(res, body);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        ClientIdentity who = Access.require(req, Scope.CHAT);
        String id = id(req);
        boolean logged = history.forget(id, who.keyId());
        boolean kept = conversations.delete(id, who.keyId());
        if (!kept && !logged) {
            throw unknown(id);
        }
        Json.send(res, Map.of("conversationId", id, "deleted", true));
    }

    /** Whether {@code who} started the conversation (it may have no answered turn yet). */
    private boolean ownedBy(String id, ClientIdentity who) {
        return conversations.find(id).map(c -> c.owner().equals(who.keyId())).orElse(false);
    }

    private static String id(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!ChatRequest.isConversationId(id)) {
            throw unknown(null);
        }
        return id;
    }

    static ApiException unknown(String id) {
        return ApiErrors.notFound("unknown_conversation", "Không tìm thấy cuộc trò chuyện"
                + (id == null ? "" : " với mã '" + id + "'") + " (có thể đã bị xóa). Hãy bắt đầu cuộc trò chuyện mới.");
    }
}
