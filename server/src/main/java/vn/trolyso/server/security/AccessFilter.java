package vn.trolyso.server.security;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.OpenAiErrors;

/**
 * Runs before every /api and /v1 route: works out who is calling (admin token, X-API-Key, or anonymous), refuses
 * unknown keys and — when keys are required — keyless calls, applies the per-IP and per-key rate limits and the scope
 * the route declared where it was registered ({@link RouteTable}), and stores the {@link ClientIdentity} in the
 * request context for {@link Access#identity}.
 */
public final class AccessFilter implements Filter {
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String API_PREFIX = "/api/";
    /** The OpenAI-compatible routes: keys may also come as {@code Authorization: Bearer}, errors in OpenAI's shape. */
    private static final String OPENAI_PREFIX = "/v1/";
    /** Framework reads are static data served from memory; they get this many times the per-IP chat rate. */
    static final int LIGHT_READ_FACTOR = 10;

    private final ServerConfig config;
    private final ApiKeyRegistry keys;
    private final AdminAuth admin;
    private final TokenBucketLimiter perIp;
    private final TokenBucketLimiter perKey;
    /** The framework explorer's data: many small reads per page, so its own, larger bucket (see LIGHT_READ_FACTOR). */
    private final TokenBucketLimiter perIpLightReads;
    private final TrustedProxies proxies;
    private final RouteTable routes;

    /**
     * @param keys   the keys in force (the environment's and the admin page's)
     * @param routes the routes with the access each declared when it was registered
     */
    public AccessFilter(ServerConfig config, AdminAuth admin, ApiKeyRegistry keys, RouteTable routes) {
        this.config = config;
        this.keys = keys;
        this.admin = admin;
        this.routes = routes;
        this.perIp = new TokenBucketLimiter(config.limits().ratePerMinuteIp(), config.limits().rateBurst());
        this.perKey = new TokenBucketLimiter(config.limits().ratePerMinuteKey(), config.limits().rateBurst());
        this.perIpLightReads = new TokenBucketLimiter(config.limits().ratePerMinuteIp() * LIGHT_READ_FACTOR,
                config.limits().rateBurst() * LIGHT_READ_FACTOR);
        this.proxies = config.trustedProxies();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        boolean openAi = path.startsWith(OPENAI_PREFIX);
        if (!(path.startsWith(API_PREFIX) || openAi) || req.prologue().method().equals(Method.OPTIONS)) {
            chain.proceed();
            return;
        }
        try {
            Method method = req.prologue().method();
            Optional<RouteAccess> access = routes.access(method, path);
            boolean adminOnly = access.map(RouteAccess::adminOnly).orElse(false);
            ClientIdentity identity = identify(req, adminOnly, openAi);
            limit(identity, method.equals(Method.GET) && access.map(RouteAccess::lightRead).orElse(false));
            access.flatMap(RouteAccess::scope).ifPresent(scope -> Access.check(identity, scope));
            req.context().register(identity);
        } catch (ApiException e) {
            if (openAi) {
                OpenAiErrors.send(res, e);
            } else {
                ApiErrors.send(res, e);
            }
            return;
        }
        chain.proceed();
    }

    private ClientIdentity identify(ServerRequest req, boolean adminOnly, boolean openAi) {
        String ip = clientIp(req);
        if (admin.isValid(req)) {
            return new ClientIdentity("admin", Scope.PORTAL, true, ip);
        }
        Optional<String> presented = req.headers().first(HeaderNames.create(API_KEY_HEADER))
                .map(String::strip).filter(k -> !k.isEmpty());
        if (presented.isEmpty() && openAi) {
            // OpenAI client libraries send their key this way; on /api the Bearer header stays the admin token's.
            presented = bearer(req);
        }
        if (presented.isPresent()) {
            ApiKey key = keys.find(presented.get()).orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401,
                    "invalid_api_key", "Khóa API không hợp lệ."));
            if (key.expired(Instant.now())) {
                throw new ApiException(Status.UNAUTHORIZED_401, "expired_api_key",
                        "Khóa API đã hết hạn. Quản trị viên cần tạo khóa mới trong trang quản trị Khóa API.");
            }
            return new ClientIdentity(key.id(), key.scopes(), false, ip);
        }
        if (config.requireApiKey() && !adminOnly) {
            throw new ApiException(Status.UNAUTHORIZED_401, "api_key_required",
                    "Cần khóa API (tiêu đề X-API-Key) để dùng dịch vụ này.");
        }
        return new ClientIdentity(ClientIdentity.ANONYMOUS, config.requireApiKey() ? Set.of() : config.anonymousScopes(),
                false, ip);
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
    }

    private void limit(ClientIdentity identity, boolean lightRead) {
        if (identity.admin()) {
            return;
        }
        // A keyed client (often a portal's server behind one address) is limited per key; keyless callers per IP.
        TokenBucketLimiter ipBucket = lightRead ? perIpLightReads : perIp;
        Duration wait = identity.anonymous() ? ipBucket.tryAcquire(identity.clientIp())
                : perKey.tryAcquire(identity.keyId());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(Status.TOO_MANY_REQUESTS_429, "rate_limited",
                    "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau " + seconds + " giây.",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** The peer's address, or the client a trusted proxy forwarded for. */
    String clientIp(ServerRequest req) {
        SocketAddress peer = req.remotePeer().address();
        String peerIp = peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(peer);
        if (proxies.isEmpty()) {
            return peerIp;
        }
        return proxies.clientAddress(peerIp, req.headers().first(HeaderNames.FORWARDED),
                req.headers().first(HeaderNames.X_FORWARDED_FOR));
    }
}
