package vn.trolyso.server.http;

import com.fasterxml.jackson.core.JacksonException;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.trolyso.assistant.InvalidQuestionException;
import vn.trolyso.assistant.learning.LearningException;
import vn.trolyso.knowledge.search.InvalidQueryException;

/**
 * The one place that turns failures into {@code {"error":{"code":"stable_code","message":"Vietnamese text"}}} with
 * the right status. Routes throw {@link ApiException} (or the factory methods here); domain exceptions and Jackson
 * errors are mapped too, and anything unexpected becomes a 500 without a stack trace in the body.
 */
public final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    private ApiErrors() {
    }

    /** The error body, {@code {"error":{"code","message"}}}. */
    public record Body(Detail error) {
        public record Detail(String code, String message) {
        }
    }

    public static Body body(String code, String message) {
        return new Body(new Body.Detail(code, message));
    }

    public static void send(ServerResponse res, Status status, String code, String message) {
        if (res.isSent()) {
            return;
        }
        Json.send(res, status, body(code, message));
    }

    public static void send(ServerResponse res, ApiException e) {
        if (res.isSent()) {
            return;
        }
        e.headers().forEach(res::header);
        send(res, e.status(), e.code(), e.getMessage());
    }

    // --- factories for the common cases -----------------------------------------------------------------------

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST_400, code, message);
    }

    public static ApiException missingField(String field) {
        return badRequest("missing_field", "Thiếu trường bắt buộc \"" + field + "\".");
    }

    public static ApiException invalidField(String field, String message) {
        return badRequest("invalid_field", "Trường \"" + field + "\" không hợp lệ: " + message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(Status.NOT_FOUND_404, code, message);
    }

    public static ApiException notReady() {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "not_ready",
                "Hệ thống đang khởi động (đang nạp chỉ mục tài liệu). Vui lòng thử lại sau ít giây.",
                Map.of("Retry-After", "5"));
    }

    /** A handler answering 405 with the allowed methods; register it after a path's real routes. */
    public static Handler methodNotAllowed(String... allowed) {
        String allow = Arrays.stream(allowed).collect(Collectors.joining(", "));
        return (req, res) -> {
            if (req.prologue().method().equals(io.helidon.http.Method.OPTIONS)) {
                // A preflight the CORS filter let through (it has set the CORS headers); answer it plainly.
                res.header(HeaderNames.create("Allow"), allow + ", OPTIONS");
                res.status(Status.NO_CONTENT_204).send();
                return;
            }
            send(res, new ApiException(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed",
                "Phương thức " + req.prologue().method().text() + " không được hỗ trợ ở địa chỉ này (dùng: " + allow
                        + ").", Map.of("Allow", allow)));
        };
    }

    /** A handler answering 404 for any API path nobody serves. */
    public static Handler unknownRoute() {
        return (req, res) -> send(res, Status.NOT_FOUND_404, "not_found",
                "Không tìm thấy địa chỉ API " + req.path().path() + ".");
    }

    /** Registers the error mapping on the routing: every failure leaves as the JSON error shape. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e))
                .error(LearningException.class, (req, res, e) -> send(res,
                        e.notFound() ? Status.NOT_FOUND_404 : Status.BAD_REQUEST_400, e.code(), e.getMessage()))
                .error(InvalidQuestionException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, e.code(), e.getMessage()))
                .error(InvalidQueryException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, e.code(), e.getMessage()))
                .error(JacksonException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "malformed_json", "Nội dung JSON không hợp lệ."))
                .error(io.helidon.http.media.jackson.JacksonRuntimeException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "malformed_json", "Nội dung JSON không hợp lệ."))
                .error(UnsupportedTypeException.class, (req, res, e) ->
                        send(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                                "Kiểu nội dung không được hỗ trợ. Hãy gửi application/json."))
                .error(BadRequestException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "bad_request", "Yêu cầu không hợp lệ."))
                .error(RequestException.class, (req, res, e) ->
                        send(res, e.status(), statusCode(e.status()), statusMessage(e.status())))
                .error(HttpException.class, (req, res, e) ->
                        send(res, e.status(), statusCode(e.status()), statusMessage(e.status())))
                .error(IllegalArgumentException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "invalid_request", "Yêu cầu không hợp lệ."))
                .error(UncheckedIOException.class, ApiErrors::connectionFailed)
                .error(Exception.class, ApiErrors::unexpected);
    }

    /** The client's connection failed or timed out while the request was read: one line, no stack trace. */
    private static void connectionFailed(ServerRequest req, ServerResponse res, UncheckedIOException e) {
        if (!DisconnectLogFilter.clientGone(e)) {
            unexpected(req, res, e);
            return;
        }
        LOG.log(Level.INFO, "Client connection failed on {0} {1}: {2}", new Object[] {
                req.prologue().method().text(), req.path().path(), e.getCause()});
        try {
            send(res, Status.REQUEST_TIMEOUT_408, "request_timeout", "Kết nối bị gián đoạn hoặc gửi dữ liệu quá chậm.");
        } catch (RuntimeException ignored) {
            // the connection is gone: nothing can be sent
        }
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        LOG.log(Level.WARNING, "Unexpected failure on " + req.prologue().method().text() + " " + req.path().path(), e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                "Đã xảy ra lỗi ngoài ý muốn. Vui lòng thử lại sau.");
    }

    static String statusCode(Status status) {
        return switch (status.code()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "not_ready";
            default -> status.code() >= 500 ? "internal_error" : "bad_request";
        };
    }

    static String statusMessage(Status status) {
        return switch (status.code()) {
            case 401 -> "Cần xác thực để dùng địa chỉ này.";
            case 403 -> "Bạn không có quyền dùng địa chỉ này.";
            case 404 -> "Không tìm thấy.";
            case 405 -> "Phương thức không được hỗ trợ ở địa chỉ này.";
            case 413 -> "Nội dung gửi lên quá lớn.";
            case 415 -> "Kiểu nội dung không được hỗ trợ. Hãy gửi application/json.";
            case 429 -> "Bạn gửi quá nhiều yêu cầu. Vui lòng chờ một chút rồi thử lại.";
            case 503 -> "Dịch vụ tạm thời chưa sẵn sàng. Vui lòng thử lại sau.";
            default -> status.code() >= 500 ? "Đã xảy ra lỗi ngoài ý muốn. Vui lòng thử lại sau."
                    : "Yêu cầu không hợp lệ.";
        };
    }

    /** Adds the header to the response (convenience for handlers). */
    static void header(ServerResponse res, String name, String value) {
        res.header(HeaderNames.create(name), value);
    }
}
