package vn.trolyso.server.security;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An API client: a name for logs and rate limits, the SHA-256 of its key (the key itself is never stored), what it
 * may do, and — for keys the administrator created in the admin page — the web origins it may be used from (empty =
 * any allowed origin) and when it expires (null = never).
 */
public record ApiKey(String id, String sha256Hex, Set<Scope> scopes, List<String> allowedOrigins, Instant expiresAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("API key id must be 1-64 characters of A-Z a-z 0-9 _ . - : " + id);
        }
        sha256Hex = sha256Hex == null ? "" : sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("API key '" + id + "' needs a SHA-256 hex digest (64 hex digits)");
        }
        HexFormat.of().parseHex(sha256Hex);
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("API key '" + id + "' has no scope");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** A key from the environment (TROLYSO_API_KEYS): any allowed origin, no expiry. */
    public ApiKey(String id, String sha256Hex, Set<Scope> scopes) {
        this(id, sha256Hex, scopes, List.of(), null);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** True when the key may be used from a page of {@code origin} (a key without a list leaves it to CORS). */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.isEmpty() || allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }
}
