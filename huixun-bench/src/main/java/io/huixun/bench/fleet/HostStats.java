package io.huixun.bench.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one site saw, as the site measured it: open connections (now and at most), requests being answered (now and
 * at most), when each request started (its head fully read), requests by kind, and requests to paths its robots.txt
 * disallows. Example: two requests that started at 0.000 s and 0.998 s give a smallest spacing of 998 ms.
 *
 * <p>Thread-safe: counters are atomics; the start times and per-path counts are guarded by this object's lock, held
 * only to append or copy (never across I/O).
 */
final class HostStats {
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger maxConnections = new AtomicInteger();
    private final AtomicInteger activeRequests = new AtomicInteger();
    private final AtomicInteger maxActiveRequests = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong disallowedRequests = new AtomicLong();
    private final List<Long> starts = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, Integer> perPath = new HashMap<>();
    private final Map<String, Integer> perKind = new HashMap<>();

    void connectionOpened() {
        connections.incrementAndGet();
        maxConnections.accumulateAndGet(openConnections.incrementAndGet(), Math::max);
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    /** A request's head was read: {@code kind} is robots, feed, page or other. */
    void requestStarted(long nanos, String path, String kind, boolean disallowed) {
        maxActiveRequests.accumulateAndGet(activeRequests.incrementAndGet(), Math::max);
        if (disallowed) {
            disallowedRequests.incrementAndGet();
        }
        synchronized (this) {
            starts.add(nanos);
            log.add(nanos + " " + path);
            perPath.merge(path, 1, Integer::sum);
            perKind.merge(kind, 1, Integer::sum);
        }
    }

    void requestEnded() {
        activeRequests.decrementAndGet();
    }

    /** Every request so far as {@code "NANOS PATH"}, in arrival order (for the request log). */
    synchronized List<String> requestLog() {
        return List.copyOf(log);
    }

    /** A copy of what was seen so far. */
    synchronized Snapshot snapshot() {
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            minGap = Math.min(minGap, sorted.get(i) - sorted.get(i - 1));
        }
        int repeated = 0;
        for (var e : perPath.entrySet()) {
            if (!e.getKey().equals("/robots.txt") && e.getValue() > 1) {
                repeated += e.getValue() - 1;
            }
        }
        return new Snapshot(sorted.size(), connections.get(), maxConnections.get(), maxActiveRequests.get(),
                minGap == Long.MAX_VALUE ? -1 : minGap / 1_000_000, disallowedRequests.get(), repeated,
                Map.copyOf(perKind));
    }

    /**
     * @param minSpacingMillis smallest gap between two request starts, -1 with fewer than two requests
     * @param repeatedRequests requests for a path already requested (robots.txt excluded)
     */
    record Snapshot(int requests, long connections, int maxConnections, int maxActiveRequests, long minSpacingMillis,
                    long disallowedRequests, int repeatedRequests, Map<String, Integer> perKind) {}
}
