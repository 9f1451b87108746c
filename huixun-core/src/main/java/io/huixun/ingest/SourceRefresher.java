package io.huixun.ingest;

import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Refreshes the sources that are due, one at a time, and records their health.
 *
 * <p>Adaptive schedule: a refresh that brought new articles comes back after half the source's interval (at least
 * {@link #MIN_INTERVAL}); one that brought nothing new after twice the interval (at most {@link #MAX_INTERVAL}); a
 * failure backs off exponentially, {@code interval × 2^failures}, capped at a day. Paused sources are skipped.
 * Not thread-safe: one scheduler thread calls {@link #refreshDue()}.
 */
public final class SourceRefresher {
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration MAX_INTERVAL = Duration.ofHours(6);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private final ArticleStore store;
    private final IngestPipeline pipeline;
    private final Clock clock;

    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock) {
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Refreshes every due source; returns how many were refreshed. */
    public int refreshDue() {
        int refreshed = 0;
        for (Source source : store.listSources()) {
            Instant now = clock.instant();
            if (source.paused() || source.health().nextDue().filter(due -> due.isAfter(now)).isPresent()) {
                continue;
            }
            refresh(source);
            refreshed++;
        }
        return refreshed;
    }

    /** Refreshes one source now, whatever its schedule. */
    public IngestReport refresh(Source source) {
        IngestReport report;
        try {
            report = pipeline.ingestUrl(source.url(), OptionalLong.of(source.id()));
            pipeline.commit();
        } catch (RuntimeException e) {
            report = IngestReport.problem(source.url(), "refresh failed: " + e);
        }
        Instant done = clock.instant();
        boolean failed = report.inserted() + report.alreadyStored() == 0 && !report.problems().isEmpty();
        if (failed) {
            String error = report.problems().get(0).message();
            store.recordFetchFailure(source.id(), done, error, done.plus(backoff(source)));
        } else {
            store.recordFetchSuccess(source.id(), done, done.plus(nextInterval(source, report.inserted() > 0)));
        }
        return report;
    }

    static Duration nextInterval(Source source, boolean foundNew) {
        Duration base = source.refreshInterval();
        Duration next = foundNew ? base.dividedBy(2) : base.multipliedBy(2);
        if (next.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return next.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : next;
    }

    static Duration backoff(Source source) {
        int failures = Math.min(source.health().consecutiveFailures() + 1, 16);
        Duration d = source.refreshInterval().multipliedBy(1L << failures);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
