package io.huixun.store.jdbc;

import io.huixun.store.ArticleStore;
import io.huixun.store.StoreException;
import io.huixun.store.StoreLimits;
import io.huixun.store.postgres.PostgresArticleStore;
import io.huixun.store.postgres.PostgresOptions;
import io.huixun.store.sqlite.SqliteArticleStore;
import io.huixun.store.sqlite.SqliteOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A store back-end the behavioural suite runs against: SQLite always; PostgreSQL when {@code HUIXUN_TEST_POSTGRES_URL}
 * names a throw-away database (each {@link Place} is then a fresh schema in it, dropped afterwards).
 */
public abstract class StoreBackend {
    /** The JDBC URL of an empty throw-away PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:55432/t?user=postgres}. */
    public static final String POSTGRES_URL_VARIABLE = "HUIXUN_TEST_POSTGRES_URL";

    private final String name;

    private StoreBackend(String name) {
        this.name = name;
    }

    /** Every back-end, for {@code @MethodSource}. */
    public static Stream<StoreBackend> all() {
        return Stream.of(sqlite(), postgres());
    }

    public static StoreBackend sqlite() {
        return new Sqlite();
    }

    public static StoreBackend postgres() {
        return new Postgres(Optional.ofNullable(System.getenv(POSTGRES_URL_VARIABLE)).filter(u -> !u.isBlank()));
    }

    /** Why this back-end cannot run here, if it cannot. */
    public abstract Optional<String> unavailable();

    /** A new, empty place for data; {@code dir} is a scratch directory the back-end may use. */
    public abstract Place place(Path dir);

    @Override
    public String toString() {
        return name;
    }

    /** Where one test's data lives; every store opened on it sees the same data (as nodes do). */
    public interface Place extends AutoCloseable {
        /** A new store (a node) on this place with default limits. */
        default ArticleStore open() {
            return open(StoreLimits.DEFAULT);
        }

        ArticleStore open(StoreLimits limits);

        @Override
        void close();
    }

    private static final class Sqlite extends StoreBackend {
        Sqlite() {
            super("SQLite");
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public Place place(Path dir) {
            Path file = dir.resolve("huixun-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".db");
            return new Place() {
                @Override
                public ArticleStore open(StoreLimits limits) {
                    return SqliteArticleStore.open(file, SqliteOptions.DEFAULT.withLimits(limits));
                }

                @Override
                public void close() {
                    // the scratch directory goes with the test
                }
            };
        }
    }

    private static final class Postgres extends StoreBackend {
        private final Optional<String> url;

        Postgres(Optional<String> url) {
            super("PostgreSQL");
            this.url = url;
        }

        @Override
        public Optional<String> unavailable() {
            return url.isPresent() ? Optional.empty()
                    : Optional.of("skipped: " + POSTGRES_URL_VARIABLE + " is not set (.ci/run sets it)");
        }

        @Override
        public Place place(Path dir) {
            String base = url.orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow()));
            String schema = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute(base, "CREATE SCHEMA " + schema);
            String storeUrl = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Place() {
                @Override
                public ArticleStore open(StoreLimits limits) {
                    return PostgresArticleStore.open(storeUrl, PostgresOptions.DEFAULT.withLimits(limits));
                }

                @Override
                public void close() {
                    execute(base, "DROP SCHEMA " + schema + " CASCADE");
                }
            };
        }

        private static void execute(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new StoreException("test database " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
