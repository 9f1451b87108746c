package io.huixun.fetch;

import io.huixun.text.time.NewsDates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-host turn-taking: at most {@code maxPerHost} exchanges in flight per host, at most one request start per host
 * per interval, and no request before a host's Retry-After.
 *
 * <p>Design note: each host has its own fair semaphore (the in-flight permits) and its own lock for the slot
 * arithmetic; a caller takes a permit, then waits outside the lock until one interval has passed since the last
 * request that actually started (and any Retry-After), and records its own start under the lock. Spacing is kept
 * between real starts, not reservations, and a longer interval (Crawl-delay learnt from the robots.txt just fetched)
 * applies from the request before it. Threads fetching different hosts never wait for each other.
 * Example with interval 1 s and 2 permits: three calls at 12:00:00.0 start at .0, 1.0 and (once a permit is free)
 * 2.0. A slot or permit further away than the allowed wait is not taken; the caller answers
 * {@link FetchResult.Deferred}. Thread-safe.
 */
final class HostSchedule {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    /**
     * Added to a non-zero interval so that the site, not only our clock, sees the interval: the moment a site reads a
     * request head jitters by tens of milliseconds on a busy machine (seen: 935 ms between two starts 1 s apart).
     */
    private static final Duration SLACK = Duration.ofMillis(50);

    private static final class Host {
        final Semaphore permits;
        Instant next = Instant.EPOCH; // no start before this (Retry-After); guarded by this
        Instant lastStart = Instant.EPOCH; // when the last request passed its turn; guarded by this

        Host(int maxInFlight) {
            permits = new Semaphore(maxInFlight, true);
        }
    }

    /** What {@link #acquire} answers: {@link Turn} (go now) or {@link Later}. */
    sealed interface Admission permits Turn, Later {}

    /** The right to run one exchange with a host; close it when the exchange (body included) is over. */
    static final class Turn implements Admission, AutoCloseable {
        private final Host host;
        private boolean closed;

        private Turn(Host host) {
            this.host = host;
        }

        /**
         * Records that the request head has just been written. Spacing counts from here: a new connection (TCP, TLS)
         * can take hundreds of milliseconds under load, and the next request on a kept-alive one would otherwise
         * reach the site less than an interval after this one (seen: robots.txt then the feed 430 ms apart).
         */
        void sent() {
            synchronized (host) {
                Instant now = Instant.now();
                if (now.isAfter(host.lastStart)) {
                    host.lastStart = now;
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                host.permits.release();
            }
        }
    }

    /** The host's turn is too far away: the caller may go at {@code notBefore}. */
    record Later(Instant notBefore) implements Admission {}

    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final int maxInFlight;

    HostSchedule(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    HostSchedule() {
        this(Integer.MAX_VALUE / 2);
    }

    /**
     * Waits for a permit (at most {@code maxPermitWait}) and then for the host's turn (at most {@code maxWait}). Returns the turn to close after the exchange, or (as
     * {@link Later}) the instant the caller may go when that is beyond {@code maxWait}.
     */
    Admission acquire(String hostKey, Duration interval, Duration maxWait, Duration maxPermitWait)
            throws InterruptedException {
        Host h = host(hostKey);
        long waitStart = System.nanoTime();
        if (!h.permits.tryAcquire(maxPermitWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return new Later(Instant.now().plus(interval.isZero() ? Duration.ofSeconds(1) : interval));
        }
        boolean handedOver = false;
        try {
            Duration left = maxWait.minusNanos(System.nanoTime() - waitStart);
            Optional<Instant> later = awaitTurn(h, interval, left.isNegative() ? Duration.ZERO : left);
            if (later.isPresent()) {
                return new Later(later.get());
            }
            handedOver = true;
            return new Turn(h);
        } finally {
            if (!handedOver) {
                h.permits.release();
            }
        }
    }

    /**
     * Waits for the host's turn (no permit). Returns empty when the caller may go now, or the instant it may go when
     * that is beyond {@code maxWait}.
     */
    Optional<Instant> awaitTurn(String hostKey, Duration interval, Duration maxWait) throws InterruptedException {
        return awaitTurn(host(hostKey), interval, maxWait);
    }

    private Optional<Instant> awaitTurn(Host h, Duration requested, Duration maxWait) throws InterruptedException {
        Duration interval = requested.isZero() ? requested : requested.plus(SLACK);
        Instant giveUpAt = Instant.now().plus(maxWait);
        while (true) {
            Instant slot;
            synchronized (h) {
                Instant now = Instant.now();
                slot = latest(now, h.next, h.lastStart.plus(interval));
                if (!slot.isAfter(now)) {
                    // The start that counts is the one that passes here, not the one reserved: a thread that wakes
                    // late must not start together with the next one (seen as two requests 4 ms apart under load).
                    h.lastStart = now;
                    return Optional.empty();
                }
                if (slot.isAfter(giveUpAt)) {
                    return Optional.of(slot);
                }
            }
            long sleep = Duration.between(Instant.now(), slot).toMillis();
            Thread.sleep(Math.max(1, sleep));
        }
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant m = a.isAfter(b) ? a : b;
        return m.isAfter(c) ? m : c;
    }

    /** Pushes the host's next turn to {@code notBefore} (never earlier than already scheduled). */
    void backOff(String hostKey, Instant notBefore) {
        Host h = host(hostKey);
        synchronized (h) {
            if (notBefore.isAfter(h.next)) {
                h.next = notBefore;
            }
        }
    }

    private Host host(String key) {
        return hosts.computeIfAbsent(key, k -> new Host(maxInFlight));
    }

    /**
     * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds, this header's own form, or an HTTP-date, read by the
     * shared {@link NewsDates} (a date without zone is UTC, as HTTP-dates are). Capped at one day; junk gives empty.
     * {@code "120"} at 12:00:00 → 12:02:00; {@code "Wed, 21 Oct 2015 07:28:00 GMT"} → that instant.
     */
    static Optional<Instant> parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        Optional<Instant> at = v.matches("[0-9]{1,10}") ? Optional.of(now.plusSeconds(Long.parseLong(v)))
                : NewsDates.parse(v, ZoneOffset.UTC).map(ZonedDateTime::toInstant);
        Instant cap = now.plus(MAX_RETRY_AFTER);
        return at.map(t -> t.isAfter(cap) ? cap : t);
    }
}
