package vn.trolyso.server.security;

import java.util.Optional;

/**
 * What a route needs, declared where the route is registered ({@link Routes}): an API-key scope or the admin token.
 * {@link AccessFilter} applies the key rules, the rate limits and the scope before the handler runs; the admin token
 * is checked in front of the handler.
 *
 * @param scope      the API-key scope the caller needs; empty for admin-only routes
 * @param adminToken true = the handler runs only for the administrator (Bearer admin token)
 * @param lightRead  cheap reads a page makes many of (the framework explorer): limited by their own, larger bucket
 */
public record RouteAccess(Optional<Scope> scope, boolean adminToken, boolean lightRead) {

    /** A route API keys (or anonymous callers) with {@code scope} may use. */
    public static RouteAccess scope(Scope scope) {
        return new RouteAccess(Optional.of(scope), false, false);
    }

    /** A read of static data served from memory, limited apart from chat (see AccessFilter.LIGHT_READ_FACTOR). */
    public static RouteAccess lightRead(Scope scope) {
        return new RouteAccess(Optional.of(scope), false, true);
    }

    /** Administrators only: no API-key scope applies (a key alone never opens it), the admin token is required. */
    public static RouteAccess admin() {
        return new RouteAccess(Optional.empty(), true, false);
    }

    /** Key rules do not apply: the admin token decides. */
    boolean adminOnly() {
        return adminToken && scope.isEmpty();
    }
}
