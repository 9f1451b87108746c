package io.huixun.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory MinHash LSH index of stored articles' fingerprints, grouped by canonical article.
 *
 * <p>Design: each member's signature is cut into {@code bands} bands of {@code rows} hashes; a band hashes to one
 * 64-bit bucket key. Buckets live in one open-addressing table keyed by (band, key) whose slots head a chain of
 * members (chains are threaded through an {@code int[]}, so a member costs {@code bands} ints plus its signature, no
 * boxed objects). A query collects the members sharing any bucket and keeps those whose signature estimate reaches the
 * threshold (with a {@link Verification}, estimates near the threshold are replaced by the exact similarity). A new
 * text joins a group only when it is similar to the group's canonical itself, not merely to one of its copies, so
 * that chains of partial copies never link unrelated texts. Exact keys are checked first through a hash map. Texts
 * without any shingle (no letters or digits) are never matched.
 *
 * <p>Rebuild at start-up by {@link #add}ing every stored fingerprint in id order. Thread-safe: queries share a read
 * lock, {@link #add} and {@link #relink} take the write lock. The caller must serialise "check, store, add" for new
 * articles (the store has one writer anyway), or two copies arriving together could both become canonical.
 */
public final class DedupIndex {

    /** One indexed article similar to a query. */
    public record Match(long id, long canonicalId, double similarity) {
    }

    private final DedupConfig config;
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
        requireSize(fingerprint);
        lock.readLock().lock();
        try {
            if (fingerprint.signature().isEmpty()) {
                return new DedupVerdict.Unique();
            }
            // Candidate groups: the exact twin's group (similarity 1), then every group whose canonical itself is
            // similar. A copy never joins a group through a member alone: chains of partial copies (A~B, B~C, A≁C)
            // would link unrelated texts.
            Map<Long, Double> groups = new java.util.LinkedHashMap<>();
            long exactGroup = -1;
            Integer exact = slotByExactKey.get(fingerprint.exactKey());
            if (exact != null) {
                exactGroup = canonicalIds[exact];
                groups.put(exactGroup, 1.0);
            }
            for (Match m : matchesLocked(fingerprint.signature(), verification)) {
                if (groups.containsKey(m.canonicalId())) {
                    continue;
                }
                Integer slot = slotById.get(m.canonicalId());
                if (slot == null) {
                    continue;
                }
                double similarity = m.id() == m.canonicalId() ? m.similarity()
                        : similarity(slot, fingerprint.signature(), verification);
                groups.put(m.canonicalId(), similarity);
            }
            groups.values().removeIf(similarity -> similarity < config.threshold());
            return groupVerdict(groups, exactGroup, rank);
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
        requireSize(fingerprint);
        lock.readLock().lock();
        try {
            if (fingerprint.signature().isEmpty()) {
                return List.of();
            }
            List<Match> near = new ArrayList<>(matchesLocked(fingerprint.signature(), verification));
            Integer exact = slotByExactKey.get(fingerprint.exactKey());
            if (exact != null && near.stream().noneMatch(m -> m.id() == ids[exact])) {
                near.add(0, new Match(ids[exact], canonicalIds[exact], 1.0));
            }
            return List.copyOf(near);
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
            for (int band = 0; band < config.bands(); band++) {
                long key = bandKey(signature, band);
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

    /**
     * Among the groups whose canonical the new text matches ({@code groups}: canonical id → similarity): join the
     * one with the best canonical, unless the new text ranks better than all of them, in which case it supersedes
     * them all (their groups merge under it).
     */
    private DedupVerdict groupVerdict(Map<Long, Double> groups, long exactGroup, CanonicalRank rank) {
        if (groups.isEmpty()) {
            return new DedupVerdict.Unique();
        }
        long best = -1;
        for (Map.Entry<Long, Double> group : groups.entrySet()) {
            if (best < 0) {
                best = group.getKey();
                continue;
            }
            int order = compareSlots(slotById.get(group.getKey()), slotById.get(best));
            if (order < 0 || (order == 0 && group.getValue() > groups.get(best))) {
                best = group.getKey();
            }
        }
        DedupVerdict.Kind kind = best == exactGroup ? DedupVerdict.Kind.EXACT : DedupVerdict.Kind.NEAR;
        if (CanonicalRank.BEST_FIRST.compare(rank, rankOf(slotById.get(best))) < 0) {
            return new DedupVerdict.Supersedes(List.copyOf(groups.keySet()), best, kind, groups.get(best));
        }
        return new DedupVerdict.DuplicateOf(best, best, kind, groups.get(best));
    }

    private int compareSlots(int a, int b) {
        int order = CanonicalRank.BEST_FIRST.compare(rankOf(a), rankOf(b));
        return order != 0 ? order : Long.compare(ids[a], ids[b]);
    }

    private CanonicalRank rankOf(int slot) {
        long millis = publishedMillis[slot];
        return new CanonicalRank(clean[slot],
                millis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis)));
    }

    private List<Match> matchesLocked(MinHashSignature signature, Verification verification) {
        double floor = verification == null ? config.threshold() : config.threshold() - config.verifyMargin();
        double ceiling = config.threshold() + config.verifyMargin();
        int bands = config.bands();
        List<Match> found = new ArrayList<>();
        java.util.BitSet seen = new java.util.BitSet(size);
        for (int band = 0; band < bands; band++) {
            int bucket = findBucket(bandKey(signature, band));
            for (int entry = bucketHeads[bucket]; entry != -1; entry = next[entry]) {
                int slot = entry / bands;
                if (seen.get(slot)) {
                    continue;
                }
                seen.set(slot);
                double similarity = estimate(slot, signature);
                if (verification != null && similarity >= floor && similarity < ceiling) {
                    similarity = verification.similarity(ids[slot]).orElse(similarity);
                }
                if (similarity >= config.threshold()) {
                    found.add(new Match(ids[slot], canonicalIds[slot], similarity));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparingLong(Match::id));
        return found;
    }

    private double estimate(int slot, MinHashSignature signature) {
        int n = config.numHashes();
        int equal = 0;
        for (int i = 0; i < n; i++) {
            if (signatures[slot * n + i] == signature.at(i)) {
                equal++;
            }
        }
        return (double) equal / n;
    }

    /** Estimated similarity to the member in {@code slot}, verified exactly when near the threshold. */
    private double similarity(int slot, MinHashSignature signature, Verification verification) {
        double similarity = estimate(slot, signature);
        if (verification != null && Math.abs(similarity - config.threshold()) < config.verifyMargin()) {
            similarity = verification.similarity(ids[slot]).orElse(similarity);
        }
        return similarity;
    }

    private long bandKey(MinHashSignature signature, int band) {
        long h = 0x9e3779b97f4a7c15L * (band + 1);
        int from = band * config.rows();
        for (int i = from; i < from + config.rows(); i++) {
            h = Deduplicator.mix(h ^ (signature.at(i) & 0xffffffffL));
        }
        return h;
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
