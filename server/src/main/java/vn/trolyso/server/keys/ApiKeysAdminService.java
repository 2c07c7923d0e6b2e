package vn.trolyso.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.ApiKeyRegistry;
import vn.trolyso.server.security.ManagedApiKeys;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * API keys managed by the administrator (admin token): {@code POST /keys} creates one and answers 201 with the key —
 * the only time it is shown —, {@code GET /keys} lists them without secrets (the environment's keys too, read-only),
 * {@code DELETE /keys/{id}} revokes one. Changes apply to the next request (see {@link ManagedApiKeys}).
 *
 * <p>A key that names allowed origins is meant for a page (the widget): anyone who opens the page can read it, so it
 * may only have the widget's scopes ({@link Scope#WIDGET}).
 */
public final class ApiKeysAdminService {
    static final int MAX_NAME_CHARS = 100;
    static final int MAX_ORIGINS = 20;

    private final ManagedApiKeys managedKeys;
    private final ApiKeyRegistry keys;
    private final ZoneId zone;
    private final int maxBodyBytes;

    /**
     * @param managedKeys the keys the administrator creates and revokes here
     * @param keys        every key in force (the environment's are listed, never revoked here)
     * @param zone        the zone the page shows times in
     */
    public ApiKeysAdminService(ManagedApiKeys managedKeys, ApiKeyRegistry keys, ZoneId zone, int maxBodyBytes) {
        this.managedKeys = managedKeys;
        this.keys = keys;
        this.zone = zone;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void routes(Routes routes) {
        routes.post("/keys", RouteAccess.admin(), this::create)
                .get("/keys", RouteAccess.admin(), this::list)
                .delete("/keys/{id}", RouteAccess.admin(), this::revoke)
                .refuseOtherMethods("/keys", "/keys/{id}");
    }

    private void create(ServerRequest req, ServerResponse res) {
        ObjectNode body = JsonBody.readObject(req, maxBodyBytes);
        String name = name(JsonBody.optionalString(body, "name"));
        Set<Scope> scopes = scopes(body.get("scopes"));
        List<String> origins = origins(body.get("allowedOrigins"));
        Instant now = Instant.now();
        Instant expiresAt = expiry(JsonBody.optionalString(body, "expiresAt"), now);
        if (!origins.isEmpty() && !Scope.WIDGET.containsAll(scopes)) {
            throw ApiErrors.badRequest("browser_key_scope", "Khóa dùng trên trang web (có danh sách trang web được "
                    + "phép) chỉ được có quyền của widget (chat, learning): ai mở trang cũng đọc được khóa. Khóa có "
                    + "quyền khác chỉ dùng từ máy chủ của cổng thông tin, không ghi trang web được phép.");
        }
        ManagedApiKeys.Created created = managedKeys.create(name, scopes, origins, expiresAt, now);
        res.header(HeaderNames.LOCATION, "/api/v1/keys/" + created.managed().key().id());
        Json.send(res, Status.CREATED_201, KeyJson.Created.of(created.secret(), describe(created.managed(), now)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Instant now = Instant.now();
        List<KeyJson.Key> keys = new ArrayList<>();
        managedKeys.list().forEach(m -> keys.add(describe(m, now)));
        List<KeyJson.EnvironmentKey> environment = new ArrayList<>();
        for (ApiKey k : this.keys.environmentKeys()) {
            environment.add(new KeyJson.EnvironmentKey(k.id(), scopeNames(k.scopes()), "environment"));
        }
        Json.send(res, new KeyJson.Keys(keys, environment, zone.getId()));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (this.keys.environmentKeys().stream().anyMatch(k -> k.id().equals(id))) {
            throw new ApiException(Status.CONFLICT_409, "environment_key", "Khóa \"" + id + "\" được khai báo trong "
                    + "biến môi trường TROLYSO_API_KEYS: hãy bỏ nó ở đó rồi khởi động lại dịch vụ.");
        }
        Instant now = Instant.now();
        ManagedApiKeys.Managed m = managedKeys.revoke(id, now).orElseThrow(() ->
                ApiErrors.notFound("unknown_api_key", "Không tìm thấy khóa API \"" + id + "\"."));
        Json.send(res, describe(m, now));
    }

    private KeyJson.Key describe(ManagedApiKeys.Managed m, Instant now) {
        return new KeyJson.Key(m.key().id(), m.name(), m.keyPrefix(), scopeNames(m.key().scopes()),
                m.key().allowedOrigins(), local(m.createdAt()), local(m.key().expiresAt()), local(m.revokedAt()),
                m.status(now), "admin");
    }

    /** An instant as an ISO date-time with the offset of the server's time zone (the admin pages show it as is). */
    private String local(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone).toString();
    }

    private static List<String> scopeNames(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::apiName).toList();
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiErrors.badRequest("missing_name", "Hãy đặt tên cho khóa (ví dụ: \"Cổng thông tin trường\").");
        }
        TextInput.requireClean("name", raw);
        String name = raw.strip();
        if (TextInput.length(name) > MAX_NAME_CHARS) {
            throw ApiErrors.badRequest("name_too_long", "Tên khóa tối đa " + MAX_NAME_CHARS + " ký tự.");
        }
        return name;
    }

    private static Set<Scope> scopes(JsonNode node) {
        List<String> names = strings(node, "scopes");
        if (names.isEmpty()) {
            throw ApiErrors.badRequest("missing_scopes", "Hãy chọn ít nhất một quyền cho khóa (ví dụ: \"widget\").");
        }
        try {
            return Scope.parse(names);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.badRequest("invalid_scope", "Quyền không hợp lệ. Các quyền: chat, search, documents, "
                    + "framework, learning, hoặc nhóm widget (chat + learning), portal (tất cả).");
        }
    }

    private static List<String> origins(JsonNode node) {
        Set<String> origins = new LinkedHashSet<>();
        for (String raw : strings(node, "allowedOrigins")) {
            String o = raw.strip().toLowerCase(Locale.ROOT);
            if (o.endsWith("/")) {
                o = o.substring(0, o.length() - 1);
            }
            if (!o.isEmpty()) {
                origins.add(checkOrigin(o));
            }
        }
        if (origins.size() > MAX_ORIGINS) {
            throw ApiErrors.badRequest("too_many_origins", "Tối đa " + MAX_ORIGINS + " trang web cho một khóa.");
        }
        return List.copyOf(origins);
    }

    /** scheme://host[:port], nothing more: that is what a browser sends as Origin. */
    static String checkOrigin(String origin) {
        ApiException invalid = ApiErrors.badRequest("invalid_origin", "Địa chỉ trang web \"" + origin + "\" không hợp "
                + "lệ. Hãy ghi dạng https://truong.edu.vn (không có đường dẫn phía sau).");
        try {
            URI uri = URI.create(origin);
            boolean ok = uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (!ok) {
                throw invalid;
            }
            return origin;
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
    }

    /** "yyyy-mm-dd" (valid through the end of that day in the server's zone) or an ISO date-time; null = never. */
    private Instant expiry(String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant at;
        try {
            String s = raw.strip();
            at = s.length() == 10 ? LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw ApiErrors.badRequest("invalid_expiry", "Ngày hết hạn không hợp lệ. Hãy ghi dạng yyyy-mm-dd, ví dụ "
                    + "2026-12-31.");
        }
        if (!at.isAfter(now)) {
            throw ApiErrors.badRequest("expiry_in_past", "Ngày hết hạn phải ở tương lai.");
        }
        return at;
    }

    /** A JSON array of strings, or one string holding a comma/space/newline separated list. */
    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            for (String s : node.asText().split("[,\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s);
                }
            }
            return out;
        }
        if (!node.isArray()) {
            throw ApiErrors.invalidField(field, "phải là danh sách chuỗi ký tự.");
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw ApiErrors.invalidField(field, "phải là danh sách chuỗi ký tự.");
            }
            out.add(n.asText());
        }
        return out;
    }
}
