package io.huixun.dedup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link DedupRules} finds the stored articles a new text could be a copy of: the in-memory {@link DedupIndex}
 * or a store's persisted LSH buckets. A source answers three narrow questions, each about a handful of articles
 * whatever the number stored, and takes no decision itself.
 *
 * <p>Example: a text whose band 7 hashes to key {@code 0x3f…} asks {@link #lookup} for every member whose band
 * 7 has that key; the rules then estimate each one's similarity from its signature.
 */
public interface DedupCandidates {

    /**
     * What the rules need of one indexed article.
     *
     * @param canonicalId its group's canonical: its own id when it is canonical
     * @param rank        its rank as a canonical (clean, published)
     */
    record Member(long id, long canonicalId, MinHashSignature signature, CanonicalRank rank) {
        public Member {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(rank, "rank");
        }
    }

    /**
     * The candidates for a text, in one look-up.
     *
     * @param exactTwin   the first indexed member (smallest id) whose exact key is the text's, ignoring texts with no
     *                    shingle
     * @param sharingBands the distinct members that share at least one band with the text; members with an empty
     *                    signature are never among them. Any order.
     */
    record Found(Optional<Member> exactTwin, List<Member> sharingBands) {
        public Found {
            Objects.requireNonNull(exactTwin, "exactTwin");
            sharingBands = List.copyOf(sharingBands);
        }
    }

    /**
     * The exact twin of a text with exact key {@code exactKey} and the members sharing a band with it:
     * {@code bandKeys[b]} is the text's key of band {@code b} ({@link DedupConfig#bandKeys}).
     */
    Found lookup(String exactKey, long[] bandKeys);

    /** These members by id (the canonicals of matched copies); unknown ids are absent. */
    Map<Long, Member> members(Collection<Long> ids);
}
