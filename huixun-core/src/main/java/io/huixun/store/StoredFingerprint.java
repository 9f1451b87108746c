package io.huixun.store;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.Fingerprint;
import java.util.Objects;

/**
 * What the de-duplication index needs of a stored article to be rebuilt at start-up.
 *
 * @param canonicalId the article's group: its {@code duplicate_of}, or its own id
 */
public record StoredFingerprint(long id, long canonicalId, Fingerprint fingerprint, CanonicalRank rank) {
    public StoredFingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(rank, "rank");
    }
}
