package io.huixun.dedup;

import java.util.List;

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
     * @param matchedId   the indexed article that matched (the canonical itself for near matches)
     * @param similarity  estimated Jaccard similarity to {@code matchedId} (1 for exact)
     */
    record DuplicateOf(long canonicalId, long matchedId, Kind kind, double similarity) implements DedupVerdict {
    }

    /**
     * The new text matches the canonical of each group in {@code oldCanonicalIds} and ranks better than all of them
     * (clean, earlier): once stored it becomes canonical, and those groups, old canonicals included, must be relinked
     * to it (they merge). Usually one group.
     *
     * @param matchedId  the old canonical it matched best
     */
    record Supersedes(List<Long> oldCanonicalIds, long matchedId, Kind kind, double similarity) implements DedupVerdict {
        public Supersedes {
            oldCanonicalIds = List.copyOf(oldCanonicalIds);
            if (oldCanonicalIds.isEmpty()) {
                throw new IllegalArgumentException("a supersede needs at least one old canonical");
            }
        }
    }
}
