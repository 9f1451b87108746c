package io.huixun.ingest;

import io.huixun.cluster.ActiveStoryClusterer;
import io.huixun.dedup.Deduplicator;
import io.huixun.nlp.Understanding;
import io.huixun.search.KnownWords;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchIndex;
import io.huixun.store.ArticleStore;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import io.huixun.text.time.NewsZone;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one writer: de-duplication → store → story → index, for articles the {@link ArticlePreparer} made ready.
 *
 * <p>Design note: everything here must happen in one order for the whole installation (a copy is a copy only of what
 * was stored before it; a story's members are assigned in turn), so it is serial; everything that need not be serial
 * (repair, understanding, fetching) happens before, outside. An article is acknowledged once the store has committed
 * it; the index is committed every {@link #COMMIT_EVERY} articles or {@link #COMMIT_AFTER} (whichever comes first) and
 * by {@link #commit()}. Why not more often: each commit flushes a small segment and syncs it, which took 8% of a bulk
 * ingest at one commit per 500 articles (JFR, CCTV pool), plus the merges of those small segments; an index behind
 * the store after a crash is completed from the store at the next start (the background index check), and searches in
 * this process see new articles before any commit (near-real-time reader).
 *
 * <p>Thread-safety: every public method holds this object's monitor; none does network I/O, so a slow host never
 * holds up the writer.
 */
final class ArticleWriter {
    static final int COMMIT_EVERY = 5_000;
    static final java.time.Duration COMMIT_AFTER = java.time.Duration.ofSeconds(10);

    private final ArticleStore store;
    private final SearchIndex index;
    /**
     * The de-duplication writer and the stories' active window are loaded on a thread of their own
     * ({@code writer-state-load}), started by the first write or by {@link #startLoading()} (the pipeline calls it before
     * its first preparation), so that opening an installation waits for neither and a process that only reads never
     * loads them. Example:
     * serve on 240,000 articles answers its first page while the stories' window is still being read.
     */
    private final java.util.concurrent.CompletableFuture<DeduplicatingWriter> dedup =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.CompletableFuture<StoryKeeper> storyKeeper =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();
    private final Deduplicator deduplicator;
    /** Where the de-duplication index is saved between runs ({@link io.huixun.dedup.DedupSnapshot}); empty: never. */
    private final java.util.Optional<java.nio.file.Path> savedIndex;
    private int uncommitted;
    private long lastCommitNanos = System.nanoTime();

    ArticleWriter(ArticleStore store, SearchIndex index, Deduplicator deduplicator,
                  java.util.Optional<java.nio.file.Path> savedIndex) {
        this.store = store;
        this.index = index;
        this.deduplicator = deduplicator;
        this.savedIndex = savedIndex;
    }

    /** Starts loading the writer's state in the background, once; later calls do nothing. */
    void startLoading() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("writer-state-load").start(() -> {
            try {
                storyKeeper.complete(new StoryKeeper(store));
            } catch (Throwable t) {
                storyKeeper.completeExceptionally(t);
            }
            try {
                dedup.complete(DeduplicatingWriter.open(store, deduplicator, savedIndex));
            } catch (Throwable t) {
                dedup.completeExceptionally(t);
            }
        });
    }

    /**
     * Waits until the background loads have ended (loaded or failed), so that closing the store never races them: a
     * reader opened on a closed SQLite store would create its files again.
     */
    void awaitLoads() {
        if (!loading.get()) {
            return; // never started: nothing to wait for
        }
        for (var f : List.of(storyKeeper, dedup)) {
            try {
                f.join();
            } catch (RuntimeException e) {
                // it failed: the writes said so, and closing goes on
            }
        }
    }

    /**
     * Saves the de-duplication index for the next start, when it was loaded and a place to save it was given. Called
     * once, when the pipeline closes (after {@link #awaitLoads}); a failure is logged, and the next start rebuilds.
     */
    synchronized void saveIndex() {
        if (savedIndex.isEmpty() || !dedup.isDone() || dedup.isCompletedExceptionally()) {
            return;
        }
        try {
            dedup.join().saveIndex(savedIndex.get());
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ArticleWriter.class).warn(
                    "de-duplication index: not saved to {} ({}); the next start rebuilds it from the store",
                    savedIndex.get(), e.getMessage());
        }
    }

    /** The story keeper, once its window is loaded (at once after the first wait). */
    private StoryKeeper stories() {
        startLoading();
        return storyKeeper.join();
    }

    ActiveStoryClusterer clusterer() {
        return stories().clusterer();
    }

    /** Stores, clusters and indexes one prepared article; a refused one becomes its problem line. */
    IngestReport write(ArticlePreparer.Prepared prepared) {
        return switch (prepared) {
            case ArticlePreparer.Refused r -> IngestReport.problem(r.origin(), r.reason());
            case ArticlePreparer.PreparedArticle p -> write(p);
        };
    }

    /** Stores, clusters and indexes one prepared article. */
    synchronized IngestReport write(ArticlePreparer.PreparedArticle p) {
        SaveResult saved;
        try {
            startLoading();
            saved = dedup.join().save(p.article());
        } catch (RuntimeException e) {
            if (DiskFull.describe(e).isPresent()) {
                throw e; // every later item would fail the same way: stop here, the caller says it in one line
            }
            return IngestReport.problem(p.origin(), "cannot store: " + e.getMessage());
        }
        return switch (saved) {
            case SaveResult.AlreadyStored a -> new IngestReport(1, 0, 0, 1, 0, List.of());
            case SaveResult.Rejected r -> IngestReport.problem(p.origin(), r.message());
            case SaveResult.Inserted inserted -> {
                StoredArticle stored = store.find(inserted.article().id()).orElse(inserted.article());
                if (!p.media().isEmpty()) {
                    store.saveMedia(stored.id(), p.media());
                }
                boolean copy = stored.duplicateOf().isPresent();
                Optional<Long> superseded = Optional.empty();
                if (!copy) {
                    var group = store.alsoAt(stored.id());
                    if (!group.isEmpty()) {
                        superseded = Optional.of(group.get(0).id());
                        reindexGroup(stored.id()); // it superseded earlier copies: they now point at it
                    }
                }
                String story = stories().place(stored, p.understanding(), p.clean(), p.datedByPage(), superseded);
                saveAndIndex(stored, p.understanding(), Optional.of(story), p.words());
                yield new IngestReport(1, 1, copy ? 1 : 0, 0, 0, List.of());
            }
        };
    }

    /** Puts a stored article that has no understanding yet (stored by an older version) into a story and the index. */
    synchronized void clusterAndIndex(StoredArticle a, Understanding u) {
        String story = stories().place(a, u, true, false, Optional.empty());
        saveAndIndex(a, u, Optional.of(story), KnownWords.NONE);
    }

    private void saveAndIndex(StoredArticle a, Understanding u, Optional<String> story, KnownWords words) {
        store.saveUnderstanding(new StoredUnderstanding(a.id(), u, story));
        index.put(document(a, u, story), words); // the words are used only if they are of the stored title and text
        if (++uncommitted >= COMMIT_EVERY || System.nanoTime() - lastCommitNanos >= COMMIT_AFTER.toNanos()) {
            commit();
        }
    }

    /** Re-puts a stored article with its stored understanding. */
    synchronized void reindex(StoredArticle a, StoredUnderstanding su) {
        index.put(document(a, su.understanding(), su.storyId()));
    }

    /** Runs {@code work} holding the writer, so that nothing is written meanwhile (the start-up index check). */
    synchronized <T> T exclusively(java.util.function.Supplier<T> work) {
        return work.get();
    }

    synchronized void delete(String id) {
        index.delete(id);
    }

    /** After a copy became canonical: every member of its group is re-indexed with the new canonical id. */
    private void reindexGroup(long newCanonicalId) {
        List<Long> members = new ArrayList<>();
        members.add(newCanonicalId);
        store.alsoAt(newCanonicalId).forEach(s -> members.add(s.id()));
        Map<Long, StoredUnderstanding> understandings = store.understandings(members);
        for (long id : members) {
            store.find(id).ifPresent(a -> {
                StoredUnderstanding su = understandings.get(id);
                if (su != null) {
                    index.put(document(a, su.understanding(), su.storyId()));
                }
            });
        }
    }

    synchronized void commit() {
        index.commit();
        if (storyKeeper.isDone() && !storyKeeper.isCompletedExceptionally()) {
            storyKeeper.join().checkpoint(); // not loaded yet: nothing was placed, nothing to save
        }
        uncommitted = 0;
        lastCommitNanos = System.nanoTime();
    }

    /**
     * Commits when something is uncommitted and the last commit is at least {@code every} ago. Many sources finishing
     * within a second share one commit (an index commit syncs files to disk): searches in this process see new
     * articles before any commit, through the index's near-real-time reader.
     */
    synchronized void commitIfDue(java.time.Duration every) {
        if (uncommitted > 0 && System.nanoTime() - lastCommitNanos >= every.toNanos()) {
            commit();
        }
    }

    static SearchDocument document(StoredArticle a, Understanding u, Optional<String> story) {
        ZonedDateTime when = a.published().orElse(a.ingestedAt().atZone(NewsZone.DEFAULT));
        OptionalLong dup = a.duplicateOf();
        return new SearchDocument(String.valueOf(a.id()), a.url().orElse(""), a.title(), a.canonicalText(), a.source(),
                when.toOffsetDateTime(), u.entities().people(), u.entities().places(), u.entities().organisations(),
                u.keywords(), story, dup.isPresent() ? Optional.of(String.valueOf(dup.getAsLong())) : Optional.empty(),
                a.teaser());
    }
}
