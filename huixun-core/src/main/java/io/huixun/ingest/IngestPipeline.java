package io.huixun.ingest;

import io.huixun.cluster.ActiveStoryClusterer;
import io.huixun.dedup.Deduplicator;
import io.huixun.fetch.Fetcher;
import io.huixun.search.SearchIndex;
import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ingest pipeline, in four parts that show its stages:
 * <pre>
 *   InputRouter (files, folders, JSONL) ─┐
 *   Crawler (feeds, sitemaps, pages)  ───┴→ Candidate → ArticlePreparer (repair, fingerprint, understanding)
 *                                              → ArticleWriter (dedup → store → story → index, one at a time)
 * </pre>
 *
 * <p>Design note: the store is the source of truth and the only thing that must survive a crash. An item is
 * acknowledged (counted as stored) only once the store has committed it, so a crash loses nothing acknowledged, and
 * re-ingesting the same input is a no-op because URL and original bytes are unique keys. Items fail one by one: a bad
 * item becomes an {@link IngestReport.Problem} and the batch goes on.
 *
 * <p>Thread-safety: the ingest methods may be called from many threads at once (the refresh scheduler runs several
 * sources in parallel). Fetching and preparing run on the caller's thread with no lock held; only
 * {@link ArticleWriter} is serial, and it never waits on the network.
 */
public final class IngestPipeline implements AutoCloseable {
    private final ArticleStore store;
    private final SearchIndex index;
    private final ArticlePreparer preparer;
    private final ArticleWriter writer;
    private final InputRouter router;
    private final Optional<Crawler> crawler;
    private final Optional<Fetcher> fetcher;
    private final ExecutorService pool;
    private final ArticleSink sink;

    /**
     * Opens the pipeline over a store and an index. {@code fetcher} is needed only for URLs.
     */
    public IngestPipeline(ArticleStore store, SearchIndex index, Optional<Fetcher> fetcher, Clock clock) {
        this(store, index, fetcher, clock, Optional.empty());
    }

