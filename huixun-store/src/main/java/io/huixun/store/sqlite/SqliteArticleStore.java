package io.huixun.store.sqlite;

import io.huixun.store.ArticleStore;
import io.huixun.store.SaveResult;
import io.huixun.store.StoreException;
import io.huixun.store.jdbc.JdbcArticleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * {@link ArticleStore} on one SQLite file.
 *
 * <p>Design: WAL journal, so readers never block the writer and see the last committed state. All writes go through
 * one connection under a lock, each in a {@code BEGIN IMMEDIATE} transaction (the write lock is taken up front, so a
 * second process waits up to the busy timeout instead of failing half-way, and is released at commit). Reads borrow a
 * read-only connection from a small pool. The SQL itself is shared with PostgreSQL in {@link JdbcArticleStore}; a
 * save's look-up and insert are atomic even against another process because the write lock is held throughout, and
 * a match is answered with {@link SaveResult.AlreadyStored}.
 * Schema: Flyway migrations in {@code db/migration/common}, applied on open.
 *
 * <p>Thread-safe. Close it to release the file.
 */
public final class SqliteArticleStore extends JdbcArticleStore {
    private final Path file;
    private final SQLiteDataSource readSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteArticleStore(Path file, SqliteOptions options, Clock clock) throws SQLException {
        super(options.limits(), clock);
        this.file = file;
        SQLiteDataSource writeSource = dataSource(file, options, false);
        migrate(writeSource, "INTEGER PRIMARY KEY", "BLOB");
        // Auto-commit stays on and write() issues BEGIN IMMEDIATE / COMMIT itself: with auto-commit off, sqlite-jdbc
        // begins the next transaction right after each commit, so an IMMEDIATE writer would hold the database's
        // write lock for its whole life and lock out every other process (found by a test with two stores).
        this.writer = writeSource.getConnection();
        this.readSource = dataSource(file, options, true);
        this.idleReaders = new ArrayBlockingQueue<>(Math.max(1, options.idleReaders()));
    }

    /** Opens (creating if needed) the database at {@code file} with {@link SqliteOptions#DEFAULT}. */
    public static SqliteArticleStore open(Path file) {
        return open(file, SqliteOptions.DEFAULT);
    }

    /**
     * Opens (creating if needed) the database at {@code file} and brings its schema up to date.
     *
     * @throws StoreException if the file cannot be opened or migrated
     */
    public static SqliteArticleStore open(Path file, SqliteOptions options) {
        return open(file, options, Clock.systemUTC());
    }

    static SqliteArticleStore open(Path file, SqliteOptions options, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new SqliteArticleStore(file, options, clock);
        } catch (SQLException | java.io.IOException | org.flywaydb.core.api.FlywayException e) {
            throw new StoreException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private static SQLiteDataSource dataSource(Path file, SqliteOptions options, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(options.fullSync() ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        if (readOnly) {
            config.setReadOnly(true);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    // ---------------------------------------------------------------- back-end hooks

    @Override
    protected <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            try (java.sql.Statement begin = writer.createStatement()) {
                begin.execute("BEGIN IMMEDIATE"); // take the write lock now, not half-way through
            }
            try {
                T result = work.apply(writer);
                try (java.sql.Statement commit = writer.createStatement()) {
                    commit.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    protected <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = idleReaders.poll();
        try {
            if (c == null) {
                c = readSource.getConnection();
            }
            T result = work.apply(c);
            if (closed.get() || !idleReaders.offer(c)) {
                closeQuietly(c);
            }
            return result;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    protected Connection streamConnection() throws SQLException {
        ensureOpen();
        return readSource.getConnection();
    }

    /** Writes are serialised by the database's write lock, so the lease query needs no row lock. */
    @Override
    protected String lockSkippingClause() {
        return "";
    }

    @Override
    protected String describe(SQLException e) {
        String code = e.getErrorCode() != 0 ? " (" + SQLiteErrorCode.getErrorCode(e.getErrorCode()) + ")" : "";
        return "store " + file + ": " + e.getMessage() + code;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store at " + file, e);
        } finally {
            writeLock.unlock();
            Connection reader;
            while ((reader = idleReaders.poll()) != null) {
                closeQuietly(reader);
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the store at " + file + " is closed");
        }
    }

    private void rollbackQuietly() {
        try (java.sql.Statement rollback = writer.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException e) {
            // the original failure matters more; a failed rollback leaves SQLite to roll back on the next begin
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing to do: the connection is being discarded
            }
        }
    }
}
