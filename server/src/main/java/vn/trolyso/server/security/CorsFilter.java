package vn.trolyso.server.security;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.trolyso.server.http.ApiErrors;

/**
 * CORS for /api: only the configured origins (TROLYSO_ALLOWED_ORIGINS) may call the API from a browser. Requests
 * without an Origin header, and same-origin requests from the pages this server serves, are not CORS and pass.
 *
 * <p>A refused origin is told why: its preflight is answered so that the browser sends the request, and the request
 * itself is stopped here, before any handler, with 403 {@code origin_not_allowed} — readable by the page (it carries
 * Access-Control-Allow-Origin), so the widget can say "this site is not allowed" instead of blaming the network.
 * Nothing is done for a refused origin, so answering its preflight grants it nothing.
 */
public final class CorsFilter implements Filter {
    private static final HeaderName REQUEST_METHOD = HeaderNames.create("Access-Control-Request-Method");
    private static final HeaderName REQUEST_HEADERS = HeaderNames.create("Access-Control-Request-Headers");
    private static final String METHODS = "GET, POST, PUT, DELETE";
    private static final String EXPOSED = "Retry-After, Content-Disposition";

    private final List<String> allowedOrigins;
    private final ApiKeyRegistry keys;

    public CorsFilter(List<String> allowedOrigins) {
        this(allowedOrigins, new ApiKeyRegistry(List.of()));
    }

    /**
     * @param keys a key that names its own origins (created in the admin page) is usable from exactly those, whether
     *             or not they are in {@code allowedOrigins}: a school adds a portal without a restart
     */
    public CorsFilter(List<String> allowedOrigins, ApiKeyRegistry keys) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.keys = keys;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN).map(String::strip);
        if (!req.path().path().startsWith("/api/") || origin.isEmpty()
                || sameOrigin(origin.get(), req.headers().first(HeaderNames.HOST))) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
        res.header(HeaderNames.VARY, "Origin");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        if (req.prologue().method().equals(Method.OPTIONS) && req.headers().contains(REQUEST_METHOD)) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                    req.headers().first(REQUEST_HEADERS).orElse("Content-Type, X-API-Key, Authorization"));
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "3600");
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        Optional<ApiKey> key = req.headers().first(HeaderNames.create(AccessFilter.API_KEY_HEADER))
                .map(String::strip).filter(k -> !k.isEmpty()).flatMap(keys::find)
                .filter(k -> !k.allowedOrigins().isEmpty());
        if (key.isPresent() ? !key.get().allowsOrigin(origin.get()) : !allowed(origin.get())) {
            ApiErrors.send(res, Status.FORBIDDEN_403, "origin_not_allowed",
                    key.isPresent() ? keyRefusal(origin.get()) : refusal(origin.get()));
            return;
        }
        chain.proceed();
    }

    /** The Vietnamese reason, naming the origin and the setting an administrator changes. */
    public static String refusal(String origin) {
        return "Trang web " + origin + " chưa được phép dùng trợ lý. Quản trị viên cần thêm địa chỉ này vào biến "
                + "TROLYSO_ALLOWED_ORIGINS (cách nhau bằng dấu phẩy) rồi khởi động lại dịch vụ, hoặc tạo cho trang này "
                + "một khóa API có mục \"Trang web được phép\" trong trang quản trị Khóa API.";
    }

    /** The reason when the page's API key names other origins than the page's. */
    static String keyRefusal(String origin) {
        return "Trang web " + origin + " không nằm trong danh sách trang web được phép dùng khóa API này. Quản trị "
                + "viên cần tạo khóa mới cho trang này trong trang quản trị Khóa API.";
    }

    private boolean allowed(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    /**
     * Origin and Host name the same host and port. The scheme is not compared: behind an HTTPS reverse proxy the
     * page is https:// while this server is reached over plain HTTP with the same Host.
     */
    static boolean sameOrigin(String origin, Optional<String> host) {
        if (host.isEmpty()) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String authority = uri.getHost() + (uri.getPort() < 0 || uri.getPort() == defaultPort ? ""
                    : ":" + uri.getPort());
            String h = host.get().strip().toLowerCase(Locale.ROOT);
            String hostWithoutDefaultPort = h.endsWith(":" + defaultPort) ? h.substring(0, h.lastIndexOf(':')) : h;
            return authority.toLowerCase(Locale.ROOT).equals(hostWithoutDefaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
