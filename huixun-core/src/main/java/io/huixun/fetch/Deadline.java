package io.huixun.fetch;

import java.io.IOException;
import java.time.Duration;

/**
 * A wall-clock limit for the network work of one fetch (DNS, connect, all hops, headers, body) plus the per-read limit;
 * monotonic (System.nanoTime). Politeness waits are excused. Not shared across threads.
 */
final class Deadline {
    private final long start;
    private long end;
    private final long readTimeoutMillis;
    private boolean lastCutByDeadline;

    Deadline(Duration total, Duration readTimeout) {
        this.start = System.nanoTime();
        this.end = start + total.toNanos();
        this.readTimeoutMillis = Math.max(1, readTimeout.toMillis());
    }

    /** The socket timeout for the next blocking call: the read timeout, shortened to what the deadline leaves. */
    int nextTimeoutMillis(String phase) throws TimeoutException {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new TimeoutException(phase, "deadline", elapsed());
        }
        lastCutByDeadline = left <= readTimeoutMillis;
        return (int) Math.max(1, Math.min(readTimeoutMillis, left));
    }

    /** Milliseconds left to the deadline (negative once passed). */
    long leftMillis() {
        return (end - System.nanoTime()) / 1_000_000;
    }

    /** Moves the end later by time that should not count (politeness waits). */
    void excuse(long nanos) {
        if (nanos > 0) {
            end += nanos;
        }
    }

    /** Which limit a socket timeout that just fired stood for. */
    String kindOfLastTimeout() {
        return lastCutByDeadline || System.nanoTime() - end >= 0 ? "deadline" : "read timeout";
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A blocking call ran out of time; {@code phase} says where (dns, connect, read), {@code kind} which limit. */
    static final class TimeoutException extends IOException {
        final String phase;
        final String kind;
        final Duration after;

        TimeoutException(String phase, String kind, Duration after) {
            super(kind + " reached during " + phase + " after " + after.toMillis() + " ms", null);
            this.phase = phase;
            this.kind = kind;
            this.after = after;
        }
    }
}
