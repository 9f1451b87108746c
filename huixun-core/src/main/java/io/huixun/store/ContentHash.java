package io.huixun.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an article's original bytes, as 64 lower-case hex digits. The store keeps at most one article per
 * content hash, which makes re-ingesting the same input a no-op.
 */
public record ContentHash(String hex) {
    public ContentHash {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a content hash is 64 lower-case hex digits, was '" + hex + "'");
        }
    }

    public static ContentHash of(byte[] bytes) {
        try {
            return new ContentHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
