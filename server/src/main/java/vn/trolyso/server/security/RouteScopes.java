package vn.trolyso.server.security;

import io.helidon.http.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Which scope each API area needs, checked by {@link AccessFilter} before any handler runs, so a new route under a
 * listed prefix is protected without further code. Admin routes ({@code /api/v1/admin/}) need the admin token
 * instead (see {@link AdminAuth}).
 */
final class RouteScopes {
    private static final Map<String, Scope> PREFIXES = Map.ofEntries(
            Map.entry("/api/v1/chat", Scope.CHAT),
            Map.entry("/api/v1/feedback", Scope.CHAT),
            Map.entry("/api/v1/conversations", Scope.CHAT),
            // The OpenAI-compatible endpoint asks the same assistant the same questions as /chat: same scope.
            Map.entry("/v1/chat", Scope.CHAT),
            Map.entry("/v1/models", Scope.CHAT),
            Map.entry("/api/v1/search", Scope.SEARCH),
            Map.entry("/api/v1/documents", Scope.DOCUMENTS),
            Map.entry("/api/v1/framework", Scope.FRAMEWORK),
            Map.entry("/api/v1/materials", Scope.LEARNING),
            Map.entry("/api/v1/assessment", Scope.LEARNING),
            Map.entry("/api/v1/profile", Scope.LEARNING),
            Map.entry("/api/v1/learning-path", Scope.LEARNING),
            Map.entry("/api/v1/progress", Scope.LEARNING));

    private RouteScopes() {
    }

    /**
     * Admin-only routes: {@code /api/v1/admin/…}, the reports ({@code /api/v1/reports/…}), the API keys
     * ({@code /api/v1/keys…}), the document administration (every method on {@code /api/v1/documents/…}, POST on
     * {@code /api/v1/documents}) and the school's training modules (POST on {@code /api/v1/materials}, DELETE on {@code /api/v1/materials/{id}}; reading
     * them stays in the learning scope). They need the admin token, checked by the handler, instead of an API-key
     * scope.
     */
    static boolean adminOnly(Method method, String path) {
        return path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/reports/")
                || path.equals("/api/v1/keys") || path.startsWith("/api/v1/keys/")
                || path.startsWith("/api/v1/documents/")
                || (path.equals("/api/v1/documents") && method.equals(Method.POST))
                || (path.equals("/api/v1/materials") && method.equals(Method.POST))
                || (path.startsWith("/api/v1/materials/") && method.equals(Method.DELETE));
    }

    /** The framework explorer's data (GET): cheap reads a page makes many of, limited apart from chat. */
    static boolean isLightRead(String path) {
        return path.equals("/api/v1/framework") || path.startsWith("/api/v1/framework/");
    }

    static Optional<Scope> forPath(String path) {
        for (Map.Entry<String, Scope> e : PREFIXES.entrySet()) {
            String prefix = e.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
