package vn.trolyso.server.security;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A configured API client: a name for logs and rate limits, the SHA-256 of its key (the key itself is never stored),
 * and what it may do.
 */
public record ApiKey(String id, String sha256Hex, Set<Scope> scopes) {
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
    }
}
