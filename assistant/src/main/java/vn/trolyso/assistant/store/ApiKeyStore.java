package vn.trolyso.assistant.store;

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
import java.util.List;

/**
 * The API keys the administrator created ({@code api_key}): only the SHA-256 of each secret, its first characters to
 * recognise it, its scopes and origins, and when it was created, expires and was revoked.
 */
public final class ApiKeyStore {
    /**
     * One stored key.
     *
     * @param scopes         the scopes' API names
     * @param allowedOrigins the browser origins it may be used from (empty: any)
     * @param expiresAt      null when it does not expire
     * @param revokedAt      null while it is not revoked
     */
    public record StoredKey(String id, String name, String sha256Hex, String keyPrefix, List<String> scopes,
                            List<String> allowedOrigins, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        public StoredKey {
            scopes = List.copyOf(scopes);
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    private final Database database;

    public ApiKeyStore(Database database) {
        this.database = database;
    }

    public void insert(StoredKey key) {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO api_key(id,"
                + " name, key_sha256, key_prefix, scopes, allowed_origins, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, key.id());
            p.setString(2, key.name());
            p.setString(3, key.sha256Hex());
            p.setString(4, key.keyPrefix());
            p.setString(5, key.scopes().stream().sorted().reduce((a, b) -> a + " " + b).orElse(""));
            p.setString(6, String.join(" ", key.allowedOrigins()));
            p.setObject(7, OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
            if (key.expiresAt() == null) {
                p.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                p.setObject(8, OffsetDateTime.ofInstant(key.expiresAt(), ZoneOffset.UTC));
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot store the API key", e);
        }
    }

    /** Every stored key, revoked ones included, in no particular order. */
    public List<StoredKey> all() {
        List<StoredKey> all = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(
                "SELECT id, name, key_sha256, key_prefix, scopes, allowed_origins, created_at, expires_at, revoked_at"
                        + " FROM api_key");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                all.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        words(rs.getString(5)), words(rs.getString(6)), instant(rs, 7), instant(rs, 8),
                        instant(rs, 9)));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the API keys", e);
        }
        return all;
    }

    /** Marks the key revoked at {@code now} unless it already was; false when no unrevoked key has that id. */
    public boolean revoke(String id, Instant now) {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement(
                "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            p.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            p.setString(2, id);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Cannot revoke the API key", e);
        }
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
