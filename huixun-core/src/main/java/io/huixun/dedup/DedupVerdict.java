package io.huixun.dedup;

/**
 * The outcome of checking a new text against the index.
 */
public sealed interface DedupVerdict {

    /** How two texts were matched. */
    enum Kind {
        /** Same exact key: equal after normalisation. */
        EXACT,
        /** Estimated Jaccard similarity at or above the threshold. */
        NEAR
    }

    /** No stored text is a copy: the new one starts its own group. */
    record Unique() implements DedupVerdict {
    }

    /**
     * The new text belongs to the group of {@code canonicalId}, which stays canonical.
     *
     * @param matchedId   the indexed article that matched best (may be the canonical itself)
     * @param similarity  estimated Jaccard similarity to {@code matchedId} (1 for exact)
     */
    record DuplicateOf(long canonicalId, long matchedId, Kind kind, double similarity) implements DedupVerdict {
    }

    /**
     * The new text belongs to the group of {@code oldCanonicalId} but ranks better (earlier and clean): once stored
     * it becomes canonical and the group, old canonical included, must be relinked to it.
     */
    record Supersedes(long oldCanonicalId, long matchedId, Kind kind, double similarity) implements DedupVerdict {
    }
}
