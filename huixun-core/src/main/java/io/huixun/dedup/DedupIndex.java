package io.huixun.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory MinHash LSH index of stored articles' fingerprints, grouped by canonical article.
 *
 * <p>Design: each member's signature is cut into {@code bands} bands of {@code rows} hashes; two texts are
 * candidates when they agree on every hash of some band, and a candidate matches when its signature estimate reaches
 * the threshold (with a {@link Verification}, estimates near the threshold are replaced by the exact similarity). A
 * new text joins a group only when it is similar to the group's canonical itself, not merely to one of its copies, so
 * that chains of partial copies never link unrelated texts. Texts without any shingle (no letters or digits) are never
 * matched.
 *
 * <p>Memory (about 360 bytes a member, was 2.8 kB): the index keeps only the low 8 bits of each hash (b-bit minwise
 * hashing, Li and König, "b-Bit Minwise Hashing", WWW 2010), not the signature or the exact key. Its buckets are
 * keyed by the low bits of a band's rows, a superset of the bands' true agreements; where two full hashes agree their
 * low bits agree, so the count of agreeing low bits bounds the estimate from above. Candidates whose bound is below
 * what could match are dropped at once (unrelated texts agree in about 0.5 of 120 places); for the few left, the
 * whole fingerprint is fetched from a {@link FingerprintLookup} (the store) and the decision is taken on it exactly
 * as before: same candidates, same estimates, same verdicts; Li and König's corrected estimator is not used for that
 * reason. An exact twin (same exact key) has the same signature, so it is among these candidates and found there.
 * Example: a copy agreeing with a member in 70 of 120 hashes agrees in about 70.2 low bytes; it is looked up and
 * estimated at 70/120; a text agreeing in 30 low bytes is dropped without a look-up. Members live in fixed pages of
 * 1,024 (growth copies nothing, so no 2x peak); bucket chains are threaded through an {@code int} per band entry;
 * ids map to members through a primitive open-addressing table.
 *
 * <p>Rebuild at start-up by {@link #add}ing every stored fingerprint in id order. Thread-safe: queries share a read
 * lock (and call the lookup under it), {@link #add} and {@link #relink} take the write lock. The caller must
 * serialise "check, store, add" for new articles (the store has one writer anyway), or two copies arriving together
 * could both become canonical.
 */
public final class DedupIndex {

    /** One indexed article similar to a query. */
    public record Match(long id, long canonicalId, double similarity) {
    }

    private static final int PAGE_BITS = 10;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    /** Band entries per chain head at which the head table grows by half (to 4). */
    private static final int ENTRIES_PER_HEAD = 6;
    /** {@code next} value of the first band entry of a member that is in no chain (empty signature). */
    private static final int NOT_BANDED = -2;

    private final DedupConfig config;
    private final FingerprintLookup lookup;
    private final int hashes;
    private final int bands;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private int size;
    private Page[] pages = new Page[4];
    private int[] slotsById; // open addressing on the id; -1 empty
    private int[] heads; // chain heads of band entries (slot * bands + band) by bucket; -1 empty

    /** The columns of {@link #PAGE_SIZE} members, by slot within the page. */
    private static final class Page {
        final long[] ids = new long[PAGE_SIZE];
        final long[] canonicalIds = new long[PAGE_SIZE];
        final long[] publishedMillis = new long[PAGE_SIZE]; // Long.MAX_VALUE when unknown
        final boolean[] clean = new boolean[PAGE_SIZE];
        final byte[] lowBits; // hashes per member: the low 8 bits of each hash
        final int[] next; // bands per member: chain link of each band entry; -1 ends a chain

        Page(int hashes, int bands) {
            lowBits = new byte[PAGE_SIZE * hashes];
            next = new int[PAGE_SIZE * bands];
        }
    }

    /** An index whose candidates are confirmed against the fingerprints {@code lookup} gives. */
    public DedupIndex(DedupConfig config, FingerprintLookup lookup) {
        this(config, lookup, 0);
    }

    /**
     * Like {@link #DedupIndex(DedupConfig, FingerprintLookup)}, sized for {@code expectedMembers} so that a rebuild
     * does not grow its tables on the way.
     */
    public DedupIndex(DedupConfig config, FingerprintLookup lookup, int expectedMembers) {
        this.config = Objects.requireNonNull(config, "config");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.hashes = config.numHashes();
        this.bands = config.bands();
        int expected = Math.max(expectedMembers, 256);
        this.slotsById = filled(expected * 2);
        this.heads = filled((int) Math.min(Integer.MAX_VALUE - 8, (long) expected * bands / 4));
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
            byte[] query = lowBits(fingerprint.signature());
            Scan scan = scan(fingerprint, query, verification);
            Map<Long, Double> groups = new LinkedHashMap<>();
            long exactGroup = -1;
            if (scan.exactSlot() >= 0) {
                exactGroup = page(scan.exactSlot()).canonicalIds[scan.exactSlot() & PAGE_MASK];
                groups.put(exactGroup, 1.0);
            }
            for (Match m : scan.near()) {
                if (groups.containsKey(m.canonicalId())) {
                    continue;
                }
                int slot = slotOf(m.canonicalId());
                if (slot < 0) {
                    continue;
                }
                double similarity = m.id() == m.canonicalId() ? m.similarity()
                        : similarity(slot, fingerprint.signature(), query, verification);
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
            Scan scan = scan(fingerprint, lowBits(fingerprint.signature()), verification);
            List<Match> near = new ArrayList<>(scan.near());
            int exact = scan.exactSlot();
            if (exact >= 0) {
                long id = page(exact).ids[exact & PAGE_MASK];
                if (near.stream().noneMatch(m -> m.id() == id)) {
                    near.add(0, new Match(id, page(exact).canonicalIds[exact & PAGE_MASK], 1.0));
                }
            }
            return List.copyOf(near);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds a stored article. {@code canonicalId} is its own id when it is canonical. The lookup must give
     * {@code fingerprint} for {@code id} from now on.
     *
     * @throws IllegalArgumentException if {@code id} is already indexed
     */
    public void add(long id, long canonicalId, Fingerprint fingerprint, CanonicalRank rank) {
        requireSize(fingerprint);
        MinHashSignature signature = fingerprint.signature();
        byte[] low = new byte[hashes];
        for (int i = 0; i < hashes; i++) {
            low[i] = (byte) signature.at(i);
        }
        lock.writeLock().lock();
        try {
            append(new Member(id, canonicalId, rank.clean(),
                    rank.published().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), signature.isEmpty(), low));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What the index keeps of one article, as {@link DedupSnapshot} saves it: ids, the canonical rank
     * ({@code publishedMillis} is {@code Long.MAX_VALUE} when unknown), whether its signature is empty (no shingle),
     * and the low 8 bits of each hash.
     */
    record Member(long id, long canonicalId, boolean clean, long publishedMillis, boolean empty, byte[] lowBits) {}

    /** The member count, then every member in the order added, all under the read lock (adds wait). */
    void forEachMember(java.util.function.IntConsumer count, java.util.function.Consumer<Member> action) {
        lock.readLock().lock();
        try {
            count.accept(size);
            for (int slot = 0; slot < size; slot++) {
                Page page = page(slot);
                int at = slot & PAGE_MASK;
                action.accept(new Member(page.ids[at], page.canonicalIds[at], page.clean[at], page.publishedMillis[at],
                        page.next[at * bands] == NOT_BANDED,
                        Arrays.copyOfRange(page.lowBits, at * hashes, (at + 1) * hashes)));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds a member saved by {@link #forEachMember} (same configuration), as {@link #add} added it. */
    void restore(Member member) {
        if (member.lowBits().length != hashes) {
            throw new IllegalArgumentException("a saved member has " + member.lowBits().length + " hashes, not "
                    + hashes);
        }
        lock.writeLock().lock();
        try {
            append(member);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Whether {@code samples} members spread over the index (the last one among them) have, in the lookup, a
     * fingerprint whose low bits are the ones kept: a saved index read back must describe the store it is used with
     * (not, say, the SQLite store a folder was migrated from, whose ids mean other articles).
     */
    boolean agreesWithLookup(int samples) {
        lock.readLock().lock();
        try {
            for (int k = 0; k < Math.min(samples, size); k++) {
                int slot = k == 0 ? size - 1 : (int) ((long) size * k / samples);
                Page page = page(slot);
                int at = slot & PAGE_MASK;
                Optional<Fingerprint> stored = lookup.fingerprint(page.ids[at]);
                if (stored.isEmpty() || stored.get().signature().size() != hashes) {
                    return false;
                }
                for (int i = 0; i < hashes; i++) {
                    if ((byte) stored.get().signature().at(i) != page.lowBits[at * hashes + i]) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Under the write lock. */
    private void append(Member m) {
        if (slotOf(m.id()) >= 0) {
            throw new IllegalArgumentException("article " + m.id() + " is already indexed");
        }
        if (size >= Integer.MAX_VALUE / bands - PAGE_SIZE) {
            throw new IllegalStateException("the index is full at " + size + " articles");
        }
        if ((long) (size + 1) * bands > (long) heads.length * ENTRIES_PER_HEAD) {
            rethread(heads.length + heads.length / 2);
        }
        int slot = size;
        if ((slot & PAGE_MASK) == 0) {
            if ((slot >>> PAGE_BITS) == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[slot >>> PAGE_BITS] = new Page(hashes, bands);
        }
        Page page = page(slot);
        int at = slot & PAGE_MASK;
        page.ids[at] = m.id();
        page.canonicalIds[at] = m.canonicalId();
        page.clean[at] = m.clean();
        page.publishedMillis[at] = m.publishedMillis();
        System.arraycopy(m.lowBits(), 0, page.lowBits, at * hashes, hashes);
        size++;
        putSlot(slot);
        if (m.empty()) {
            Arrays.fill(page.next, at * bands, (at + 1) * bands, NOT_BANDED);
        } else {
            thread(slot);
        }
    }

    /** Moves every member of {@code oldCanonicalId}'s group (the old canonical too) to {@code newCanonicalId}. */
    public void relink(long oldCanonicalId, long newCanonicalId) {
        lock.writeLock().lock();
        try {
            for (int slot = 0; slot < size; slot++) {
                Page page = page(slot);
                int at = slot & PAGE_MASK;
                if (page.canonicalIds[at] == oldCanonicalId || page.ids[at] == newCanonicalId) {
                    page.canonicalIds[at] = newCanonicalId;
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
            int order = compareSlots(slotOf(group.getKey()), slotOf(best));
            if (order < 0 || (order == 0 && group.getValue() > groups.get(best))) {
                best = group.getKey();
            }
        }
        DedupVerdict.Kind kind = best == exactGroup ? DedupVerdict.Kind.EXACT : DedupVerdict.Kind.NEAR;
        if (CanonicalRank.BEST_FIRST.compare(rank, rankOf(slotOf(best))) < 0) {
            return new DedupVerdict.Supersedes(List.copyOf(groups.keySet()), best, kind, groups.get(best));
        }
        return new DedupVerdict.DuplicateOf(best, best, kind, groups.get(best));
    }

    private int compareSlots(int a, int b) {
        int order = CanonicalRank.BEST_FIRST.compare(rankOf(a), rankOf(b));
        return order != 0 ? order : Long.compare(page(a).ids[a & PAGE_MASK], page(b).ids[b & PAGE_MASK]);
    }

    private CanonicalRank rankOf(int slot) {
        long millis = page(slot).publishedMillis[slot & PAGE_MASK];
        return new CanonicalRank(page(slot).clean[slot & PAGE_MASK],
                millis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis)));
    }

    /** Near matches, most similar first, and the first-added member with the query's exact key (-1: none). */
    private record Scan(List<Match> near, int exactSlot) {
    }

    private Scan scan(Fingerprint fingerprint, byte[] query, Verification verification) {
        MinHashSignature signature = fingerprint.signature();
        double floor = verification == null ? config.threshold() : config.threshold() - config.verifyMargin();
        double ceiling = config.threshold() + config.verifyMargin();
        List<Match> found = new ArrayList<>();
        int exactSlot = -1;
        for (int slot : candidates(query)) {
            if ((double) agreeingLowBits(slot, query) / hashes < floor) {
                continue; // the whole hashes agree in no more places: the estimate is below too
            }
            Fingerprint stored = stored(slot);
            long id = page(slot).ids[slot & PAGE_MASK];
            if (exactSlot < 0 && stored.exactKey().equals(fingerprint.exactKey())) {
                exactSlot = slot; // candidates come in slot order: the first added
            }
            if (!sharesBand(stored.signature(), signature)) {
                continue; // only their low bits agree on a whole band
            }
            double similarity = estimate(stored.signature(), signature);
            if (verification != null && similarity >= floor && similarity < ceiling) {
                similarity = verification.similarity(id).orElse(similarity);
            }
            if (similarity >= config.threshold()) {
                found.add(new Match(id, page(slot).canonicalIds[slot & PAGE_MASK], similarity));
            }
        }
        found.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparingLong(Match::id));
        return new Scan(found, exactSlot);
    }

    /**
     * Estimated similarity to the member in {@code slot}, verified exactly when near the threshold. When the low bits
     * already show it below the threshold and outside the verified margin, that bound is returned without a look-up:
     * the caller drops it either way.
     */
    private double similarity(int slot, MinHashSignature signature, byte[] query, Verification verification) {
        double bound = (double) agreeingLowBits(slot, query) / hashes;
        if (bound < config.threshold()
                && !(verification != null && Math.abs(bound - config.threshold()) < config.verifyMargin())) {
            return bound;
        }
        double similarity = estimate(stored(slot).signature(), signature);
        if (verification != null && Math.abs(similarity - config.threshold()) < config.verifyMargin()) {
            similarity = verification.similarity(page(slot).ids[slot & PAGE_MASK]).orElse(similarity);
        }
        return similarity;
    }

    /** Distinct slots, ascending, of the members whose low bits agree with {@code query}'s on some whole band. */
    private int[] candidates(byte[] query) {
        int[] found = new int[16];
        int count = 0;
        int rows = config.rows();
        for (int band = 0; band < bands; band++) {
            for (int entry = heads[bucket(band, query, 0)]; entry >= 0; ) {
                int slot = entry / bands;
                Page page = page(slot);
                int at = slot & PAGE_MASK;
                if (entry - slot * bands == band
                        && Arrays.equals(page.lowBits, at * hashes + band * rows, at * hashes + (band + 1) * rows,
                        query, band * rows, (band + 1) * rows)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = slot;
                }
                entry = page.next[at * bands + entry - slot * bands];
            }
        }
        Arrays.sort(found, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                found[distinct++] = found[i];
            }
        }
        return Arrays.copyOf(found, distinct);
    }

    private int agreeingLowBits(int slot, byte[] query) {
        byte[] low = page(slot).lowBits;
        int from = (slot & PAGE_MASK) * hashes;
        int equal = 0;
        for (int i = 0; i < hashes; i++) {
            if (low[from + i] == query[i]) {
                equal++;
            }
        }
        return equal;
    }

    /** Fraction of positions where the two signatures agree (an empty one too, unlike {@link MinHashSignature#similarity}). */
    private double estimate(MinHashSignature stored, MinHashSignature signature) {
        return (double) stored.agreements(signature) / hashes;
    }

    private boolean sharesBand(MinHashSignature a, MinHashSignature b) {
        int rows = config.rows();
        for (int band = 0; band < bands; band++) {
            int i = band * rows;
            while (i < (band + 1) * rows && a.at(i) == b.at(i)) {
                i++;
            }
            if (i == (band + 1) * rows) {
                return true;
            }
        }
        return false;
    }

    /** The whole fingerprint of the member in {@code slot}, from the lookup. */
    private Fingerprint stored(int slot) {
        long id = page(slot).ids[slot & PAGE_MASK];
        Fingerprint stored = lookup.fingerprint(id).orElseThrow(() -> new IllegalStateException(
                "article " + id + " is in the dedup index but its fingerprint cannot be looked up"));
        requireSize(stored);
        return stored;
    }

    /** Bucket of a band's low bits ({@code low} holds a member's hashes from {@code from}). */
    private int bucket(int band, byte[] low, int from) {
        long h = 0x9e3779b97f4a7c15L * (band + 1);
        int rows = config.rows();
        for (int i = from + band * rows; i < from + (band + 1) * rows; i++) {
            h = (h ^ (low[i] & 0xff)) * 0x100000001b3L;
        }
        return reduce(Deduplicator.mix(h), heads.length);
    }

    /** Puts the member's band entries at the head of their buckets' chains. */
    private void thread(int slot) {
        Page page = page(slot);
        int at = slot & PAGE_MASK;
        for (int band = 0; band < bands; band++) {
            int bucket = bucket(band, page.lowBits, at * hashes);
            page.next[at * bands + band] = heads[bucket];
            heads[bucket] = slot * bands + band;
        }
    }

    private void rethread(int length) {
        heads = filled(length);
        for (int slot = 0; slot < size; slot++) {
            if (page(slot).next[(slot & PAGE_MASK) * bands] != NOT_BANDED) {
                thread(slot);
            }
        }
    }

    /** Slot of {@code id}, or -1. */
    private int slotOf(long id) {
        for (int i = reduce(Deduplicator.mix(id), slotsById.length); slotsById[i] != -1; i = nextIndex(i, slotsById)) {
            if (page(slotsById[i]).ids[slotsById[i] & PAGE_MASK] == id) {
                return slotsById[i];
            }
        }
        return -1;
    }

    private void putSlot(int slot) {
        if (size * 2L > slotsById.length) {
            int[] old = slotsById;
            slotsById = filled(old.length + old.length / 2);
            for (int s : old) {
                if (s != -1) {
                    placeSlot(s);
                }
            }
        }
        placeSlot(slot);
    }

    private void placeSlot(int slot) {
        int i = reduce(Deduplicator.mix(page(slot).ids[slot & PAGE_MASK]), slotsById.length);
        while (slotsById[i] != -1) {
            i = nextIndex(i, slotsById);
        }
        slotsById[i] = slot;
    }

    private Page page(int slot) {
        return pages[slot >>> PAGE_BITS];
    }

    private byte[] lowBits(MinHashSignature signature) {
        byte[] low = new byte[hashes];
        for (int i = 0; i < hashes; i++) {
            low[i] = (byte) signature.at(i);
        }
        return low;
    }

    private void requireSize(Fingerprint fingerprint) {
        if (fingerprint.signature().size() != config.numHashes()) {
            throw new IllegalArgumentException("signature has " + fingerprint.signature().size()
                    + " hashes, the index expects " + config.numHashes());
        }
    }

    /** Maps a 64-bit hash onto {@code [0, length)} (its upper 32 bits scaled, so any length works). */
    private static int reduce(long hash, int length) {
        return (int) (((hash >>> 32) * length) >>> 32);
    }

    private static int nextIndex(int i, int[] table) {
        return i + 1 == table.length ? 0 : i + 1;
    }

    private static int[] filled(int length) {
        int[] a = new int[length];
        Arrays.fill(a, -1);
        return a;
    }
}
