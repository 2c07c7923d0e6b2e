package vn.trolyso.server.security;

import io.helidon.common.uri.UriPath;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Every API route as it was registered, with the access it declared: {@link AccessFilter} looks a request up here
 * before routing, and the last route ({@link #fallback}) answers 405 or 404 from it, so no service depends on the
 * order in which the others registered.
 */
public final class RouteTable {
    /** Methods in the order an Allow header lists them. */
    private static final List<Method> METHOD_ORDER = List.of(Method.GET, Method.POST, Method.PUT, Method.PATCH,
            Method.DELETE);

    record Route(Method method, String path, PathMatcher matcher, RouteAccess access) {
        boolean matches(UriPath path) {
            return matcher.match(path).accepted();
        }
    }

    /** A path whose other methods answer 405 in the way of its API ({@code ApiErrors} or {@code OpenAiErrors}). */
    private record Refusing(String path, PathMatcher matcher, Function<String[], Handler> methodNotAllowed) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Refusing> refusing = new CopyOnWriteArrayList<>();
    private final Set<String> prefixes = ConcurrentHashMap.newKeySet();
    private final AdminAuth admin;

    public RouteTable(AdminAuth admin) {
        this.admin = admin;
    }

    /** Registers routes under {@code prefix}; other methods on a refusing path answer with {@code methodNotAllowed}. */
    public Routes routes(HttpRouting.Builder routing, String prefix, Function<String[], Handler> methodNotAllowed) {
        prefixes.add(prefix);
        return new Routes(this, routing, prefix, methodNotAllowed);
    }

    void add(Method method, String path, RouteAccess access) {
        routes.add(new Route(method, path, PathMatchers.create(path), access));
    }

    void refuseOtherMethods(String path, Function<String[], Handler> methodNotAllowed) {
        refusing.add(new Refusing(path, PathMatchers.create(path), methodNotAllowed));
    }

    /** The routes as registered (the test that compares them with the former prefix table). */
    List<Route> routesForTests() {
        return List.copyOf(routes);
    }

    AdminAuth admin() {
        return admin;
    }

    /**
     * What {@code method path} needs: the access of the route it reaches; for a path served under other methods only,
     * that path's scope (the 405 it gets is no reason to skip the key rules), or admin when all its routes are admin
     * routes. A path no route serves takes the access of the nearest path above it that has routes at or under it,
     * so {@code /api/v1/search/x} needs the search scope and {@code /api/v1/reports/x} the admin token, as before
     * the 404; empty once only the API's root is left.
     */
    Optional<RouteAccess> access(Method method, String path) {
        String level = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        while (level.lastIndexOf('/') > 0 && !isPrefix(level)) {
            Optional<RouteAccess> found = accessAt(method, level);
            if (found.isPresent()) {
                return found;
            }
            level = level.substring(0, level.lastIndexOf('/'));
        }
        return Optional.empty();
    }

    private Optional<RouteAccess> accessAt(Method method, String level) {
        UriPath uri = UriPath.create(level);
        Optional<RouteAccess> exact = routes.stream().filter(r -> r.method().equals(method) && r.matches(uri))
                .map(Route::access).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Route> atLevel = routes.stream().filter(r -> r.matches(uri)).toList();
        List<Route> same = !atLevel.isEmpty() ? atLevel
                : routes.stream().filter(r -> r.path().startsWith(level + "/")).toList();
        return same.stream().filter(r -> r.access().scope().isPresent()).findFirst()
                .map(r -> RouteAccess.scope(r.access().scope().get()))
                .or(() -> same.isEmpty() ? Optional.empty() : Optional.of(RouteAccess.admin()));
    }

    private boolean isPrefix(String level) {
        return prefixes.contains(level);
    }

    /**
     * The last route of an API: a refusing path answers 405 listing the methods every service registered for it
     * (an OPTIONS preflight gets them as Allow), any other path {@code unknownRoute}.
     */
    public Handler fallback(Handler unknownRoute) {
        return (req, res) -> {
            UriPath uri = UriPath.create(req.path().path());
            Optional<Refusing> refused = refusing.stream().filter(r -> r.matcher().match(uri).accepted()).findFirst();
            if (refused.isEmpty()) {
                unknownRoute.handle(req, res);
                return;
            }
            String path = refused.get().path();
            String[] allowed = METHOD_ORDER.stream()
                    .filter(m -> routes.stream().anyMatch(r -> r.path().equals(path) && r.method().equals(m)))
                    .map(Method::text).toArray(String[]::new);
            refused.get().methodNotAllowed().apply(allowed).handle(req, res);
        };
    }
}
