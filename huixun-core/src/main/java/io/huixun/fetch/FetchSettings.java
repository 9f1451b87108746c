package io.huixun.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * @param maxPerHost           exchanges in flight to one host at once (and connections kept per origin)
 * @param proxy                the outbound proxy, {@link FetchProxy#none()} by default; {@link FetchProxy#fromEnvironment}
 *                             reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * @param extraTrust           CA certificates trusted in addition to the JDK's (a private CA, a TLS-inspecting proxy)
 */
public record FetchSettings(String userAgent, String robotsToken, Duration readTimeout, Duration deadline,
                            long maxBodyBytes, int maxRedirects, Duration hostInterval, Duration maxPolitenessWait,
                            boolean obeyRobots, AddressPolicy addressPolicy, int maxPerHost, FetchProxy proxy,
                            List<X509Certificate> extraTrust) {
    public static final String USER_AGENT = "Huixun/0.1 (+https://github.com/huixun)";
    /** Default {@link #maxPerHost}: two exchanges at once, as browsers' old per-host limit and polite crawlers do. */
    public static final int MAX_PER_HOST = 2;

    /** The settings as they were before the proxy, trust and per-host fields: defaults for those. */
    public FetchSettings(String userAgent, String robotsToken, Duration readTimeout, Duration deadline,
                         long maxBodyBytes, int maxRedirects, Duration hostInterval, Duration maxPolitenessWait,
                         boolean obeyRobots, AddressPolicy addressPolicy) {
        this(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy, MAX_PER_HOST, FetchProxy.none(), List.of());
    }

    public FetchSettings {
        Objects.requireNonNull(proxy, "proxy");
        extraTrust = List.copyOf(extraTrust);
        if (maxPerHost < 1 || maxPerHost > 64) {
            throw new IllegalArgumentException("maxPerHost must be within 1..64, got " + maxPerHost);
        }
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

    public FetchSettings withMaxPerHost(int n) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obeyRobots, addressPolicy, n, proxy, extraTrust);
    }

    public FetchSettings withProxy(FetchProxy p) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obeyRobots, addressPolicy, maxPerHost, p, extraTrust);
    }

    /** These CA certificates are trusted besides the JDK's own (e.g. {@link #readCertificates} of a PEM file). */
    public FetchSettings withExtraTrust(Collection<X509Certificate> cas) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obeyRobots, addressPolicy, maxPerHost, proxy, List.copyOf(cas));
    }

    /**
     * Reads every certificate of a PEM (or DER) file, e.g. an operator's private CA for HUIXUN_EXTRA_CA.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate (one sentence)
     */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read CA certificates from " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not a PEM or DER certificate file: " + e.getMessage(), e);
        }
    }

    public FetchSettings withTimeouts(Duration read, Duration wholeFetch) {
        return new FetchSettings(userAgent, robotsToken, read, wholeFetch, maxBodyBytes, maxRedirects, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy, maxPerHost, proxy, extraTrust);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, bytes, maxRedirects, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy, maxPerHost, proxy, extraTrust);
    }

    public FetchSettings withMaxRedirects(int n) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, n, hostInterval,
                maxPolitenessWait, obeyRobots, addressPolicy, maxPerHost, proxy, extraTrust);
    }

    public FetchSettings withPoliteness(Duration interval, Duration maxWait) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects, interval,
                maxWait, obeyRobots, addressPolicy, maxPerHost, proxy, extraTrust);
    }

    public FetchSettings withRobots(boolean obey) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obey, addressPolicy, maxPerHost, proxy, extraTrust);
    }

    public FetchSettings withAddressPolicy(AddressPolicy policy) {
        return new FetchSettings(userAgent, robotsToken, readTimeout, deadline, maxBodyBytes, maxRedirects,
                hostInterval, maxPolitenessWait, obeyRobots, policy, maxPerHost, proxy, extraTrust);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
