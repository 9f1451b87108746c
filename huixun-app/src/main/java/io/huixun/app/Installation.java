package io.huixun.app;

import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.ingest.IngestPipeline;
import io.huixun.search.SearchIndex;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.search.opensearch.OpenSearchIndex;
import io.huixun.store.ArticleStore;
import io.huixun.store.postgres.PostgresArticleStore;
import io.huixun.store.sqlite.SqliteArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * One Huixun data folder opened for use: the SQLite store ({@code huixun.db}), the Lucene index ({@code index/}) and
 * the ingest pipeline over them. The folder is created when missing. Opening checks that the index agrees with the
 * store and repairs it when not (after a crash between a store commit and an index commit). Close it when done.
 */
public final class Installation implements AutoCloseable {
    public static final String DEFAULT_FOLDER = "huixun-data";

    private final Path folder;
    private final ArticleStore store;
    private final SearchIndex index;
    private final IngestPipeline pipeline;
    private final IngestPipeline.IndexRepair startupRepair;

    private Installation(Path folder, FetchSettings fetchSettings, Optional<String> storeUrl,
                         Optional<String> searchUrl) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
        this.store = storeUrl.isPresent() ? PostgresArticleStore.open(jdbcUrl(storeUrl.get()))
                : SqliteArticleStore.open(folder.resolve("huixun.db"));
        SearchIndex opened;
        try {
            opened = searchUrl.isPresent() ? OpenSearchIndex.open(searchUrl.get())
                    : LuceneSearchIndex.open(folder.resolve("index"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.index = opened;
        this.pipeline = new IngestPipeline(store, index, Optional.of(Fetcher.create(fetchSettings)), Clock.systemUTC());
        this.startupRepair = pipeline.synchronizeIndex();
    }

    /**
     * Opens with the default fetch settings; {@code HUIXUN_ALLOW_NETWORKS} (comma-separated CIDR ranges such as
     * {@code 192.168.1.20/32}) lets the fetcher reach those private addresses, for LAN sources like a self-hosted
     * RSSHub. Everything else non-public stays blocked.
     */
    public static Installation open(Path folder) {
        FetchSettings settings = FetchSettings.defaults();
        String allowed = System.getenv("HUIXUN_ALLOW_NETWORKS");
        if (allowed != null && !allowed.isBlank()) {
            java.util.List<String> ranges = java.util.Arrays.stream(allowed.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            settings = new FetchSettings(settings.userAgent(), settings.robotsToken(), settings.readTimeout(),
                    settings.deadline(), settings.maxBodyBytes(), settings.maxRedirects(), settings.hostInterval(),
                    settings.maxPolitenessWait(), settings.obeyRobots(), settings.addressPolicy().allowing(ranges));
        }
        return new Installation(folder, settings, Optional.empty(), Optional.empty());
    }

    public static Installation open(Path folder, FetchSettings fetchSettings) {
        return new Installation(folder, fetchSettings, Optional.empty(), Optional.empty());
    }

    /**
     * Opens with the store in PostgreSQL ({@code postgresql://host:port/db?user=NAME}, or a {@code jdbc:postgresql:}
     * URL) instead of the folder's SQLite file; the folder still holds the local index. Several nodes may share one
     * PostgreSQL: sources are leased, so two nodes never fetch the same source at once.
     */
    public static Installation open(Path folder, Optional<String> storeUrl) {
        return open(folder, storeUrl, Optional.empty());
    }

    /**
     * Opens with the store in PostgreSQL and/or the index in OpenSearch ({@code opensearch://host:port,host:port}).
     * At start-up the index is brought in line with the store, so pointing a node at an empty OpenSearch index
     * fills it from the store.
     */
    public static Installation open(Path folder, Optional<String> storeUrl, Optional<String> searchUrl) {
        if (storeUrl.isEmpty() && searchUrl.isEmpty()) {
            return open(folder);
        }
        return new Installation(folder, FetchSettings.defaults(), storeUrl, searchUrl);
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

    /** {@code --data} if given, else {@code $HUIXUN_DATA}, else {@code ./huixun-data}. */
    public static Path folder(Optional<Path> given) {
        return given.orElseGet(() -> Optional.ofNullable(System.getenv("HUIXUN_DATA")).filter(s -> !s.isBlank())
                .map(Path::of).orElse(Path.of(DEFAULT_FOLDER)));
    }

    public Path folder() {
        return folder;
    }

    public ArticleStore store() {
        return store;
    }

    public SearchIndex index() {
        return index;
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    /** What the start-up consistency check had to repair (usually nothing). */
    public IngestPipeline.IndexRepair startupRepair() {
        return startupRepair;
    }

    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            try {
                index.close();
            } finally {
                store.close();
            }
        }
    }
}
