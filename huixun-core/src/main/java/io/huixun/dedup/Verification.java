package io.huixun.dedup;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Exact Jaccard similarity of one new text against indexed articles' texts, used to confirm or reject LSH candidates
 * near the threshold where a 120-hash estimate is too noisy (its standard error is 0.046 at 0.5). The new text's
 * shingles are computed on first use only: most texts never have a candidate near the threshold. Meant for the
 * queries about one text, from one thread.
 */
public final class Verification {
    private final Deduplicator deduplicator;
    private final String text;
    private final TextLookup lookup;
    private long[] shingles;

    Verification(Deduplicator deduplicator, String text, TextLookup lookup) {
        this.deduplicator = deduplicator;
        this.text = Objects.requireNonNull(text, "text");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Exact similarity to article {@code id}, or empty when its text cannot be had. */
    OptionalDouble similarity(long id) {
        return lookup.canonicalText(id)
                .map(other -> OptionalDouble.of(Deduplicator.jaccard(shingles(),
                        deduplicator.shingleHashes(deduplicator.normalize(other)))))
                .orElse(OptionalDouble.empty());
    }

    private long[] shingles() {
        if (shingles == null) {
            shingles = deduplicator.shingleHashes(deduplicator.normalize(text));
        }
        return shingles;
    }
}
