package vn.trolyso.server.security;

import java.util.Set;

/**
 * Who is calling the API, resolved once per request by {@link AccessFilter} and kept in the request context.
 *
 * @param keyId    the API key id, or "anonymous", or "admin"
 * @param scopes   what the caller may do
 * @param admin    true when the request carried the valid admin token
 * @param clientIp the caller's address (for rate limits and logs)
 */
public record ClientIdentity(String keyId, Set<Scope> scopes, boolean admin, String clientIp) {
    public static final String ANONYMOUS = "anonymous";

    public ClientIdentity {
        scopes = Set.copyOf(scopes);
    }

    public boolean anonymous() {
        return ANONYMOUS.equals(keyId);
    }

    public boolean may(Scope scope) {
        return admin || scopes.contains(scope);
    }
}
