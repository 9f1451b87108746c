package io.huixun.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How fetching a source has gone.
 *
 * @param lastSuccess         end of the last successful fetch
 * @param lastError           message of the last failed fetch (kept after a later success, for the operator)
 * @param lastErrorAt         when that failure happened
 * @param consecutiveFailures failures since the last success
 * @param nextDue             when it should next be fetched; empty means as soon as possible
 * @param etag                the ETag of the last full fetch, for a conditional refresh
 * @param lastModified        the Last-Modified of the last full fetch, for a conditional refresh
 */
public record SourceHealth(Optional<Instant> lastSuccess, Optional<String> lastError, Optional<Instant> lastErrorAt,
                           int consecutiveFailures, Optional<Instant> nextDue, Optional<String> etag,
                           Optional<String> lastModified) {

    /** A source never fetched. */
    public static final SourceHealth NEW = new SourceHealth(Optional.empty(), Optional.empty(), Optional.empty(), 0,
            Optional.empty(), Optional.empty(), Optional.empty());

    public SourceHealth {
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        Objects.requireNonNull(nextDue, "nextDue");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutive failures cannot be negative, was " + consecutiveFailures);
        }
    }
}
