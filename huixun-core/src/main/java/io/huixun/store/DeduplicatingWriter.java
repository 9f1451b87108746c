package io.huixun.store;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.DedupVerdict;
import io.huixun.dedup.Deduplicator;
import io.huixun.store.SaveResult.Inserted;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Saves articles into a store through de-duplication: the one place where "check, save, index, promote" happens.
 *
 * <p>Design: at start-up the in-memory {@link DedupIndex} is rebuilt from the fingerprints the store keeps. For each
 * article: ask the index for a verdict (candidates near the threshold verified against the stored canonical text);
 * save it linked to its group's canonical, or unlinked when it is new or better (earlier and clean) than the
 * canonicals it matches; add it to the index; and, when it supersedes, promote it in the store and the index. Example:
 * a traditional, pinyin-spammed copy stored first is canonical until its clean simplified original arrives; then the
 * original is promoted and the copy is listed under it as "also at".
 *
 * <p>Thread-safe: {@link #save} is serialised (the store has one writer anyway). A crash between saving a superseding
 * article and promoting it leaves two canonicals for one story, never a lost or half-linked article.
 */
public final class DeduplicatingWriter {
    private final ArticleStore store;
    private final Deduplicator deduplicator;
    private final DedupIndex index;

    private DeduplicatingWriter(ArticleStore store, Deduplicator deduplicator, DedupIndex index) {
        this.store = store;
        this.deduplicator = deduplicator;
        this.index = index;
    }

    /** A writer over {@code store} whose index is rebuilt from every stored fingerprint. */
    public static DeduplicatingWriter open(ArticleStore store, Deduplicator deduplicator) {
        Objects.requireNonNull(store, "store");
        DedupIndex index = new DedupIndex(deduplicator.config());
        try (Stream<StoredFingerprint> fingerprints = store.fingerprints()) {
            fingerprints.forEach(f -> index.add(f.id(), f.canonicalId(), f.fingerprint(), f.rank()));
        }
        return new DeduplicatingWriter(store, deduplicator, index);
    }

    /** The index (read-only use: e.g. {@link DedupIndex#size()}). */
    public DedupIndex index() {
        return index;
    }

    /**
     * Saves {@code article} (its own {@code duplicateOf} is ignored: the index decides). Its fingerprint must come
     * from the same {@link Deduplicator} configuration.
     */
    public synchronized SaveResult save(NewArticle article) {
        CanonicalRank rank = new CanonicalRank(article.clean(), article.published().map(ZonedDateTime::toInstant));
        DedupVerdict verdict = index.check(article.fingerprint(), rank,
                deduplicator.verification(article.canonicalText(), store::canonicalText));
        NewArticle linked = switch (verdict) {
            case DedupVerdict.DuplicateOf d -> article.withDuplicateOf(d.canonicalId());
            case DedupVerdict.Unique u -> article.withoutDuplicateOf();
            case DedupVerdict.Supersedes s -> article.withoutDuplicateOf();
        };
        SaveResult result = store.save(linked);
        if (!(result instanceof Inserted inserted)) {
            return result;
        }
        long id = inserted.article().id();
        switch (verdict) {
            case DedupVerdict.DuplicateOf d -> index.add(id, d.canonicalId(), article.fingerprint(), rank);
            case DedupVerdict.Unique u -> index.add(id, id, article.fingerprint(), rank);
            case DedupVerdict.Supersedes s -> {
                index.add(id, id, article.fingerprint(), rank);
                for (long old : s.oldCanonicalIds()) {
                    store.promoteCanonical(id, old);
                    index.relink(old, id);
                }
            }
        }
        return result;
    }
}
