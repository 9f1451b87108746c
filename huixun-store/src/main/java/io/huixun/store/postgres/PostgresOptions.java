package io.huixun.store.postgres;

import io.huixun.store.StoreLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a PostgreSQL store connects.
 *
 * @param limits        sizes and dates accepted by {@code save}
 * @param retryFor      how long a statement keeps retrying, with back-off, while the server is unreachable or
 *                      restarting (connection lost, server shutting down or starting up, deadlock); zero: fail at once
 * @param connectTimeout how long one connection attempt may take
 * @param idleConnections connections kept open for reuse
 */
public record PostgresOptions(StoreLimits limits, Duration retryFor, Duration connectTimeout, int idleConnections) {

    /** Default limits, 60 s of retries, 10 s per connection attempt, 4 idle connections. */
    public static final PostgresOptions DEFAULT = new PostgresOptions(StoreLimits.DEFAULT, Duration.ofSeconds(60),
            Duration.ofSeconds(10), 4);

    public PostgresOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(retryFor, "retryFor");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (retryFor.isNegative()) {
            throw new IllegalArgumentException("retry time cannot be negative, was " + retryFor);
        }
        if (connectTimeout.isNegative() || connectTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout must be 0..68 years, was " + connectTimeout);
        }
        if (idleConnections < 0) {
            throw new IllegalArgumentException("idle connections cannot be negative, was " + idleConnections);
        }
    }

    public PostgresOptions withLimits(StoreLimits newLimits) {
        return new PostgresOptions(newLimits, retryFor, connectTimeout, idleConnections);
    }

    public PostgresOptions withRetryFor(Duration newRetryFor) {
        return new PostgresOptions(limits, newRetryFor, connectTimeout, idleConnections);
    }
}
