package vn.trolyso.server.chat;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.SQLException;
import java.util.List;
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
    private final ConversationIds live;
    private final ConversationHistory history;

    ConversationService(ConversationIds live, ConversationHistory history) {
        this.live = live;
        this.history = history;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/conversations/{id}", this::get)
                .delete("/conversations/{id}", this::delete)
                .any("/conversations/{id}", ApiErrors.methodNotAllowed("GET", "DELETE"));
    }

    private void get(ServerRequest req, ServerResponse res) throws SQLException {
        ClientIdentity who = Access.require(req, Scope.CHAT);
        String id = id(req);
        List<ConversationHistory.Turn> turns = history.turns(id, who.keyId());
        if (turns.isEmpty() && !Boolean.TRUE.equals(live.ownedBy(id, who.keyId()))) {
            throw unknown(id);
        }
        Json.send(res, new AnswerJson.Conversation(id, turns));
    }

    private void delete(ServerRequest req, ServerResponse res) throws SQLException {
        ClientIdentity who = Access.require(req, Scope.CHAT);
        String id = id(req);
        boolean live = Boolean.TRUE.equals(this.live.ownedBy(id, who.keyId()));
        boolean logged = history.forget(id, who.keyId());
        if (!live && !logged) {
            throw unknown(id);
        }
        this.live.forget(id);
        Json.send(res, new AnswerJson.Deleted(id, true));
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
