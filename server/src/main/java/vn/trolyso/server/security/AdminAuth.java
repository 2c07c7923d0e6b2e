package vn.trolyso.server.security;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import vn.trolyso.server.http.ApiException;
import java.util.Optional;

/**
 * The admin token check for every route that changes data or reads reports. Use {@link #require} at the top of a
 * handler, or register {@link #guard()} before a group of routes, e.g. {@code rules.any("/admin/*", admin.guard())}.
 * With no TROLYSO_ADMIN_TOKEN configured every admin route answers 403 admin_disabled.
 */
public final class AdminAuth {
    private static final String BEARER = "Bearer ";
    private final Optional<String> token;

    public AdminAuth(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    public boolean enabled() {
        return token.isPresent();
    }

    /** True when the request carries the configured admin token. */
    public boolean isValid(ServerRequest req) {
        return token.isPresent() && bearer(req).map(t -> Secrets.matches(t, token.get())).orElse(false);
    }

    /** Throws the 401/403 error unless the request carries the admin token. */
    public void require(ServerRequest req) {
        if (token.isEmpty()) {
            throw new ApiException(Status.FORBIDDEN_403, "admin_disabled",
                    "Chức năng quản trị đang tắt. Quản trị viên cần đặt biến môi trường TROLYSO_ADMIN_TOKEN.");
        }
        Optional<String> presented = bearer(req);
        if (presented.isEmpty()) {
            throw new ApiException(Status.UNAUTHORIZED_401, "admin_token_required",
                    "Cần mã quản trị (Authorization: Bearer …).", Map.of("WWW-Authenticate", "Bearer"));
        }
        if (!Secrets.matches(presented.get(), token.get())) {
            throw new ApiException(Status.UNAUTHORIZED_401, "invalid_admin_token",
                    "Mã quản trị không đúng.", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
    }

    /** A handler that lets the request through to the next matching route only with the admin token. */
    public Handler guard() {
        return (req, res) -> {
            require(req);
            res.next();
        };
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).strip())
                .filter(t -> !t.isEmpty());
    }
}
