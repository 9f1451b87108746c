package io.huixun.ingest;

import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Refreshes the sources that are due, one at a time, and records their health.
 *
 * <p>Adaptive schedule: a refresh that brought new articles comes back after half the source's interval (at least
 * {@link #MIN_INTERVAL}); one that brought nothing new after twice the interval (at most {@link #MAX_INTERVAL}); a
 * failure backs off exponentially, {@code interval × 2^failures}, capped at a day. Paused sources are skipped.
 * Each due source is first leased in the store under this refresher's node id, so refreshers on several nodes sharing
 * one store never fetch the same source at once; the recorded result releases the lease.
 * Not thread-safe: one scheduler thread calls {@link #refreshDue()}.
 */
public final class SourceRefresher {
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration MAX_INTERVAL = Duration.ofHours(6);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    /** How long a node may hold a source while fetching it; a node that dies mid-fetch frees it after this. */
    static final Duration LEASE = Duration.ofMinutes(15);

    private final ArticleStore store;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private final String nodeId;

    /** A refresher with a node id of its own (this process's id and a random part). */
    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock) {
        this(store, pipeline, clock, "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    }

    /** @param nodeId names this node in source leases; unique among the nodes sharing {@code store} */
    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock, String nodeId) {
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /** Leases and refreshes due sources until none is left; returns how many this node refreshed. */
    public int refreshDue() {
        int refreshed = 0;
        Set<Long> done = new HashSet<>(); // a source is refreshed at most once per round, whatever the clock says
        Optional<Source> next;
        while ((next = store.leaseDueSource(nodeId, clock.instant(), LEASE)).isPresent() && done.add(next.get().id())) {
            refresh(next.get());
            refreshed++;
        }
        return refreshed;
    }

    /** Refreshes one source now, whatever its schedule. */
    public IngestReport refresh(Source source) {
        IngestReport report;
        try {
            report = pipeline.ingestSource(source);
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
