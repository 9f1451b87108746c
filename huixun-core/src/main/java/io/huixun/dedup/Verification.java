package io.huixun.dedup;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Exact Jaccard similarity of one new text against indexed articles' texts, used to confirm or reject LSH candidates
 * near the threshold where a 120-hash estimate is too noisy (its standard error is 0.046 at 0.5). Holds the new
 * text's shingles; not thread-safe only in the sense that it is meant for one query (it is immutable).
 */
public final class Verification {
    private final Deduplicator deduplicator;
    private final long[] shingles;
    private final TextLookup lookup;

    Verification(Deduplicator deduplicator, long[] shingles, TextLookup lookup) {
        this.deduplicator = deduplicator;
        this.shingles = shingles;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Exact similarity to article {@code id}, or empty when its text cannot be had. */
    OptionalDouble similarity(long id) {
        return lookup.canonicalText(id)
                .map(text -> OptionalDouble.of(Deduplicator.jaccard(shingles,
                        deduplicator.shingleHashes(deduplicator.normalize(text)))))
                .orElse(OptionalDouble.empty());
    }
}
