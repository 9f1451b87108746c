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
 * <p>Example: a text whose band 7 hashes to key {@code 0x3f…} asks {@link #sharingBands} for every member whose band
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

    /** The first indexed member (smallest id) whose exact key is {@code exactKey}, ignoring texts with no shingle. */
    Optional<Member> exactTwin(String exactKey);

    /**
     * The distinct members that share at least one band with the text: {@code bandKeys[b]} is the text's key of band
     * {@code b} ({@link DedupConfig#bandKeys}). Members with an empty signature are never returned. Any order.
     */
    List<Member> sharingBands(long[] bandKeys);

    /** These members by id (the canonicals of matched copies); unknown ids are absent. */
    Map<Long, Member> members(Collection<Long> ids);
}
