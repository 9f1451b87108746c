package io.huixun.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host turn-taking: at most one request per host per interval, and no request before a host's Retry-After.
 *
 * <p>Design note: a caller reserves the next free slot of its host under that host's lock and then sleeps outside
 * the lock, so threads fetching different hosts never wait for each other and threads on one host queue up in slot
 * order. A slot further away than the allowed wait is not reserved; the caller answers {@link FetchResult.Deferred}.
 * Thread-safe.
 */
final class HostSchedule {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private static final class Host {
        Instant next = Instant.EPOCH;
    }

    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * Waits for the host's turn. Returns empty when the caller may go now, or the instant it may go when that is
     * beyond {@code maxWait}.
     */
    Optional<Instant> awaitTurn(String hostKey, Duration interval, Duration maxWait) throws InterruptedException {
        Host h = hosts.computeIfAbsent(hostKey, k -> new Host());
        Instant slot;
        synchronized (h) {
            Instant now = Instant.now();
            slot = h.next.isAfter(now) ? h.next : now;
            if (Duration.between(now, slot).compareTo(maxWait) > 0) {
                return Optional.of(slot);
            }
            h.next = slot.plus(interval);
        }
        long sleep = Duration.between(Instant.now(), slot).toMillis();
        if (sleep > 0) {
            Thread.sleep(sleep);
        }
        return Optional.empty();
    }

    /** Pushes the host's next turn to {@code notBefore} (never earlier than already scheduled). */
    void backOff(String hostKey, Instant notBefore) {
        Host h = hosts.computeIfAbsent(hostKey, k -> new Host());
        synchronized (h) {
            if (notBefore.isAfter(h.next)) {
                h.next = notBefore;
            }
        }
    }

    /**
     * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Capped at one day; junk gives empty.
     * {@code "120"} at 12:00:00 → 12:02:00; {@code "Wed, 21 Oct 2015 07:28:00 GMT"} → that instant.
     */
    static Optional<Instant> parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        Instant at;
        if (v.matches("[0-9]{1,10}")) {
            at = now.plusSeconds(Long.parseLong(v));
        } else {
            try {
                at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Instant cap = now.plus(MAX_RETRY_AFTER);
        return Optional.of(at.isAfter(cap) ? cap : at);
    }
}
