package vn.trolyso.server.security;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import vn.trolyso.server.http.ApiException;

/** Scope checks inside API handlers: {@code Access.require(req, Scope.SEARCH)}. */
public final class Access {
    private Access() {
    }

    /** The caller, as resolved by {@link AccessFilter}. */
    public static ClientIdentity identity(ServerRequest req) {
        return req.context().get(ClientIdentity.class).orElseThrow(() -> new IllegalStateException(
                "No client identity: the route " + req.path().path() + " is outside /api or the filter is missing"));
    }

    /** Throws 401 (no key) or 403 (key without that scope) unless the caller may use {@code scope}. */
    public static ClientIdentity require(ServerRequest req, Scope scope) {
        return check(identity(req), scope);
    }

    static ClientIdentity check(ClientIdentity who, Scope scope) {
        if (who.may(scope)) {
            return who;
        }
        if (who.anonymous()) {
            throw new ApiException(Status.UNAUTHORIZED_401, "api_key_required",
                    "Cần khóa API có quyền \"" + scope.apiName() + "\" (tiêu đề X-API-Key).");
        }
        throw new ApiException(Status.FORBIDDEN_403, "forbidden_scope",
                "Khóa API này không được phép dùng chức năng \"" + scope.apiName() + "\".");
    }
}
