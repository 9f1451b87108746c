package io.huixun.ingest;

import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the sources that are due, many at once, and records their health.
 *
 * <p>Design note: each due source is leased in the store under this refresher's node id (so refreshers on several
 * nodes sharing one store never fetch the same source at once) and refreshed on a virtual thread of its own; at most
 * {@code maxInFlight} sources are in flight. A refresh spends nearly all its time waiting on the network or on its
 * host's turn (the {@link io.huixun.fetch.Fetcher} keeps per-host limits), so one slow host holds one slot, never
 * the others, and no lock is held while fetching: only the pipeline's writer is serial.
 *
 * <p>Adaptive schedule: a refresh that brought new articles comes back after half the source's interval (at least
 * {@link #MIN_INTERVAL}); one that brought nothing new after twice the interval (at most {@link #MAX_INTERVAL}); a
 * failure backs off exponentially, {@code interval × 2^failures}, capped at a day; each next time is lengthened by up
 * to {@link #JITTER} of its length so that sources added together do not stay in lock-step. A source whose host asked
 * us to wait comes back after {@link #DEFERRED_RETRY}. Paused sources are skipped.
 *
 * <p>Thread-safety: {@link #refreshDue()} and {@link #refresh(Source)} may be called from any thread; the in-flight
 * bound is a semaphore, the store and pipeline are thread-safe. {@link #start()} runs rounds on one daemon thread.
 */
public final class SourceRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRefresher.class);
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration MAX_INTERVAL = Duration.ofHours(6);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    static final Duration DEFERRED_RETRY = Duration.ofMinutes(1);
    static final double JITTER = 0.1;
    /** How long a node may hold a source while fetching it; a node that dies mid-fetch frees it after this. */
    static final Duration LEASE = Duration.ofMinutes(15);
    /** How long {@link #close()} waits for the refreshes in flight. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    /**
     * Sources refreshed at once unless configured otherwise. The per-host limits in the fetcher are what protect sites;
     * this bound only caps memory and sockets (a refresh holds one feed and one page at a time). 64 left 1,000 feeds
     * waiting on each other's hosts; 256 gathered all 9,780 articles of the simulated 1,000-feed fleet in 118 s.
     */
    public static final int DEFAULT_IN_FLIGHT = 256;
    /**
     * How often the background loop commits what refreshes stored. Committing after each source cost a disk sync per
     * source (1,000 sources: 1,000 index commits); searches here see new articles at once without a commit, and a
     * crash loses no stored article (the start-up check re-indexes what the index lacks).
     */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);

    private final ArticleStore store;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private final String nodeId;
    private final Semaphore slots;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread loop;

    /** A refresher with a node id of its own (this process's id and a random part). */
    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock) {
        this(store, pipeline, clock, "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    }

    /** @param nodeId names this node in source leases; unique among the nodes sharing {@code store} */
    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock, String nodeId) {
        this(store, pipeline, clock, nodeId, DEFAULT_IN_FLIGHT);
    }

    /** @param maxInFlight how many sources may be refreshed at once, ≥ 1 */
    public SourceRefresher(ArticleStore store, IngestPipeline pipeline, Clock clock, String nodeId, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("sources refreshed at once must be at least 1, got " + maxInFlight);
        }
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.nodeId = nodeId;
        this.slots = new Semaphore(maxInFlight);
    }

    /**
     * One round: leases every source due now and refreshes them, {@code maxInFlight} at a time, returning when all
     * are done. Returns how many this node refreshed; a source is refreshed at most once per round.
     */
    public int refreshDue() {
        Set<Long> done = ConcurrentHashMap.newKeySet();
        List<Future<?>> running = new ArrayList<>();
        try {
            while (true) {
                slots.acquire();
                Optional<Source> next = store.leaseDueSource(nodeId, clock.instant(), LEASE);
                if (next.isEmpty() || !done.add(next.get().id())) {
                    slots.release();
                    break;
                }
                Source source = next.get();
                running.add(workers.submit(() -> {
                    try {
                        refreshUncommitted(source);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pipeline.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a source refresh failed unexpectedly", e.getCause());
        }
        return done.size();
    }

    /**
     * Starts refreshing in the background: every {@code tick}, the sources due are leased while slots are free and
     * refreshed without waiting for the others (a slow source never delays the rest of a round).
     */
    public synchronized void start(Duration tick) {
        if (loop != null) {
            return;
        }
        loop = Thread.ofPlatform().daemon().name("source-scheduler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    launchDue();
                    pipeline.commitIfDue(COMMIT_INTERVAL);
                    Thread.sleep(tick.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("scheduling source refreshes failed: {}", e.getMessage());
                }
            }
        });
    }

    /** Leases due sources while slots are free and starts their refreshes; does not wait for them. */
    private void launchDue() throws InterruptedException {
        while (slots.tryAcquire(1, TimeUnit.MILLISECONDS)) {
            Optional<Source> next = store.leaseDueSource(nodeId, clock.instant(), LEASE);
            if (next.isEmpty()) {
                slots.release();
                return;
            }
            Source source = next.get();
            workers.submit(() -> {
                try {
                    refreshUncommitted(source);
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** Refreshes one source now, whatever its schedule, records the outcome and commits. */
    public IngestReport refresh(Source source) {
        IngestReport report = refreshUncommitted(source);
        pipeline.commit();
        return report;
    }

    /** Refreshes one source and records the outcome; the scheduler commits for many sources at once. */
    private IngestReport refreshUncommitted(Source source) {
        IngestReport report;
        try {
            report = pipeline.ingestSource(source);
            pipeline.commitIfDue(COMMIT_INTERVAL);
        } catch (RuntimeException e) {
            report = IngestReport.problem(source.url(), "refresh failed: " + e.getMessage());
        }
        Instant done = clock.instant();
        boolean failed = report.inserted() + report.alreadyStored() == 0 && !report.problems().isEmpty();
        if (failed) {
            String error = report.problems().get(0).message();
            store.recordFetchFailure(source.id(), done, error, done.plus(jitter(backoff(source))));
        } else {
            Duration next = report.deferred() > 0 ? DEFERRED_RETRY
                    : jitter(nextInterval(source, report.inserted() > 0));
            store.recordFetchSuccess(source.id(), done, done.plus(next));
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

    /** {@code d} lengthened by a random share of at most {@link #JITTER} (never shortened: a host's asked-for pause holds). */
    static Duration jitter(Duration d) {
        double factor = 1 + JITTER * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    /**
     * Stops the background loop and waits (at most {@link #CLOSE_WAIT}) for the refreshes in flight to finish. They are
     * not interrupted: an interrupt inside the index's file I/O closes its channels, and the installation could not be
     * closed cleanly after that (seen as "this IndexWriter is closed" at shutdown). A refresh ends within the fetch
     * deadline per request, so the wait is bounded by the slowest request in flight.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = loop;
            loop = null;
        }
        if (t != null) {
            t.interrupt(); // the scheduling loop only sleeps and leases: safe to interrupt
            try {
                t.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pipeline.commitIfDue(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("committing the last refreshes failed: {}", e.getMessage());
        }
    }
}
