package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.ApiRoutesAccess;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.security.AdminAuth;
import vn.trolyso.server.testing.TestServers;
import vn.trolyso.assistant.store.Database;

/**
 * Every route {@code ApiRoutes} registers (method and path, recorded from the services' own routing rules) is
 * described in {@code openapi.yaml} with that method, every described operation lists its error responses, and every
 * error code a service's source raises is listed ({@code x-error-codes}) by one of the routes that service registers;
 * copies of the document with a route or a code removed fail the checks. The responses of a running server are
 * checked against the document by {@link ResponseSchemaContractTest}.
 */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    @TempDir
    static Path dataDir;

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocument() throws Exception {
        List<String> routes = registeredRoutes();
        assertTrue(routes.contains("POST /v1/chat/completions"), routes.toString());
        assertTrue(routes.contains("GET /api/v1/conversations/{id}"), routes.toString());
        assertEquals(List.of(), missing(routes, document()), "routes missing from openapi.yaml");
    }

    @Test
    void removingARouteFromACopyOfTheDocumentFailsTheCheck() throws Exception {
        Map<String, Object> copy = document();
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) copy.get("paths");
        paths.remove("/api/v1/conversations/{id}");
        @SuppressWarnings("unchecked")
        Map<String, Object> completions = (Map<String, Object>) paths.get("/v1/chat/completions");
        completions.remove("post");
        assertEquals(List.of("DELETE /api/v1/conversations/{id}", "GET /api/v1/conversations/{id}",
                "POST /v1/chat/completions"), missing(registeredRoutes(), copy));
    }

    @Test
    void everyApiOperationListsItsErrorResponses() throws Exception {
        List<String> without = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document().get("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (METHODS.contains(method) && (path.startsWith("/api/") || path.startsWith("/v1/"))) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> responses = (Map<Object, Object>) ((Map<String, Object>) op).get("responses");
                boolean error = responses.keySet().stream().map(String::valueOf).anyMatch(s -> s.matches("[45]\\d\\d"));
                if (!error) {
                    without.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }));
        assertEquals(List.of(), without, "operations documenting no error response");
    }

    /** The documented operations ("GET /path") that the registered routes lack. */
    private static List<String> missing(List<String> routes, Map<String, Object> document) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        return routes.stream().filter(r -> {
            String[] mp = r.split(" ", 2);
            Map<String, Object> ops = paths.get(mp[1]);
            return ops == null || !ops.containsKey(mp[0].toLowerCase(Locale.ROOT));
        }).sorted().toList();
    }

    private static Map<String, Object> document() throws Exception {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            return new Yaml().load(in);
        }
    }

    /** "METHOD /path" of every concrete route ApiRoutes registers (the 404/405 catch-alls are left out). */
    static List<String> registeredRoutes() {
        return List.copyOf(routeOwners().keySet());
    }

    /** Every concrete route ("METHOD /path") with the service that registers it. */
    static Map<String, Class<?>> routeOwners() {
        ServerConfig config = TestServers.config(dataDir);
        try (Database db = Database.open(config.dataDir())) {
            AppServices services = AppServices.builder(config).database(db).build();
            Map<String, Class<?>> routes = new TreeMap<>();
            HttpRouting.Builder recorder = (HttpRouting.Builder) recorder(HttpRouting.Builder.class, "", null, routes);
            ApiRoutesAccess.register(recorder, services, new AdminAuth(java.util.Optional.of("t")));
            return routes;
        }
    }

    /**
     * Each service's own source raises only codes that its routes list ({@code x-error-codes}, or the common ones):
     * per route group, not just somewhere in the document. Codes of shared helpers (JSON bodies, paging, the
     * learning exceptions) are checked by ResponseSchemaContractTest.
     */
    @Test
    void everyServiceListsTheErrorCodesItRaisesOnItsRoutes() throws Exception {
        assertEquals(List.of(), serviceCodeViolations(OpenApiDocument.load()));
    }

    @Test
    void removingAServicesErrorCodeFromACopyOfTheDocumentFailsTheCheck() throws Exception {
        OpenApiDocument copy = OpenApiDocument.load().copy();
        var codes = (com.fasterxml.jackson.databind.node.ArrayNode) copy.root()
                .at("/paths/~1api~1v1~1framework~1competencies~1{code}/get/x-error-codes/400");
        assertEquals("invalid_competency_code", codes.get(0).asText());
        codes.remove(0);
        assertEquals(List.of("FrameworkService raises invalid_competency_code, listed by none of its routes"),
                serviceCodeViolations(copy));
    }

    private static List<String> serviceCodeViolations(OpenApiDocument doc) throws java.io.IOException {
        Map<Class<?>, Set<String>> listed = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> route : routeOwners().entrySet()) {
            String[] mp = route.getKey().split(" ", 2);
            Set<String> codes = listed.computeIfAbsent(route.getValue(), k -> new TreeSet<>());
            doc.root().path("x-common-error-codes").forEach(l -> l.forEach(c -> codes.add(c.asText())));
            doc.operation(mp[0], mp[1]).ifPresent(op -> op.node().path("x-error-codes")
                    .forEach(l -> l.forEach(c -> codes.add(c.asText()))));
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Class<?>, Set<String>> service : listed.entrySet()) {
            Path source = Path.of("src/main/java", service.getKey().getName().replace('.', '/') + ".java");
            for (String code : OpenApiDocument.raisedCodes(java.nio.file.Files.readString(source))) {
                if (!service.getValue().contains(code)) {
                    out.add(service.getKey().getSimpleName() + " raises " + code + ", listed by none of its routes");
                }
            }
        }
        return out;
    }

    private static Object recorder(Class<?> type, String prefix, Class<?> owner, Map<String, Class<?>> routes) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("register") && args != null) {
                String base = args[0] instanceof String s ? prefix + s : prefix;
                for (Object a : args) {
                    for (Object service : a instanceof Object[] arr ? arr : new Object[] {a}) {
                        if (service instanceof HttpService hs) {
                            hs.routing((HttpRules) recorder(HttpRules.class, base, hs.getClass(), routes));
                        }
                    }
                }
            } else if (METHODS.contains(name) && args != null && args.length >= 1 && args[0] instanceof String path) {
                String full = prefix + path;
                routes.put(name.toUpperCase(Locale.ROOT) + " " + (full.length() > 1 && full.endsWith("/")
                        ? full.substring(0, full.length() - 1) : full),
                        owner != null ? owner : handlerOwner(args.length > 1 ? args[1] : null));
            }
            return method.getReturnType().isInstance(proxy) ? proxy : null;
        };
        return Proxy.newProxyInstance(OpenApiContractTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** The service whose method reference ({@code this::search}) a route's handler is, unwrapping the admin guard. */
    private static Class<?> handlerOwner(Object handler) {
        Object h = handler instanceof Object[] varargs && varargs.length > 0 ? varargs[0] : handler;
        h = h instanceof vn.trolyso.server.security.Routes.AdminOnly guarded ? guarded.handler() : h;
        if (h == null) {
            return null;
        }
        String name = h.getClass().getName();
        int lambda = name.indexOf("$$");
        try {
            return lambda > 0 ? Class.forName(name.substring(0, lambda)) : h.getClass();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
