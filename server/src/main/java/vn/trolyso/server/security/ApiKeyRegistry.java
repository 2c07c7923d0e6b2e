package vn.trolyso.server.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys in force, looked up by the SHA-256 of the presented key: those of the environment (TROLYSO_API_KEYS)
 * and those the administrator created in the admin page ({@link ManagedApiKeys}), read as they are at each call.
 */
public final class ApiKeyRegistry {
    private final List<ApiKey> keys;
    private final ManagedApiKeys managed;

    public ApiKeyRegistry(List<ApiKey> keys) {
        this(keys, null);
    }

    public ApiKeyRegistry(List<ApiKey> environmentKeys, ManagedApiKeys managed) {
        this.keys = List.copyOf(environmentKeys);
        this.managed = managed;
    }

    /**
     * The key whose hash matches {@code presented}; compares every environment hash in constant time. Admin-created
     * keys are found by their hash in a map: a key is 192 random bits, so a lookup by its digest tells nothing.
     */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = Secrets.sha256(presented);
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(k.sha256Hex()))) {
                found = k;
            }
        }
        if (found == null && managed != null) {
            return managed.byHash(HexFormat.of().formatHex(hash));
        }
        return Optional.ofNullable(found);
    }

    /** The keys configured in the environment (listed, never revocable from the admin page). */
    public List<ApiKey> environmentKeys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty() && (managed == null || managed.list().isEmpty());
    }
}
