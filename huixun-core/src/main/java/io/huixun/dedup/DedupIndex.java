package io.huixun.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory MinHash LSH index of articles' fingerprints, grouped by canonical article: the batch-local index of
 * {@code DeduplicatingWriter.saveAll}, the dedup evaluation and tests. Stored articles are found through the store's
 * persisted buckets instead (nothing is rebuilt at start-up); both answer through the same {@link DedupRules}.
 *
 * <p>Design: each member's signature is cut into {@code bands} bands of {@code rows} hashes; a band hashes to one
 * 64-bit bucket key ({@link DedupConfig#bandKeys}). Buckets live in one open-addressing table keyed by that key (the
 * band is mixed into it) whose slots head a chain of members (chains are threaded through an {@code int[]}, so a
 * member costs {@code bands} ints plus its signature, no boxed objects). Exact keys are looked up in a hash map. The
 * decisions (threshold, verification, joining through the canonical only, rank and promotion) are
 * {@link DedupRules}'; this class only finds the candidates. Example: {@code add(1, 1, fp("新闻…"), rank)}, then
 * {@code check(fp("新聞…"), rank)} answers {@code DuplicateOf(1)}.
 *
 * <p>Thread-safe: queries share a read lock, {@link #add} and {@link #relink} take the write lock. The caller must
 * serialise "check, store, add" for new articles, or two copies arriving together could both become canonical.
 */
public final class DedupIndex {

    /** One indexed article similar to a query. */
    public record Match(long id, long canonicalId, double similarity) {
    }

    private final DedupConfig config;
    private final DedupRules rules;
    private final DedupCandidates candidates = new Candidates();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // members, by slot
    private int size;
    private long[] ids = new long[1024];
    private long[] canonicalIds = new long[1024];
    private boolean[] clean = new boolean[1024];
    private long[] publishedMillis = new long[1024]; // Long.MAX_VALUE when unknown
    private int[] signatures;
    private int[] next; // chain link of entry slot*bands+band; -1 ends a chain
    private final Map<Long, Integer> slotById = new HashMap<>();
    private final Map<String, Integer> slotByExactKey = new HashMap<>();

    // buckets: open addressing on (band, key); heads[i] == -1 means empty
    private long[] bucketKeys = new long[1 << 12];
    private int[] bucketHeads = filled(1 << 12);
    private int bucketsUsed;

    public DedupIndex(DedupConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.rules = new DedupRules(config);
        this.signatures = new int[1024 * config.numHashes()];
        this.next = new int[1024 * config.bands()];
    }

    /** Number of indexed articles. */
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Decides what a new text is: unique, a duplicate of an existing group, or a better (earlier, clean) copy that
     * should become its group's canonical. Does not add it.
     */
    public DedupVerdict check(Fingerprint fingerprint, CanonicalRank rank) {
        return decide(fingerprint, rank, null);
    }

    /**
     * Like {@link #check(Fingerprint, CanonicalRank)}, but candidates whose estimate is within
     * {@link DedupConfig#verifyMargin()} of the threshold are confirmed by exact similarity of the texts: decisions
     * then agree with exact Jaccard except for pairs the LSH bands never bring together.
     */
    public DedupVerdict check(Fingerprint fingerprint, CanonicalRank rank, Verification verification) {
        return decide(fingerprint, rank, Objects.requireNonNull(verification, "verification"));
    }

    /** {@code verification} may be null here: estimates only. */
    private DedupVerdict decide(Fingerprint fingerprint, CanonicalRank rank, Verification verification) {
        lock.readLock().lock();
        try {
            return rules.decide(fingerprint, rank, verification, candidates);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Indexed articles whose estimated similarity to {@code fingerprint} reaches the threshold, most similar first
     * (ties: smaller id first). Exact-key matches are reported with similarity 1.
     */
    public List<Match> matches(Fingerprint fingerprint) {
        return find(fingerprint, null);
    }

    /** Like {@link #matches(Fingerprint)}, with candidates near the threshold verified exactly. */
    public List<Match> matches(Fingerprint fingerprint, Verification verification) {
        return find(fingerprint, Objects.requireNonNull(verification, "verification"));
    }

    /** {@code verification} may be null here: estimates only. */
    private List<Match> find(Fingerprint fingerprint, Verification verification) {
        lock.readLock().lock();
        try {
            return rules.matches(fingerprint, verification, candidates);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds a stored article. {@code canonicalId} is its own id when it is canonical.
     *
     * @throws IllegalArgumentException if {@code id} is already indexed
     */
    public void add(long id, long canonicalId, Fingerprint fingerprint, CanonicalRank rank) {
        requireSize(fingerprint);
        lock.writeLock().lock();
        try {
            if (slotById.containsKey(id)) {
                throw new IllegalArgumentException("article " + id + " is already indexed");
            }
            int slot = size;
            grow(slot + 1);
            size++;
            ids[slot] = id;
            canonicalIds[slot] = canonicalId;
            clean[slot] = rank.clean();
            publishedMillis[slot] = rank.published().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            slotById.put(id, slot);
            MinHashSignature signature = fingerprint.signature();
            int n = config.numHashes();
            for (int i = 0; i < n; i++) {
                signatures[slot * n + i] = signature.at(i);
            }
            if (signature.isEmpty()) {
                for (int band = 0; band < config.bands(); band++) {
                    next[slot * config.bands() + band] = -1;
                }
                return;
            }
            slotByExactKey.putIfAbsent(fingerprint.exactKey(), slot);
            long[] keys = config.bandKeys(signature);
            for (int band = 0; band < config.bands(); band++) {
                long key = keys[band];
                int bucket = findBucket(key);
                if (bucketHeads[bucket] == -1) {
                    bucketKeys[bucket] = key;
                    bucketsUsed++;
                }
                int entry = slot * config.bands() + band;
                next[entry] = bucketHeads[bucket];
                bucketHeads[bucket] = entry;
                if (bucketsUsed * 2 > bucketKeys.length) {
                    rehash();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves every member of {@code oldCanonicalId}'s group (the old canonical too) to {@code newCanonicalId}. */
    public void relink(long oldCanonicalId, long newCanonicalId) {
        lock.writeLock().lock();
        try {
            for (int slot = 0; slot < size; slot++) {
                if (canonicalIds[slot] == oldCanonicalId || ids[slot] == newCanonicalId) {
                    canonicalIds[slot] = newCanonicalId;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The index as a source of candidates for {@link DedupRules}; called under the read lock. */
    private final class Candidates implements DedupCandidates {
        @Override
        public Found lookup(String exactKey, long[] bandKeys) {
            Integer slot = slotByExactKey.get(exactKey);
            return new Found(slot == null ? Optional.empty() : Optional.of(member(slot)), sharingBands(bandKeys));
        }

        private List<Member> sharingBands(long[] bandKeys) {
            int bands = config.bands();
            List<Member> found = new ArrayList<>();
            BitSet seen = new BitSet(size);
            for (long key : bandKeys) {
                for (int entry = bucketHeads[findBucket(key)]; entry != -1; entry = next[entry]) {
                    int slot = entry / bands;
                    if (!seen.get(slot)) {
                        seen.set(slot);
                        found.add(member(slot));
                    }
                }
            }
            return found;
        }

        @Override
        public Map<Long, Member> members(Collection<Long> wanted) {
            Map<Long, Member> found = new HashMap<>();
            for (long id : wanted) {
                Integer slot = slotById.get(id);
                if (slot != null) {
                    found.put(id, member(slot));
                }
            }
            return found;
        }

        private Member member(int slot) {
            int n = config.numHashes();
            long millis = publishedMillis[slot];
            CanonicalRank rank = new CanonicalRank(clean[slot],
                    millis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis)));
            return new Member(ids[slot], canonicalIds[slot],
                    new MinHashSignature(Arrays.copyOfRange(signatures, slot * n, slot * n + n)), rank);
        }
    }

    /** Slot holding {@code key}, or the empty slot where it would go. */
    private int findBucket(long key) {
        int mask = bucketKeys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (bucketHeads[i] != -1 && bucketKeys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        long[] oldKeys = bucketKeys;
        int[] oldHeads = bucketHeads;
        bucketKeys = new long[oldKeys.length * 2];
        bucketHeads = filled(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != -1) {
                int bucket = findBucket(oldKeys[i]);
                bucketKeys[bucket] = oldKeys[i];
                bucketHeads[bucket] = oldHeads[i];
            }
        }
    }

    private void grow(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int capacity = Math.max(needed, ids.length * 2);
        ids = Arrays.copyOf(ids, capacity);
        canonicalIds = Arrays.copyOf(canonicalIds, capacity);
        clean = Arrays.copyOf(clean, capacity);
        publishedMillis = Arrays.copyOf(publishedMillis, capacity);
        signatures = Arrays.copyOf(signatures, capacity * config.numHashes());
        next = Arrays.copyOf(next, capacity * config.bands());
    }

    private void requireSize(Fingerprint fingerprint) {
        if (fingerprint.signature().size() != config.numHashes()) {
            throw new IllegalArgumentException("signature has " + fingerprint.signature().size()
                    + " hashes, the index expects " + config.numHashes());
        }
    }

    private static int[] filled(int length) {
        int[] a = new int[length];
        Arrays.fill(a, -1);
        return a;
    }
}
