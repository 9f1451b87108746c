package io.huixun.store.sqlite;

import io.huixun.store.StoreLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a SQLite store is opened.
 *
 * @param limits      sizes and dates accepted by {@code save}
 * @param fullSync    {@code true}: {@code synchronous=FULL}, a commit survives power loss (one fsync per commit);
 *                    {@code false}: {@code synchronous=NORMAL}, a commit survives the process being killed and the
 *                    database is never corrupted, but the last commits may be lost if the machine loses power
 * @param busyTimeout how long a connection waits for a lock held by another process before failing
 * @param idleReaders read connections kept open for reuse
 */
public record SqliteOptions(StoreLimits limits, boolean fullSync, Duration busyTimeout, int idleReaders) {

    /** Default limits, NORMAL sync, 10 s busy timeout, 4 idle readers. */
    public static final SqliteOptions DEFAULT = new SqliteOptions(StoreLimits.DEFAULT, false, Duration.ofSeconds(10), 4);

    public SqliteOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout must be 0..24 days, was " + busyTimeout);
        }
        if (idleReaders < 0) {
            throw new IllegalArgumentException("idle readers cannot be negative, was " + idleReaders);
        }
    }

    public SqliteOptions withLimits(StoreLimits newLimits) {
        return new SqliteOptions(newLimits, fullSync, busyTimeout, idleReaders);
    }

    public SqliteOptions withFullSync(boolean full) {
        return new SqliteOptions(limits, full, busyTimeout, idleReaders);
    }
}
