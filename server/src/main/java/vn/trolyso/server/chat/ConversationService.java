package vn.trolyso.server.chat;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import vn.trolyso.assistant.store.ConversationStore;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.ClientIdentity;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * {@code GET /conversations/{id}} (its turns: question, answer, mode, citations, feedback) and
 * {@code DELETE /conversations/{id}} (forgets it), for the caller that started it only: the same API key, or — for
 * anonymous callers — whoever holds the random id the server handed out. Anything else is 404
 * {@code unknown_conversation}, so an id's existence is not revealed to others.
 */
final class ConversationService {
    private final ConversationStore conversations;
    private final ConversationHistory history;

    ConversationService(ConversationStore conversations, ConversationHistory history) {
        this.conversations = conversations;
        this.history = history;
    }

    void routes(Routes routes) {
        RouteAccess chat = RouteAccess.scope(Scope.CHAT);
        routes.get("/conversations/{id}", chat, this::get)
                .delete("/conversations/{id}", chat, this::delete)
                .refuseOtherMethods("/conversations/{id}");
    }

    private void get(ServerRequest req, ServerResponse res) {
        ClientIdentity who = Access.identity(req);
        String id = id(req);
        List<ConversationHistory.Turn> turns = history.turns(id, who.keyId());
        if (turns.isEmpty() && !ownedBy(id, who)) {
            throw unknown(id);
        }
        Json.send(res, new AnswerJson.Conversation(id, turns));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        ClientIdentity who = Access.identity(req);
        String id = id(req);
        boolean logged = history.forget(id, who.keyId());
        boolean kept = conversations.delete(id, who.keyId());
        if (!kept && !logged) {
            throw unknown(id);
        }
        Json.send(res, new AnswerJson.Deleted(id, true));
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
