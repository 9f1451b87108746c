package io.huixun.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without ever locking the right password out.
 *
 * <p>Each account name and each client address has a count of recent failures. The first {@link Policy#free} failures
 * cost nothing; after that each attempt on the same account or from the same address must wait its turn: turns are
 * handed out {@code base · 2^(failures − free − 1)} apart, at most {@link Policy#max} apart. The caller sleeps until
 * its turn and then checks the password, so the right password is accepted after a short wait however many wrong
 * ones came before it; only a flood that queues attempts more than {@link Policy#maxQueue} ahead is told to come
 * back later. Example with the defaults (3 free, 1 s, 16 s): 10 wrong passwords in a row, then the right one a minute
 * later → no wait, logged in; the right one at once → logged in after at most 16 s. A success clears the
 * account's and the address's counts; counts are forgotten after {@link Policy#forget} without a failure.
 *
 * <p>Thread-safe: each name's or address's state is an immutable value swapped atomically in a
 * {@link ConcurrentHashMap} ({@code compute}); no lock is held while the caller waits.
 */
public final class LoginThrottle {
    /**
     * @param free     failures that cost no wait
     * @param base     the spacing after the first costly failure (doubles with each further one)
     * @param max      the largest spacing
     * @param maxQueue how far ahead turns may be handed out before attempts are refused
     * @param forget   a key's failures are forgotten this long after its last one
     */
    public record Policy(int free, Duration base, Duration max, Duration maxQueue, Duration forget) {
        public static final Policy DEFAULT = new Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(16),
                Duration.ofSeconds(60), Duration.ofHours(1));
    }

    /** What an attempt may do. */
    public sealed interface Admission {
        /** Wait {@code delay} (maybe zero), then check the password. */
        record Proceed(Duration delay) implements Admission {
        }

        /** Too many attempts queued; try again after this. */
        record Busy(Duration retryAfter) implements Admission {
        }
    }

    private record Key(int failures, Instant lastFailure, Instant nextTurn) {
    }

    private static final int MAX_KEYS = 100_000;

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Takes a turn for an attempt on {@code account} from {@code address}. */
    public Admission admit(String account, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        Instant turn = now;
        for (String k : new String[] {"a:" + account, "i:" + address}) {
            Key key = keys.get(k);
            if (key != null && key.nextTurn().isAfter(turn)) {
                turn = key.nextTurn();
            }
        }
        Duration wait = Duration.between(now, turn);
        if (wait.compareTo(policy.maxQueue()) > 0) {
            return new Admission.Busy(wait.minus(policy.maxQueue()));
        }
        // Reserve the turn: the next attempt on either key waits one more spacing after this one.
        Instant taken = turn;
        for (String k : new String[] {"a:" + account, "i:" + address}) {
            keys.computeIfPresent(k, (name, key) -> key.failures() <= policy.free() ? key
                    : new Key(key.failures(), key.lastFailure(), taken.plus(spacing(key.failures()))));
        }
        return new Admission.Proceed(wait);
    }

    /** Records a wrong password. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {"a:" + account, "i:" + address}) {
            keys.merge(k, new Key(1, now, now), (old, one) -> {
                if (old.lastFailure().plus(policy.forget()).isBefore(now)) {
                    return one; // quiet for long enough: start afresh
                }
                int n = old.failures() + 1;
                Instant next = n <= policy.free() ? now : later(old.nextTurn(), now.plus(spacing(n)));
                return new Key(n, now, next);
            });
        }
    }

    /** Records a right password: the account and the address start afresh. */
    public void succeeded(String account, String address) {
        keys.remove("a:" + account);
        keys.remove("i:" + address);
    }

    /** The spacing after {@code failures} failures. */
    Duration spacing(int failures) {
        int costly = failures - policy.free();
        if (costly <= 0) {
            return Duration.ZERO;
        }
        Duration d = policy.base().multipliedBy(1L << Math.min(20, costly - 1));
        return d.compareTo(policy.max()) > 0 ? policy.max() : d;
    }

    private void forgetOld(Instant now) {
        if (keys.size() > MAX_KEYS) { // a spray of addresses: drop the stale ones (the map never grows without bound)
            keys.entrySet().removeIf(e -> e.getValue().lastFailure().plus(policy.forget()).isBefore(now));
        }
        // Otherwise a stale key is harmless: its turn is in the past, and its next failure starts it afresh.
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
