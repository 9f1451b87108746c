package io.huixun.dedup;

import java.util.Optional;

/**
 * Gives the fingerprint an indexed article was added with, so that {@link DedupIndex} need not keep whole signatures
 * and exact keys in memory: it keeps 8 bits of each hash and looks the rest up for the few candidates that could
 * match. Example: over a store, {@code store::fingerprint}; over an array of fingerprints added with their positions
 * as ids, {@code id -> Optional.of(fingerprints[(int) id])}. Called from the threads that query the index, under its
 * read lock: an implementation must be safe for concurrent calls and must not call back into the index.
 */
@FunctionalInterface
public interface FingerprintLookup {
    /** The fingerprint of article {@code id}; empty if it is not available. */
    Optional<Fingerprint> fingerprint(long id);
}
