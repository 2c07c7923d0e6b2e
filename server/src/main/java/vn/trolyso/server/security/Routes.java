package vn.trolyso.server.security;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.util.function.Function;

/**
 * Registers a service's routes, each with the access it needs ({@link RouteAccess}), under one prefix. The access is
 * recorded in the {@link RouteTable} the {@link AccessFilter} reads, and an admin route's handler runs behind the
 * admin-token check. {@link #refuseOtherMethods} makes other methods on a path answer 405, whichever service
 * registers the path's other methods and in whatever order.
 */
public final class Routes {
    private final RouteTable table;
    private final HttpRouting.Builder routing;
    private final String prefix;
    private final Function<String[], Handler> methodNotAllowed;

    Routes(RouteTable table, HttpRouting.Builder routing, String prefix,
           Function<String[], Handler> methodNotAllowed) {
        this.table = table;
        this.routing = routing;
        this.prefix = prefix;
        this.methodNotAllowed = methodNotAllowed;
    }

    public Routes get(String path, RouteAccess access, Handler handler) {
        return route(Method.GET, path, access, handler);
    }

    public Routes post(String path, RouteAccess access, Handler handler) {
        return route(Method.POST, path, access, handler);
    }

    public Routes delete(String path, RouteAccess access, Handler handler) {
        return route(Method.DELETE, path, access, handler);
    }

    /** Other methods on these paths answer 405 with the methods registered for them. */
    public Routes refuseOtherMethods(String... paths) {
        for (String path : paths) {
            table.refuseOtherMethods(prefix + path, methodNotAllowed);
        }
        return this;
    }

    private Routes route(Method method, String path, RouteAccess access, Handler handler) {
        String full = prefix + path;
        table.add(method, full, access);
        Handler guarded = access.adminToken() ? new AdminOnly(table.admin(), handler) : handler;
        switch (method.text()) {
            case "GET" -> routing.get(full, guarded);
            case "POST" -> routing.post(full, guarded);
            case "DELETE" -> routing.delete(full, guarded);
            default -> routing.route(method, full, guarded);
        }
        return this;
    }

    /** A handler that runs only for a request with the admin token (the contract test unwraps it to find its owner). */
    public record AdminOnly(AdminAuth admin, Handler handler) implements Handler {
        @Override
        public void handle(io.helidon.webserver.http.ServerRequest req, io.helidon.webserver.http.ServerResponse res)
                throws Exception {
            admin.require(req);
            handler.handle(req, res);
        }
    }
}
