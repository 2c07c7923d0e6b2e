package vn.trolyso.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * Errors of the OpenAI-compatible routes ({@code /v1/…}) in OpenAI's shape,
 * {@code {"error":{"message","type","param","code"}}}, so OpenAI client libraries report them; {@code code} is the
 * same stable code the {@code /api/v1} routes use and {@code message} the same Vietnamese text.
 */
public final class OpenAiErrors {
    private OpenAiErrors() {
    }

    /** The error body; {@code param} is always null (OpenAI clients expect the field). */
    public record Body(Detail error) {
        public record Detail(String message, String type, String param, String code) {
        }
    }

    public static Body body(Status status, String code, String message) {
        return new Body(new Body.Detail(message, type(status), null, code));
    }

    public static void send(ServerResponse res, ApiException e) {
        if (res.isSent()) {
            return;
        }
        e.headers().forEach((name, value) -> ApiErrors.header(res, name, value));
        Json.send(res, e.status(), body(e.status(), e.code(), e.getMessage()));
    }

    /** OpenAI's error type for a status. */
    static String type(Status status) {
        return switch (status.code()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status.code() >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    /** A handler answering 405 with the allowed methods, in OpenAI's shape. */
    public static Handler methodNotAllowed(String... allowed) {
        String allow = String.join(", ", allowed);
        return (req, res) -> send(res, new ApiException(Status.METHOD_NOT_ALLOWED_405, "method_not_allowed",
                "Phương thức " + req.prologue().method().text() + " không được hỗ trợ ở địa chỉ này (dùng: " + allow
                        + ").", Map.of("Allow", allow)));
    }

    /** A handler answering 404 for any {@code /v1} path nobody serves. */
    public static Handler unknownRoute() {
        return (req, res) -> send(res, new ApiException(Status.NOT_FOUND_404, "not_found",
                "Không tìm thấy địa chỉ API " + req.path().path() + "."));
    }
}
