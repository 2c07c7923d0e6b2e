package vn.trolyso.server.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.trolyso.assistant.store.ApiKeyStore;
import vn.trolyso.assistant.store.Database;

/**
 * The API keys the administrator creates and revokes in the admin page, kept hashed in the database
 * ({@link ApiKeyStore}). The keys in use are also held in memory, replaced after every change, so a new key works and
 * a revoked one is refused on the very next request, without a restart; they are read again every 10 seconds too,
 * so a key created or revoked on another node sharing the database takes effect here within that time.
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
    /** How long the keys held in memory are trusted before they are read again (keys changed on another node). */
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyStore store;
    /** Unrevoked keys by the hex SHA-256 of their secret. */
    private volatile Map<String, ApiKey> active = Map.of();
    private volatile long loadedAt;

    public ManagedApiKeys(Database database) {
        this.store = new ApiKeyStore(database);
        reload();
    }

    /** The unrevoked key whose secret hashes to {@code sha256Hex} (expiry is checked by the caller). */
    Optional<ApiKey> byHash(String sha256Hex) {
        if (stale()) {
            reloadIfStale();
        }
        return Optional.ofNullable(active.get(sha256Hex));
    }

    public Created create(String name, Set<Scope> scopes, List<String> allowedOrigins, Instant expiresAt,
                          Instant now) {
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        String id = "k-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(6))
                .replace('_', 'x').replace('-', 'y').toLowerCase(java.util.Locale.ROOT);
        ApiKey key = new ApiKey(id, Secrets.sha256Hex(secret), scopes, allowedOrigins, expiresAt);
        Managed managed = new Managed(key, name, secret.substring(0, SECRET_PREFIX.length() + 4), now, null);
        try {
            store.insert(new ApiKeyStore.StoredKey(id, name, key.sha256Hex(), managed.keyPrefix(),
                    scopes.stream().map(Scope::apiName).toList(), allowedOrigins, now, expiresAt, null));
        } finally {
            reload();
        }
        return new Created(managed, secret);
    }

    /** Every key created here, newest first, revoked ones included. */
    public List<Managed> list() {
        List<Managed> all = new ArrayList<>();
        for (ApiKeyStore.StoredKey k : store.all()) {
            all.add(new Managed(new ApiKey(k.id(), k.sha256Hex(), Scope.parse(k.scopes()), k.allowedOrigins(),
                    k.expiresAt()), k.name(), k.keyPrefix(), k.createdAt(), k.revokedAt()));
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
        try {
            store.revoke(id, now);
        } finally {
            reload();
        }
        return list().stream().filter(m -> m.key().id().equals(id)).findFirst();
    }

    private boolean stale() {
        return System.nanoTime() - loadedAt > REFRESH_EVERY.toNanos();
    }

    /** Checked again under the lock: requests that queued behind one reload do not each read the table again. */
    private synchronized void reloadIfStale() {
        if (stale()) {
            reload();
        }
    }

    private synchronized void reload() {
        active = list().stream().filter(m -> m.revokedAt() == null)
                .collect(Collectors.toUnmodifiableMap(m -> m.key().sha256Hex(), Managed::key));
        loadedAt = System.nanoTime();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
