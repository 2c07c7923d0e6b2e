package vn.trolyso.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.ApiRoutesAccess;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.TestServers;

/**
 * The access each route declares where it is registered gives, for every path and method, what the prefix table it
 * replaced gave (copied below as {@link Before}): the same admin-only paths, scopes and framework light reads.
 */
class RouteTableTest {
    @TempDir
    static Path dataDir;

    /** The rules of the former RouteScopes, verbatim. */
    static final class Before {
        static final Map<String, Scope> PREFIXES = Map.ofEntries(
                Map.entry("/api/v1/chat", Scope.CHAT), Map.entry("/api/v1/feedback", Scope.CHAT),
                Map.entry("/api/v1/conversations", Scope.CHAT), Map.entry("/v1/chat", Scope.CHAT),
                Map.entry("/v1/models", Scope.CHAT), Map.entry("/api/v1/search", Scope.SEARCH),
                Map.entry("/api/v1/documents", Scope.DOCUMENTS), Map.entry("/api/v1/framework", Scope.FRAMEWORK),
                Map.entry("/api/v1/materials", Scope.LEARNING), Map.entry("/api/v1/assessment", Scope.LEARNING),
                Map.entry("/api/v1/profile", Scope.LEARNING), Map.entry("/api/v1/learning-path", Scope.LEARNING),
                Map.entry("/api/v1/progress", Scope.LEARNING));

        static boolean adminOnly(Method method, String path) {
            return path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/reports/")
                    || path.equals("/api/v1/keys") || path.startsWith("/api/v1/keys/")
                    || path.startsWith("/api/v1/documents/")
                    || (path.equals("/api/v1/documents") && method.equals(Method.POST))
                    || (path.equals("/api/v1/materials") && method.equals(Method.POST))
                    || (path.startsWith("/api/v1/materials/") && method.equals(Method.DELETE));
        }

        static boolean isLightRead(String path) {
            return path.equals("/api/v1/framework") || path.startsWith("/api/v1/framework/");
        }

        static Optional<Scope> forPath(String path) {
            return PREFIXES.entrySet().stream()
                    .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    @Test
    void everyRegisteredPathNeedsWhatThePrefixTableRequired() {
        ServerConfig config = TestServers.config(dataDir);
        RouteTable table = new RouteTable(new AdminAuth(Optional.of("t")));
        try (Database db = Database.open(config.dataDir())) {
            ApiRoutesAccess.register(HttpRouting.builder(), AppServices.builder(config).database(db).build(), table);
        }
        List<String> paths = new ArrayList<>();
        for (RouteTable.Route r : table.routesForTests()) {
            String concrete = r.path().replaceAll("\\{[^}]+}", "x1");
            paths.add(concrete);
            paths.add(concrete + "/deeper");
        }
        assertTrue(paths.size() > 40, paths.toString());
        List<String> differ = new ArrayList<>();
        for (String path : paths) {
            for (Method method : List.of(Method.GET, Method.POST, Method.PUT, Method.DELETE)) {
                Optional<RouteAccess> now = table.access(method, path);
                boolean adminOnly = now.map(RouteAccess::adminOnly).orElse(false);
                Optional<Scope> scope = adminOnly ? Optional.empty() : now.flatMap(RouteAccess::scope);
                boolean light = method.equals(Method.GET) && now.map(RouteAccess::lightRead).orElse(false);
                boolean beforeAdmin = Before.adminOnly(method, path);
                Optional<Scope> beforeScope = beforeAdmin ? Optional.empty() : Before.forPath(path);
                boolean beforeLight = method.equals(Method.GET) && Before.isLightRead(path);
                if (adminOnly != beforeAdmin || !scope.equals(beforeScope) || light != beforeLight) {
                    differ.add(method.text() + " " + path + ": admin " + adminOnly + "/" + beforeAdmin + ", scope "
                            + scope + "/" + beforeScope + ", light " + light + "/" + beforeLight);
                }
            }
        }
        assertEquals(List.of(), differ);
    }
}
