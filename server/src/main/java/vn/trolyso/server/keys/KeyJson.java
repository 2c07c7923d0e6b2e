package vn.trolyso.server.keys;

import java.util.List;

/** The response bodies of the API key administration (openapi.yaml ApiKeyInfo). */
final class KeyJson {
    private KeyJson() {
    }

    /** A key created in the admin page, without its secret. */
    record Key(String id, String name, String keyPrefix, List<String> scopes, List<String> allowedOrigins,
               String createdAt, String expiresAt, String revokedAt, String status, String source) {
    }

    /** {@code POST /keys} (201): the key with its secret, shown this once, right after its id. */
    record Created(String id, String key, String name, String keyPrefix, List<String> scopes,
                   List<String> allowedOrigins, String createdAt, String expiresAt, String revokedAt, String status,
                   String source) {
        static Created of(String secret, Key k) {
            return new Created(k.id(), secret, k.name(), k.keyPrefix(), k.scopes(), k.allowedOrigins(), k.createdAt(),
                    k.expiresAt(), k.revokedAt(), k.status(), k.source());
        }
    }

    record EnvironmentKey(String id, List<String> scopes, String source) {
    }

    record Keys(List<Key> keys, List<EnvironmentKey> environmentKeys, String timeZone) {
    }
}
