package vn.trolyso.server.http;

import io.helidon.http.Status;
import java.util.Map;

/**
 * An error to send to the client as {@code {"error":{"code","message"}}}. Throw it from any handler; the routing maps
 * it (see {@link ApiErrors#register}). The message is Vietnamese and meant for people; the code is stable.
 */
public final class ApiException extends RuntimeException {
    private final Status status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(Status status, String code, String vietnameseMessage) {
        this(status, code, vietnameseMessage, Map.of());
    }

    public ApiException(Status status, String code, String vietnameseMessage, Map<String, String> headers) {
        super(vietnameseMessage, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra response headers (e.g. Retry-After, Allow, WWW-Authenticate). */
    public Map<String, String> headers() {
        return headers;
    }
}
