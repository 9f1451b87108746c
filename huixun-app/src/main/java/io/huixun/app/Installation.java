package io.huixun.app;

import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.ingest.IngestPipeline;
import io.huixun.search.SearchBackend;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchIndexException;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.store.ArticleStore;
import io.huixun.store.postgres.PostgresArticleStore;
import io.huixun.store.sqlite.SqliteArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * One Huixun data folder opened for use: the SQLite store ({@code huixun.db}), the Lucene index ({@code index/}) and
 * the ingest pipeline over them, as {@link Settings} say (read once by the CLI and passed to
 * {@link #open(Settings, Mode)}). The folder is created when missing. Opening checks that the index agrees with the
 * store (two counts) and, when not (after a crash between a store commit and an index commit), repairs it on a
 * thread of its own with progress on stderr ({@link #startupRepair()}). Close it when done.
 *
 * <p>A folder is opened in one of three {@link Mode}s, so that commands can run while {@code huixun serve} holds the
 * index writer: only {@link Mode#FULL} takes Lucene's write lock, and a second FULL opening of a folder in use fails
 * with {@link InUseException}.
 *
 * <p>Threads: its fields are fixed once opened; sharing it is as safe as its parts are (the store, the index and the
 * pipeline are each thread-safe). {@link #close} must not race other calls.
 */
public final class Installation implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Installation.class);
    public static final String DEFAULT_FOLDER = "huixun-data";
    /** The SQLite store's file in the folder. */
    static final String DB_FILE = "huixun.db";
    /** The de-duplication index saved between runs ({@code io.huixun.dedup.DedupSnapshot}). */
    static final String DEDUP_INDEX_FILE = "dedup-index.bin";

    /** What a command needs of the folder; each mode opens only that. */
    public enum Mode {
        /**
         * The store alone ({@link #index()} and {@link #pipeline()} are unavailable): {@code sources …}, {@code
         * export}. Works beside a running serve: SQLite in WAL mode takes one writer at a time across processes, and
         * serve's refresher leases sources from the same store, so a source added here is fetched by serve.
         */
        STORE,
        /**
         * The store and the index opened read-only (no {@link #pipeline()}): {@code search}. Sees what the writing
         * process last committed, refreshed before each search. A Lucene folder with no index yet is first given one
         * by a brief FULL opening.
         */
        SEARCH,
        /** Store, index writer, ingest pipeline and the start-up index check: ingest, reindex, serve, demo. */
        FULL
    }

    /** The folder's index is held by another process (huixun serve, or an ingest): FULL opening is impossible now. */
    public static final class InUseException extends RuntimeException {
        private final Path folder;

        public InUseException(Path folder, Throwable cause) {
            super("the search index in " + folder + " is in use by another huixun process (huixun serve?)", cause);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    private final Path folder;
    private final Mode mode;
    /** Finished fetches go to whoever {@link #observeFetches} named (metrics in serve); nobody by default. */
    private final ForwardingObserver fetchObserver = new ForwardingObserver();
    private final ArticleStore store;
    private final SearchIndex index; // null in STORE mode
    private final IngestPipeline pipeline; // null unless FULL
    /** The start-up index check; runs in the background when the counts differ (see {@link #startupRepair()}). */
    private final java.util.concurrent.CompletableFuture<IngestPipeline.IndexRepair> startupRepair;

    private Installation(Path folder, Mode mode, FetchSettings fetchSettings, Optional<String> storeUrl,
                         Optional<String> searchUrl) {
        this.folder = folder;
        this.mode = mode;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
        if (mode == Mode.SEARCH && searchUrl.isEmpty() && noCommittedIndex(folder.resolve("index"))) {
            Installation full = new Installation(folder, Mode.FULL, fetchSettings, storeUrl, searchUrl);
            try {
                full.startupRepair(); // creates and fills it (closing would stop the background fill early)
            } finally {
                full.close();
            }
        }
        this.store = storeUrl.isPresent() ? PostgresArticleStore.open(jdbcUrl(storeUrl.get()))
                : SqliteArticleStore.open(folder.resolve(DB_FILE));
        SearchIndex opened = null;
        try {
            if (searchUrl.isPresent()) {
                opened = mode == Mode.STORE ? null : SearchBackend.openAt(searchUrl.get()); // optional module
            } else if (mode == Mode.SEARCH) {
                opened = LuceneSearchIndex.openReadOnly(folder.resolve("index"));
            } else if (mode == Mode.FULL) {
                opened = openWriter(folder);
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.index = opened;
        if (mode == Mode.FULL) {
            this.pipeline = new IngestPipeline(store, index, Optional.of(Fetcher.create(fetchSettings,
                    fetchObserver)), Clock.systemUTC(), Optional.of(folder.resolve(dedupIndexFile(storeUrl))));
            this.startupRepair = pipeline.synchronizeIndexInBackground(LOG::info);
        } else {
            this.pipeline = null;
            this.startupRepair = java.util.concurrent.CompletableFuture.completedFuture(
                    new IngestPipeline.IndexRepair(0, 0));
        }
    }

    /**
     * The saved de-duplication index's file name: one per store, so that a folder whose store moved to PostgreSQL
     * ({@code huixun migrate}, which numbers articles anew) never reads the other's. Example: {@code dedup-index.bin}
     * for the folder's SQLite store, {@code dedup-index-3f2a9c1e.bin} for a PostgreSQL URL.
     */
    static String dedupIndexFile(Optional<String> storeUrl) {
        return storeUrl.map(u -> "dedup-index-" + String.format("%08x", u.hashCode()) + ".bin").orElse(DEDUP_INDEX_FILE);
    }

    /** True when {@code dir} holds no Lucene commit yet (a folder never opened FULL, or an index folder deleted). */
    private static boolean noCommittedIndex(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Directory d = FSDirectory.open(dir)) {
            return !DirectoryReader.indexExists(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static LuceneSearchIndex openWriter(Path folder) {
        try {
            return LuceneSearchIndex.open(folder.resolve("index"));
        } catch (SearchIndexException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LockObtainFailedException) {
                    throw new InUseException(folder, e);
                }
            }
            throw e;
        }
    }

    /**
     * Opens only what {@code mode} needs (see {@link Mode}) of the folder, store and index {@code settings} name,
     * with their fetch settings for the pipeline: the one way in, so that every back-end combination fetches under
     * the same policy ({@code HUIXUN_ALLOW_NETWORKS} included). The store may live in PostgreSQL
     * ({@code postgresql://host:port/db?user=NAME}, or a {@code jdbc:postgresql:} URL; the folder then holds only the
     * local index; several nodes may share one PostgreSQL, sources being leased so that two nodes never fetch the same
     * source at once) and the index in OpenSearch ({@code opensearch://host:port,host:port}; at start-up it is
     * brought in line with the store, so a node pointed at an empty OpenSearch index fills it from the store).
     *
     * @throws InUseException in {@link Mode#FULL} when another process holds the folder's index writer
     */
    public static Installation open(Settings settings, Mode mode) {
        return new Installation(settings.folder(), mode, settings.fetch(), settings.storeUrl(), settings.searchUrl());
    }

    /** The whole installation in {@code folder}, configured by this process's environment (tests, benchmarks). */
    public static Installation open(Path folder) {
        return open(folder, Mode.FULL, Optional.empty(), Optional.empty());
    }

    /** {@link #open(Path)} with these fetch settings instead (tests that fetch from loopback servers). */
    public static Installation open(Path folder, FetchSettings fetchSettings) {
        return open(Settings.fromEnvironment(Settings.Flags.data(folder)).withBackEnds(Optional.empty(), Optional.empty())
                .withFetch(fetchSettings), Mode.FULL);
    }

    /** Only what {@code mode} needs, with exactly these back-ends (empty: SQLite, Lucene), whatever the environment. */
    public static Installation open(Path folder, Mode mode, Optional<String> storeUrl, Optional<String> searchUrl) {
        return open(Settings.fromEnvironment(Settings.Flags.data(folder)).withBackEnds(storeUrl, searchUrl), mode);
    }

    /**
     * Whether the folder {@code settings} name holds an installation a read command can use: its SQLite file, or a
     * store kept in PostgreSQL (which lives elsewhere and is checked by opening it). A read command on an empty folder
     * says so instead of creating an empty installation there.
     */
    public static boolean exists(Settings settings) {
        return settings.storeUrl().isPresent() || Files.isRegularFile(settings.folder().resolve(DB_FILE));
    }

    /** The whole installation with its store in PostgreSQL (see {@link #open(Settings, Mode)}). */
    public static Installation open(Path folder, Optional<String> storeUrl) {
        return open(folder, storeUrl, Optional.empty());
    }

    /** The whole installation with its store in PostgreSQL and/or its index in OpenSearch. */
    public static Installation open(Path folder, Optional<String> storeUrl, Optional<String> searchUrl) {
        return open(folder, Mode.FULL, storeUrl, searchUrl);
    }

    /** {@code postgresql://…} → {@code jdbc:postgresql://…}; anything else is refused with the accepted forms. */
    public static String jdbcUrl(String storeUrl) {
        String u = storeUrl.strip();
        if (u.startsWith("jdbc:postgresql://")) {
            return u;
        }
        if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
            return "jdbc:postgresql://" + u.substring(u.indexOf("://") + 3);
        }
        throw new IllegalArgumentException("unsupported store URL '" + u
                + "'; use postgresql://HOST:PORT/DATABASE?user=NAME (or leave it out for the embedded SQLite store)");
    }

    public Path folder() {
        return folder;
    }

    public ArticleStore store() {
        return store;
    }

    public Mode mode() {
        return mode;
    }

    /** The index (read-only in {@link Mode#SEARCH}); absent in {@link Mode#STORE}. */
    public SearchIndex index() {
        if (index == null) {
            throw new IllegalStateException("the data folder was opened without its index (mode " + mode + ")");
        }
        return index;
    }

    /** The ingest pipeline; only in {@link Mode#FULL}. */
    public IngestPipeline pipeline() {
        if (pipeline == null) {
            throw new IllegalStateException("the data folder was opened without the ingest pipeline (mode " + mode + ")");
        }
        return pipeline;
    }

    /**
     * What the start-up consistency check had to repair (usually nothing), waiting for it when it still runs: opening
     * compares the index's and the store's counts and, only when they differ, repairs in the background (searches are
     * served meanwhile, the first write waits), so that start-up never loops over everything stored.
     */
    public IngestPipeline.IndexRepair startupRepair() {
        return startupRepair.join();
    }

    @Override
    public void close() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            try {
                if (index != null) {
                    index.close();
                }
            } finally {
                store.close();
            }
        }
    }

    /** Sends every finished fetch to {@code observer} from now on (serve's metrics). */
    public void observeFetches(io.huixun.fetch.FetchObserver observer) {
        fetchObserver.target = observer;
    }

    /** Thread-safe: the target is a volatile reference, swapped whole. */
    private static final class ForwardingObserver implements io.huixun.fetch.FetchObserver {
        volatile io.huixun.fetch.FetchObserver target = io.huixun.fetch.FetchObserver.NONE;

        @Override
        public void finished(Event event) {
            target.finished(event);
        }
    }
}
