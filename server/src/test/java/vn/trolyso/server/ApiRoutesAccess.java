package vn.trolyso.server;

import io.helidon.webserver.http.HttpRouting;
import vn.trolyso.server.security.AdminAuth;
import vn.trolyso.server.security.RouteTable;

/** Lets tests outside the package run {@code ApiRoutes.register} (the contract test records the routes). */
public final class ApiRoutesAccess {
    private ApiRoutesAccess() {
    }

    public static void register(HttpRouting.Builder routing, AppServices services, AdminAuth admin) {
        register(routing, services, new RouteTable(admin));
    }

    public static void register(HttpRouting.Builder routing, AppServices services, RouteTable table) {
        ApiRoutes.register(routing, services, table);
    }
}
