package vn.trolyso.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing and constant-time comparison of secrets (API keys, the admin token). */
public final class Secrets {
    private Secrets() {
    }

    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Compares two secrets without leaking where they differ (compares their digests). */
    public static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }
}