    /**
     * Like {@link #IngestPipeline(ArticleStore, SearchIndex, Optional, Clock)}, keeping the de-duplication index in
     * {@code savedIndex} between runs (read at start, deleted, written again by {@link #close}), so that a start
     * does not read every stored fingerprint. Example: {@code DATA/dedup-index.bin}.
     */
    public IngestPipeline(ArticleStore store, SearchIndex index, Optional<Fetcher> fetcher, Clock clock,
                          Optional<java.nio.file.Path> savedIndex) {
        this.store = store;
        this.index = index;
        Deduplicator deduplicator = Deduplicator.standard();
        this.preparer = new ArticlePreparer(deduplicator, clock);
        this.writer = new ArticleWriter(store, index, deduplicator, savedIndex);
        DocumentReader reader = new DocumentReader(clock);
        this.pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "huixun-prepare");
            t.setDaemon(true);
            return t;
        });
        this.router = new InputRouter(reader,
                new OrderedIngest.Factory(pool, this::prepare, p -> writer.write(p)), store);
        this.crawler = fetcher.map(f -> new Crawler(f, store, reader));
        this.fetcher = fetcher;
        this.sink = c -> writer.write(prepare(c));
    }

    /** Prepares a candidate; the first one starts every load that writing needs, so that they run side by side. */
    private ArticlePreparer.Prepared prepare(Candidate c) {
        startLoading();
        return preparer.prepare(c);
    }

    /** The story clusterer (its active window); confined to the writer, for tests and diagnostics only. */
    public ActiveStoryClusterer stories() {
        return writer.clusterer();
    }

    // ------------------------------------------------------------------ inputs

    /** Ingests a file, a folder (recursively), or an http(s) URL (feed, sitemap or page). */
    public IngestReport ingest(String pathOrUrl, IngestProgress progress) {
        String lower = pathOrUrl.toLowerCase(Locale.ROOT);
        IngestReport report = lower.startsWith("http://") || lower.startsWith("https://")
                ? ingestUrl(pathOrUrl, OptionalLong.empty())
                : router.ingestPath(Path.of(pathOrUrl), progress, sink);
        commit();
        return report;
    }

    /** Fetches a URL and ingests what it is: a feed (and the pages it lists), a sitemap's pages, or one page. */
    public IngestReport ingestUrl(String url, OptionalLong sourceId) {
        return crawler.map(c -> c.crawl(url, sourceId, sink))
                .orElseGet(() -> IngestReport.problem(url, "fetching is not enabled here"));
    }

    /**
     * Refreshes a registered source with a conditional request (its stored ETag / Last-Modified): a 304 writes
     * nothing; a full answer stores the new validators and is ingested like {@link #ingestUrl}.
     */
    public IngestReport ingestSource(Source source) {
        return crawler.map(c -> c.refresh(source, sink))
                .orElseGet(() -> IngestReport.problem(source.url(), "fetching is not enabled here"));
    }

    /**
     * Starts loading what writing needs (the repair model, the de-duplication writer, the stories' window) in the
     * background, once. The first article to prepare starts it, so that a process that only reads (a {@code serve}
     * with nothing to gather yet, {@code search}) never pays for it: at 240,000 articles the loads take about 3 s of
     * CPU, and when {@code serve} started them as its port opened they took both cores from the first searches.
     */
    private void startLoading() {
        preparer.startLoading();
        writer.startLoading();
    }

    // ------------------------------------------------------------------ index upkeep

    public void commit() {
        writer.commit();
    }

    /** Commits if anything is uncommitted and the last commit is at least {@code every} ago (see the writer). */
    public void commitIfDue(java.time.Duration every) {
        writer.commitIfDue(every);
    }

    /**
     * Brings the index in line with the store (the start-up check, and the cure after a crash between a store commit
     * and an index commit): documents missing from the index are added, documents of unknown articles deleted.
     *
     * <p>Cost: two counts when they agree (every start-up after a clean stop); a pass over every id only when they
     * differ. Holds the writer for the whole pass (nothing is written meanwhile), so it runs on the caller's thread;
     * see {@link #synchronizeIndexInBackground} for start-up.
     *
     * @return how many documents were added and deleted
     */
    public IndexRepair synchronizeIndex() {
        return synchronizeIndex(message -> { }, () -> false);
    }

    /**
     * The start-up check without making the caller wait (issue 12: start-up never loops over everything stored before
     * serving): the two counts are compared here; only when they differ a daemon thread ({@code index-check}) does the
     * pass, holding the writer, so searches and pages are served meanwhile (from a slightly short index) and the first
     * write waits for it, as it waits for the de-duplication index. Progress goes to {@code log} every 10,000 articles,
     * e.g. "index check: 120,000 of 240,000 stored articles compared, 2,310 added to the index".
     * {@link #close()} stops a pass early (what it added is committed; the next start-up finishes the job).
     *
     * @return completed at once when the counts agree, else when the pass ends
     */
    public java.util.concurrent.CompletableFuture<IndexRepair> synchronizeIndexInBackground(
            java.util.function.Consumer<String> log) {
        long indexed = index.count();
        long stored = store.count();
        if (indexed == stored) {
            return java.util.concurrent.CompletableFuture.completedFuture(new IndexRepair(0, 0));
        }
        log.accept(String.format("index check: the index holds %,d documents and the store %,d articles; comparing"
                + " them in the background (searches may miss some articles until it ends)", indexed, stored));
        java.util.concurrent.CompletableFuture<IndexRepair> done = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().daemon().name("index-check").start(() -> {
            try {
                IndexRepair r = synchronizeIndex(log, () -> closing);
                log.accept(String.format("index check %s: %,d documents added, %,d deleted", closing ? "stopped"
                        : "done", r.added(), r.deleted()));
                done.complete(r);
            } catch (Throwable t) {
                log.accept("index check failed: " + t.getMessage() + " (the next start-up tries again)");
                done.completeExceptionally(t);
            }
        });
        repair = done;
        return done;
    }

    private volatile boolean closing;
    private volatile java.util.concurrent.CompletableFuture<IndexRepair> repair =
            java.util.concurrent.CompletableFuture.completedFuture(new IndexRepair(0, 0));

    private IndexRepair synchronizeIndex(java.util.function.Consumer<String> log,
                                         java.util.function.BooleanSupplier stop) {
        return writer.exclusively(() -> {
            if (index.count() == store.count()) {
                // The usual case, answered without reading every id: a crash between a store commit and an index
                // commit leaves the index short, so equal counts mean nothing is missing.
                return new IndexRepair(0, 0);
            }
            SortedSet<String> indexed = index.ids();
            Set<String> stored = new HashSet<>();
            long total = store.count();
            int added = 0;
            int seen = 0;
            try (Stream<StoredArticle> all = store.exportAll()) {
                for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                    if (stop.getAsBoolean()) {
                        commit();
                        return new IndexRepair(added, 0);
                    }
                    String id = String.valueOf(a.id());
                    stored.add(id);
                    if (!indexed.contains(id)) {
                        reindexOne(a);
                        added++;
                    }
                    if (++seen % 10_000 == 0) {
                        log.accept(String.format("index check: %,d of %,d stored articles compared, %,d added to the"
                                + " index", seen, total, added));
                    }
                }
            }
            int deleted = 0;
            for (String id : indexed) {
                if (!stored.contains(id)) {
                    writer.delete(id);
                    deleted++;
                }
            }
            commit();
            return new IndexRepair(added, deleted);
        });
    }

    /** Rebuilds every document of the index from the store ({@code huixun reindex}). */
    public int reindexAll(IngestProgress progress) {
        int n = 0;
        long total = store.count();
        Set<String> known = new HashSet<>();
        try (Stream<StoredArticle> all = store.exportAll()) {
            for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                reindexOne(a);
                known.add(String.valueOf(a.id()));
                if (++n % 500 == 0) {
                    progress.advanced(n, total, IngestReport.EMPTY);
                }
            }
        }
        for (String id : index.ids()) {
            if (!known.contains(id)) {
                writer.delete(id);
            }
        }
        commit();
        return n;
    }

    private void reindexOne(StoredArticle a) {
        Optional<StoredUnderstanding> su = store.understanding(a.id());
        if (su.isPresent()) {
            writer.reindex(a, su.get());
        } else {
            writer.clusterAndIndex(a, preparer.understand(a.title(), a.canonicalText(), a.published()));
        }
    }

    /** What {@link #synchronizeIndex()} changed. */
    public record IndexRepair(int added, int deleted) {
        public boolean nothing() {
            return added == 0 && deleted == 0;
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            repair.join(); // a background index check stops at its next article and commits what it added
        } catch (RuntimeException e) {
            // it said why in the log
        }
        fetcher.ifPresent(Fetcher::close);
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.awaitLoads();
        commit();
        writer.saveIndex();
    }
}
