package io.huixun.ingest;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Bulk ingest in parallel with one ordered writer: candidates are prepared (repair, understanding) on a shared pool,
 * at most {@link #WINDOW} ahead of the writer, and written in the order they were submitted, so the result does not
 * depend on thread timing (the same input gives the same copies and stories).
 *
 * <p>Example: lines 1..4 of a JSONL file are prepared on 2 workers in any order; the writer stores 1, 2, 3, 4.
 * Memory is bounded by the window (back-pressure: {@link #submit} writes the oldest when the window is full).
 *
 * <p>Confined to one thread: the thread that submits is the thread that writes.
 */
final class OrderedIngest {
    static final int WINDOW = 64;

    /** Starts one ordered run over a shared pool. */
    record Factory(ExecutorService pool, Function<Candidate, ArticlePreparer.Prepared> prepare,
                   Function<ArticlePreparer.Prepared, IngestReport> write) {
        OrderedIngest start() {
            return new OrderedIngest(this);
        }
    }

    private final Factory f;
    private final ArrayDeque<Future<ArticlePreparer.Prepared>> pending = new ArrayDeque<>();
    private final ArrayDeque<String> origins = new ArrayDeque<>();
    private IngestReport report = IngestReport.EMPTY;

    private OrderedIngest(Factory f) {
        this.f = f;
    }

    void submit(Candidate c) {
        pending.add(f.pool().submit(() -> f.prepare().apply(c)));
        origins.add(c.origin());
        while (pending.size() > WINDOW) {
            writeOldest();
        }
    }

    /** What has been written so far. */
    IngestReport report() {
        return report;
    }

    /** Writes everything still pending and returns the whole run's report. */
    IngestReport finish() {
        while (!pending.isEmpty()) {
            writeOldest();
        }
        return report;
    }

    private void writeOldest() {
        Future<ArticlePreparer.Prepared> next = pending.poll();
        String origin = origins.poll();
        try {
            report = report.plus(f.write().apply(next.get()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            report = report.plus(IngestReport.problem(origin, "cannot prepare: " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report = report.plus(IngestReport.problem(origin, "interrupted"));
        }
    }
}
