package vn.trolyso.server.feedback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * {@code POST /feedback}: {@code {"messageId", "rating": "up|down", "comment"?, "voterId"?}} → 201 for a new rating,
 * 200 when the same voter (the widget sends its conversation id) changes theirs, 404 for an unknown answer.
 */
public final class FeedbackService {
    static final int MAX_COMMENT_CHARS = 2000;

    private final AnswerStore store;
    private final int maxBodyBytes;

    public FeedbackService(AnswerStore store, int maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void routes(Routes routes) {
        routes.post("/feedback", RouteAccess.scope(Scope.CHAT), this::add).refuseOtherMethods("/feedback");
    }

    private void add(ServerRequest req, ServerResponse res) {
        ObjectNode body = JsonBody.readObject(req, maxBodyBytes);
        String messageId = JsonBody.requiredString(body, "messageId");
        if (!messageId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiErrors.badRequest("invalid_message_id", "Mã câu trả lời không hợp lệ.");
        }
        String rating = JsonBody.requiredString(body, "rating");
        if (!rating.equals("up") && !rating.equals("down")) {
            throw ApiErrors.badRequest("invalid_rating", "Đánh giá phải là \"up\" hoặc \"down\".");
        }
        String comment = JsonBody.optionalString(body, "comment");
        if (comment != null) {
            TextInput.requireClean("comment", comment);
            if (TextInput.length(comment) > MAX_COMMENT_CHARS) {
                throw ApiErrors.badRequest("comment_too_long",
                        "Góp ý quá dài. Tối đa " + MAX_COMMENT_CHARS + " ký tự.");
            }
            comment = comment.strip();
            if (comment.isEmpty()) {
                comment = null;
            }
        }
        String voterId = JsonBody.optionalString(body, "voterId");
        if (voterId == null) {
            voterId = AnswerStore.UNKNOWN_VOTER;
        } else if (!voterId.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiErrors.badRequest("invalid_voter_id", "Mã người đánh giá không hợp lệ.");
        }
        AnswerStore.Rated outcome = store.rate(messageId, voterId, rating, comment);
        if (outcome == AnswerStore.Rated.UNKNOWN_MESSAGE) {
            throw ApiErrors.notFound("unknown_message", "Không tìm thấy câu trả lời này để đánh giá.");
        }
        Json.send(res, outcome == AnswerStore.Rated.CREATED ? Status.CREATED_201 : Status.OK_200,
                new Recorded(messageId, rating, true, outcome == AnswerStore.Rated.CHANGED));
    }

    /** The response: the rating stored ({@code changed} when it replaced this voter's earlier one). */
    record Recorded(String messageId, String rating, boolean recorded, boolean changed) {
    }
}
