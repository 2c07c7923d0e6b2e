package vn.trolyso.server.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The configured API keys, looked up by the SHA-256 of the presented key. */
public final class ApiKeyRegistry {
    private final List<ApiKey> keys;

    public ApiKeyRegistry(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The key whose hash matches {@code presented}; compares every hash in constant time. */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = Secrets.sha256(presented);
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(k.sha256Hex()))) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }
}
