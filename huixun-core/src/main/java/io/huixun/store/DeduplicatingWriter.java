package io.huixun.store;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.DedupCandidates;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.DedupRules;
import io.huixun.dedup.DedupVerdict;
import io.huixun.dedup.Deduplicator;
import io.huixun.store.SaveResult.Inserted;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saves articles into a store through de-duplication: the one place where "check, save, promote" happens.
 *
 * <p>Design: nothing is held in memory and nothing is rebuilt at start-up. The store keeps each article's MinHash LSH
 * band keys in the article's own transaction ({@link ArticleStore#STORED_BANDING}); a new article's candidates come
 * from one query on its 40 band keys and its exact key, both indexed (and, rarely, one for the canonicals of matched
 * copies),
 * and {@link DedupRules} decides, the same rules as the in-memory {@link DedupIndex} (candidates near the threshold
 * verified against the stored canonical text). The article is then saved linked to its group's canonical, or
 * unlinked when it is new or better (earlier and clean) than the canonicals it matches; when it supersedes, it is
 * promoted in the store. Example: a traditional, pinyin-spammed copy stored first is canonical until its clean
 * simplified original arrives; then the original is promoted and the copy is listed under it as "also at".
 *
 * <p>Thread-safe: {@link #save} and {@link #saveAll} are serialised on this object (the store has one writer anyway).
 * A crash between saving a superseding article and promoting it leaves two canonicals for one story, never a lost or
 * half-linked article, nor an article without its band keys.
 */
public final class DeduplicatingWriter {
    private static final System.Logger LOG = System.getLogger(DeduplicatingWriter.class.getName());
    /** Articles whose band keys one transaction of the one-off fill writes. */
    static final int FILL_BATCH = 2_000;

    private final ArticleStore store;
    private final Deduplicator deduplicator;
    private final DedupRules rules;
    private final DedupCandidates stored;

    private DeduplicatingWriter(ArticleStore store, Deduplicator deduplicator) {
        this.store = store;
        this.deduplicator = deduplicator;
        this.rules = new DedupRules(deduplicator.config());
        this.stored = new StoreCandidates(store);
    }

    /**
     * A writer over {@code store}. Costs a constant look-up, except once after the upgrade that started keeping band
     * keys: the articles stored before it then get theirs here, in batches, with progress in the log.
     *
     * @throws IllegalArgumentException if the deduplicator's banding is not the one the store keeps
     */
    public static DeduplicatingWriter open(ArticleStore store, Deduplicator deduplicator) {
        Objects.requireNonNull(store, "store");
        if (!deduplicator.config().sameBanding(ArticleStore.STORED_BANDING)) {
            throw new IllegalArgumentException("the store keeps LSH bands of " + ArticleStore.STORED_BANDING.bands()
                    + " × " + ArticleStore.STORED_BANDING.rows() + " hashes; this deduplicator uses "
                    + deduplicator.config().bands() + " × " + deduplicator.config().rows());
        }
        fillMissingBands(store);
        return new DeduplicatingWriter(store, deduplicator);
    }

    /**
     * Gives the articles stored before schema v8 their band keys (once: afterwards {@code dedupBandsMissing} is 0),
     * logging progress every tenth. Example: "de-duplication: 120000 of 240000 stored articles have their LSH bands".
     */
    private static void fillMissingBands(ArticleStore store) {
        long missing = store.dedupBandsMissing();
        if (missing == 0) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "de-duplication: writing the LSH bands of {0} articles stored before"
                + " schema v8 (once)", missing);
        long done = 0;
        long nextReport = Math.max(1, missing / 10);
        for (int n; (n = store.fillDedupBands(FILL_BATCH)) > 0; ) {
            done += n;
            if (done >= nextReport) {
                LOG.log(System.Logger.Level.INFO, "de-duplication: {0} of {1} stored articles have their LSH bands",
                        done, missing);
                nextReport += Math.max(1, missing / 10);
            }
        }
        LOG.log(System.Logger.Level.INFO, "de-duplication: LSH bands written for {0} articles", done);
    }

    /**
     * Saves {@code article} (its own {@code duplicateOf} is ignored: the index decides). Its fingerprint must come
     * from the same {@link Deduplicator} configuration.
     */
    public synchronized SaveResult save(NewArticle article) {
        CanonicalRank rank = rank(article);
        DedupVerdict verdict = checkStored(article, rank);
        SaveResult result = store.save(linked(article, verdict));
        afterSave(result, verdict);
        return result;
    }

    /**
     * Saves {@code articles} with the same outcome as saving them one by one in order, but in few transactions:
     * consecutive articles go into one {@link ArticleStore#saveAll} until one of them is similar to another of the
     * same batch or supersedes a stored canonical; then the batch so far is committed first. Results are in input
     * order. Each committed batch is durable on its own.
     */
    public synchronized List<SaveResult> saveAll(List<NewArticle> articles) {
        SaveResult[] results = new SaveResult[articles.size()];
        List<Integer> pending = new ArrayList<>();
        List<DedupVerdict> verdicts = new ArrayList<>();
        DedupIndex batch = new DedupIndex(deduplicator.config());
        for (int i = 0; i < articles.size(); i++) {
            NewArticle article = articles.get(i);
            CanonicalRank rank = rank(article);
            List<Integer> inBatch = List.copyOf(pending);
            boolean similarInBatch = !batch.matches(article.fingerprint(), deduplicator.verification(
                    article.canonicalText(), slot -> Optional.of(articles.get(inBatch.get((int) slot)).canonicalText())))
                    .isEmpty();
            if (similarInBatch) {
                flush(articles, pending, verdicts, results);
                batch = new DedupIndex(deduplicator.config());
            }
            DedupVerdict verdict = checkStored(article, rank);
            if (verdict instanceof DedupVerdict.Supersedes) {
                flush(articles, pending, verdicts, results);
                batch = new DedupIndex(deduplicator.config());
                SaveResult result = store.save(linked(article, verdict));
                afterSave(result, verdict);
                results[i] = result;
                continue;
            }
            batch.add(pending.size(), pending.size(), article.fingerprint(), rank);
            pending.add(i);
            verdicts.add(verdict);
        }
        flush(articles, pending, verdicts, results);
        return List.of(results);
    }

    private void flush(List<NewArticle> articles, List<Integer> pending, List<DedupVerdict> verdicts,
                       SaveResult[] results) {
        if (pending.isEmpty()) {
            return;
        }
        List<NewArticle> linked = new ArrayList<>(pending.size());
        for (int k = 0; k < pending.size(); k++) {
            linked.add(linked(articles.get(pending.get(k)), verdicts.get(k)));
        }
        List<SaveResult> saved = store.saveAll(linked);
        for (int k = 0; k < pending.size(); k++) {
            afterSave(saved.get(k), verdicts.get(k));
            results[pending.get(k)] = saved.get(k);
        }
        pending.clear();
        verdicts.clear();
    }

    private static CanonicalRank rank(NewArticle article) {
        return new CanonicalRank(article.clean(), article.published().map(ZonedDateTime::toInstant));
    }

    private static NewArticle linked(NewArticle article, DedupVerdict verdict) {
        return switch (verdict) {
            case DedupVerdict.DuplicateOf d -> article.withDuplicateOf(d.canonicalId());
            case DedupVerdict.Unique u -> article.withoutDuplicateOf();
            case DedupVerdict.Supersedes s -> article.withoutDuplicateOf();
        };
    }

    /** What {@code article} is among the stored articles (near-threshold candidates verified on their text). */
    private DedupVerdict checkStored(NewArticle article, CanonicalRank rank) {
        return rules.decide(article.fingerprint(), rank,
                deduplicator.verification(article.canonicalText(), store::canonicalText), stored);
    }

    /** A superseding article, once stored, becomes its groups' canonical. */
    private void afterSave(SaveResult result, DedupVerdict verdict) {
        if (result instanceof Inserted inserted && verdict instanceof DedupVerdict.Supersedes s) {
            for (long old : s.oldCanonicalIds()) {
                store.promoteCanonical(inserted.article().id(), old);
            }
        }
    }

    /** The store's persisted buckets as a source of candidates for {@link DedupRules}. */
    private record StoreCandidates(ArticleStore store) implements DedupCandidates {
        @Override
        public Found lookup(String exactKey, long[] bandKeys) {
            Optional<Member> exact = Optional.empty();
            List<Member> sharing = new ArrayList<>();
            // The exact twin is among the rows (the first article with that key); an equal text has an equal
            // signature, so it shares every band too, as it would in memory.
            for (StoredFingerprint f : store.dedupCandidates(exactKey, bandKeys)) {
                Member m = member(f);
                if (f.fingerprint().exactKey().equals(exactKey)
                        && (exact.isEmpty() || m.id() < exact.get().id())) {
                    exact = Optional.of(m);
                }
                if (!m.signature().isEmpty()) {
                    sharing.add(m);
                }
            }
            return new Found(exact, sharing);
        }

        @Override
        public Map<Long, Member> members(Collection<Long> ids) {
            Map<Long, Member> found = new HashMap<>();
            store.dedupMembers(ids).forEach(f -> found.put(f.id(), member(f)));
            return found;
        }

        private static Member member(StoredFingerprint f) {
            return new Member(f.id(), f.canonicalId(), f.fingerprint().signature(), f.rank());
        }
    }
}
