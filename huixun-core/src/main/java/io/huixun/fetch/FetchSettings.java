package io.huixun.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the shared fetcher behaves. Immutable; change with the {@code with…} methods.
 *
 * @param userAgent            the User-Agent header
 * @param robotsToken          the product token matched against robots.txt groups
 * @param readTimeout          longest wait for any single read (or the connect) before the fetch times out
 * @param deadline             wall-clock limit for one fetch: connect, all redirects, headers and body
 * @param maxBodyBytes         cap on the body after decompression
 * @param maxRedirects         redirects followed before {@link FetchResult.TooManyRedirects}
 * @param hostInterval         minimum gap between two requests to one host (raised by a robots.txt Crawl-delay)
 * @param maxPolitenessWait    longest the fetcher waits for a host's turn; beyond it the answer is
 *                             {@link FetchResult.Deferred}
 * @param obeyRobots           whether robots.txt is consulted
 * @param addressPolicy        the SSRF guard
 */
public record FetchSettings(String userAgent, String robotsToken, Duration readTimeout, Duration deadline,
                            long maxBodyBytes, int maxRedirects, Duration hostInterval, Duration maxPolitenessWait,
                            boolean obeyRobots, AddressPolicy addressPolicy) {
    public static final String USER_AGENT = "Huixun/0.1 (+https://github.com/huixun)";

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsToken, "robotsToken");
        Objects.requireNonNull(addressPolicy, "addressPolicy");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(deadline, "deadline");
        if (hostInterval.isNegative() || maxPolitenessWait.isNegative()) {
            throw new IllegalArgumentException("hostInterval and maxPolitenessWait must not be negative");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be within 0..20, got " + maxRedirects);
        }
        if (userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII");
        }
    }

    /** Defaults for production: 10 s per read, 30 s per fetch, 10 MiB, 5 redirects, 1 s between requests to a host. */
    public static FetchSettings defaults() {
        return new FetchSettings(USER_AGENT, "Huixun", Duration.ofSeconds(10), Duration.ofSeconds(30), 10L << 20, 5,
                Duration.ofSeconds(1), Duration.ofSeconds(30), true, AddressPolicy.standard());
    }

    public FetchSettings withTimeouts(Duration read, Duration wholeFetch) {
        return new FetchSettings(userAgent, robotsToken, read, wholeFetch, maxBodyBytes, maxRedirects, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, bytes, maxRedirects, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy);
    }

    public FetchSettings withMaxRedirects(int n) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, n, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy);
    }

    public FetchSettings withPoliteness(Duration interval, Duration maxWait) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects, interval,
                maxWait, obeyRobots, addressPolicy);
    }

    public FetchSettings withRobots(boolean obey) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obey, addressPolicy);
    }

    public FetchSettings withAddressPolicy(AddressPolicy policy) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obeyRobots, policy);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
