package io.huixun.dedup;

import java.util.Objects;

/**
 * What de-duplication knows about a text: its exact key and its MinHash signature.
 *
 * @param exactKey  lower-case hex SHA-256 of the normalised text; equal keys mean exact duplicates
 * @param signature MinHash signature of the normalised text's character shingles
 */
public record Fingerprint(String exactKey, MinHashSignature signature) {
    public Fingerprint {
        Objects.requireNonNull(exactKey, "exactKey");
        Objects.requireNonNull(signature, "signature");
        if (!exactKey.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("exactKey must be 64 lower-case hex digits, was '" + exactKey + "'");
        }
    }
}
