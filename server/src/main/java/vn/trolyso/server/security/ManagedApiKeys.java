package vn.trolyso.server.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.trolyso.assistant.store.Database;

/**
 * The API keys the administrator creates and revokes in the admin page, kept hashed in the {@code api_key} table. The
 * keys in use are also held in memory, replaced after every change, so a new key works and a revoked one is refused
 * on the very next request, without a restart.
 */
public final class ManagedApiKeys {
    /** What the admin page shows of a key: everything but the secret. */
    public record Managed(ApiKey key, String name, String keyPrefix, Instant createdAt, Instant revokedAt) {
        public String status(Instant now) {
            return revokedAt != null ? "revoked" : key.expired(now) ? "expired" : "active";
        }
    }

    /** A key just created: {@code secret} is shown to the administrator once and never stored. */
    public record Created(Managed managed, String secret) {
    }

    static final String SECRET_PREFIX = "tls_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    /** Unrevoked keys by the hex SHA-256 of their secret. */
    private volatile Map<String, ApiKey> active = Map.of();

    public ManagedApiKeys(Database database) {
        this.database = database;
        reload();
    }

    /** The unrevoked key whose secret hashes to {@code sha256Hex} (expiry is checked by the caller). */
    Optional<ApiKey> byHash(String sha256Hex) {
        return Optional.ofNullable(active.get(sha256Hex));
    }

    public Created create(String name, Set<Scope> scopes, List<String> allowedOrigins, Instant expiresAt,
                          Instant now) {
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        String id = "k-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(6))
                .replace('_', 'x').replace('-', 'y').toLowerCase(java.util.Locale.ROOT);
        ApiKey key = new ApiKey(id, Secrets.sha256Hex(secret), scopes, allowedOrigins, expiresAt);
        Managed managed = new Managed(key, name, secret.substring(0, SECRET_PREFIX.length() + 4), now, null);
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO api_key(id,"
                + " name, key_sha256, key_prefix, scopes, allowed_origins, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, name);
            p.setString(3, key.sha256Hex());
            p.setString(4, managed.keyPrefix());
            p.setString(5, scopes.stream().map(Scope::apiName).sorted().collect(Collectors.joining(" ")));
            p.setString(6, String.join(" ", allowedOrigins));
            p.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            if (expiresAt == null) {
                p.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                p.setObject(8, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the API key: " + e.getMessage(), e);
        } finally {
            reload();
        }
        return new Created(managed, secret);
    }

    /** Every key created here, newest first, revoked ones included. */
    public List<Managed> list() {
        List<Managed> all = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(
                "SELECT id, name, key_sha256, key_prefix, scopes, allowed_origins, created_at, expires_at, revoked_at"
                        + " FROM api_key");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                all.add(new Managed(new ApiKey(rs.getString(1), rs.getString(3),
                        Scope.parse(List.of(rs.getString(5))), words(rs.getString(6)), instant(rs, 8)),
                        rs.getString(2), rs.getString(4), instant(rs, 7), instant(rs, 9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the API keys: " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(Managed::createdAt).reversed());
        return all;
    }

    /**
     * Revokes a key: refused from the next request on.
     *
     * @return the key as it is now, or empty when no key has that id
     */
    public Optional<Managed> revoke(String id, Instant now) {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(
                "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            p.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            p.setString(2, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke the API key: " + e.getMessage(), e);
        } finally {
            reload();
        }
        return list().stream().filter(m -> m.key().id().equals(id)).findFirst();
    }

    private synchronized void reload() {
        active = list().stream().filter(m -> m.revokedAt() == null)
                .collect(Collectors.toUnmodifiableMap(m -> m.key().sha256Hex(), Managed::key));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
