package io.huixun.dedup;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What de-duplication knows about a text: its exact key and its MinHash signature.
 *
 * @param exactKey  lower-case hex SHA-256 of the normalised text; equal keys mean exact duplicates
 * @param signature MinHash signature of the normalised text's character shingles
 */
public record Fingerprint(String exactKey, MinHashSignature signature) {
    /** Compiled once: the index's start-up rebuild makes a fingerprint of every stored article. */
    private static final Pattern EXACT_KEY = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        Objects.requireNonNull(exactKey, "exactKey");
        Objects.requireNonNull(signature, "signature");
        if (!EXACT_KEY.matcher(exactKey).matches()) {
            throw new IllegalArgumentException("exactKey must be 64 lower-case hex digits, was '" + exactKey + "'");
        }
    }
}
