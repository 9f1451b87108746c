package io.huixun.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What came of one fetch. Every expected outcome is a case here; the fetcher does not throw for any of them.
 * All cases are immutable.
 *
 * <p>Two methods serve every caller: {@link #describe()} is one human sentence for logs, the admin page and source
 * health ("connection refused by 203.0.113.5:443"), never a record's toString; {@link #outcome()} is a short stable
 * label for metrics ("ok", "refused", "timeout", "tls", "http_5xx", …).
 */
public sealed interface FetchResult {

    /** The URL as the caller gave it. */
    String requestedUrl();

    /** One human sentence saying what happened, e.g. "HTTP 503 Service Unavailable". */
    String describe();

    /**
     * A short stable label for metrics: ok, not_modified, robots, robots_unavailable, blocked, invalid_url, too_large,
     * timeout, http_3xx, http_4xx, http_5xx, redirects, deferred, refused, unknown_host, tls, bad_response,
     * connection_lost, interrupted, failed.
     */
    String outcome();

    /**
     * A 2xx response with its body.
     *
     * @param finalUrl   the URL after redirects
     * @param status     the HTTP status
     * @param headers    headers of interest (lower-case names: content-type, etag, last-modified, content-encoding,
     *                   content-length, cache-control, expires, date, content-language), first value of each
     * @param redirects  the URLs redirected through, in order (empty without redirects)
     * @param charset    the charset decision for the body
     */
    record Fetched(String requestedUrl, URI finalUrl, int status, Map<String, String> headers, byte[] body,
                   CharsetDecision charset, List<URI> redirects) implements FetchResult {
        public Fetched {
            headers = Map.copyOf(headers);
            redirects = List.copyOf(redirects);
            body = body.clone();
        }

        /** The original bytes (after transfer and content decoding), a copy. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        public int bodyLength() {
            return body.length;
        }

        /** The body decoded with {@link #charset()}, malformed input replaced with U+FFFD. */
        public String text() {
            return new String(body, charset.bomLength(), body.length - charset.bomLength(), charset.charset());
        }

        public Optional<String> header(String lowerCaseName) {
            return Optional.ofNullable(headers.get(lowerCaseName));
        }

        public Optional<String> etag() {
            return header("etag");
        }

        public Optional<String> lastModified() {
            return header("last-modified");
        }

        @Override
        public String describe() {
            return "fetched " + body.length + " bytes";
        }

        @Override
        public String outcome() {
            return "ok";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fetched f && requestedUrl.equals(f.requestedUrl) && finalUrl.equals(f.finalUrl)
                    && status == f.status && headers.equals(f.headers) && java.util.Arrays.equals(body, f.body)
                    && charset.equals(f.charset) && redirects.equals(f.redirects);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(requestedUrl, finalUrl, status, java.util.Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Fetched[" + finalUrl + " " + status + ", " + body.length + " bytes, " + charset + "]";
        }
    }

    /** 304: the caller's copy is current; nothing to write. */
    record NotModified(String requestedUrl, URI finalUrl) implements FetchResult {
        @Override
        public String describe() {
            return "not modified since the last fetch";
        }

        @Override
        public String outcome() {
            return "not_modified";
        }
    }

    /**
     * robots.txt keeps the fetcher away from the URL: either its rules disallow it ({@link RobotsBlock#FORBIDS}), or
     * robots.txt itself could not be read (5xx, refused, TLS failure, timeout: {@link RobotsBlock#UNAVAILABLE}), which
     * RFC 9309 §2.3.1.4 says to treat as a complete disallow for a while.
     *
     * @param reason      what the rules said, or why robots.txt was unavailable ("connection refused")
     * @param retryAfter  when robots.txt will be asked again (UNAVAILABLE only)
     */
    record BlockedByRobots(String requestedUrl, URI url, RobotsBlock why, String reason, Optional<Instant> retryAfter)
            implements FetchResult {
        /** A URL the rules disallow. */
        public BlockedByRobots(String requestedUrl, URI url, String reason) {
            this(requestedUrl, url, RobotsBlock.FORBIDS, reason, Optional.empty());
        }

        @Override
        public String describe() {
            if (why == RobotsBlock.FORBIDS) {
                return "robots.txt forbids it (" + reason + ")";
            }
            String retry = retryAfter.map(t -> "; retrying after " + Durations.human(
                    Duration.between(Instant.now(), t).plusSeconds(30))).orElse("");
            return "robots.txt unavailable (" + reason + ")" + retry;
        }

        @Override
        public String outcome() {
            return why == RobotsBlock.FORBIDS ? "robots" : "robots_unavailable";
        }
    }

    /** Why robots.txt keeps the fetcher away. */
    enum RobotsBlock { FORBIDS, UNAVAILABLE }

    /** The SSRF guard refused the address a URL (or a redirect) leads to. */
    record BlockedAddress(String requestedUrl, URI url, String reason) implements FetchResult {
        @Override
        public String describe() {
            return "blocked address: " + reason;
        }

        @Override
        public String outcome() {
            return "blocked";
        }
    }

    /** The URL is not one the fetcher requests: bad syntax, a scheme other than http/https, too long. */
    record InvalidUrl(String requestedUrl, String reason) implements FetchResult {
        @Override
        public String describe() {
            return "invalid URL: " + reason;
        }

        @Override
        public String outcome() {
            return "invalid_url";
        }
    }

    /** The body (after decompression) would exceed the cap. */
    record TooLarge(String requestedUrl, URI url, long limitBytes) implements FetchResult {
        @Override
        public String describe() {
            return "response larger than the " + Durations.bytes(limitBytes) + " limit";
        }

        @Override
        public String outcome() {
            return "too_large";
        }
    }

    /**
     * A wait ran out: a read stalled longer than the read timeout, or the whole fetch passed its deadline.
     *
     * @param after     how long the fetch had run
     * @param phase     which limit and where, e.g. "read timeout while reading the body", "deadline while connecting"
     * @param stage     where the fetch was when time ran out
     * @param deadline  true when the whole-call deadline ended it, false for the per-read (idle) timeout
     */
    record TimedOut(String requestedUrl, URI url, Duration after, String phase, Stage stage, boolean deadline)
            implements FetchResult {
        public TimedOut(String requestedUrl, URI url, Duration after, String phase) {
            this(requestedUrl, url, after, phase, Stage.BODY, phase.startsWith("deadline"));
        }

        @Override
        public String describe() {
            return "timed out " + stage.text + " (" + (deadline ? "whole-fetch deadline" : "no data within the read "
                    + "timeout") + ", after " + Durations.human(after) + ")";
        }

        @Override
        public String outcome() {
            return "timeout";
        }
    }

    /** Where a fetch was when time ran out. */
    enum Stage {
        CONNECT("connecting"), HEADERS("waiting for the response headers"), BODY("reading the body");

        final String text;

        Stage(String text) {
            this.text = text;
        }
    }

    /**
     * A non-2xx, non-304 final status.
     *
     * @param retryAfter    when the server asked to be contacted again (429/503 Retry-After), if it said
     * @param reasonPhrase  the server's reason phrase, or the standard one when it sent none (HTTP/2)
     */
    record HttpError(String requestedUrl, URI url, int status, Optional<Instant> retryAfter, String reasonPhrase)
            implements FetchResult {
        public HttpError(String requestedUrl, URI url, int status, Optional<Instant> retryAfter) {
            this(requestedUrl, url, status, retryAfter, "");
        }

        @Override
        public String describe() {
            String phrase = reasonPhrase.isBlank() ? "" : " " + reasonPhrase.strip();
            return "HTTP " + status + phrase + retryAfter.map(t -> "; the server asks to wait until " + t)
                    .orElse("");
        }

        @Override
        public String outcome() {
            return "http_" + (status / 100) + "xx";
        }
    }

    /** More redirects than allowed, or a redirect without a usable Location. */
    record TooManyRedirects(String requestedUrl, List<URI> chain) implements FetchResult {
        public TooManyRedirects {
            chain = List.copyOf(chain);
        }

        @Override
        public String describe() {
            return "too many redirects (" + chain.size() + ", last " + (chain.isEmpty() ? "none"
                    : TargetUrl.abbreviate(chain.get(chain.size() - 1).toString())) + ")";
        }

        @Override
        public String outcome() {
            return "redirects";
        }
    }

    /** The host asked for a pause (Retry-After, Crawl-delay) that outlasts the wait the settings allow. */
    record Deferred(String requestedUrl, URI url, Instant notBefore) implements FetchResult {
        @Override
        public String describe() {
            return "the host asked us to wait until " + notBefore;
        }

        @Override
        public String outcome() {
            return "deferred";
        }
    }

    /**
     * The connection or the HTTP exchange failed: refused, unknown host, TLS, reset, malformed response, body shorter
     * than declared.
     *
     * @param kind    what failed, for callers that act on it
     * @param reason  the detail, one sentence ("connection refused by 127.0.0.2:8080")
     */
    record Failed(String requestedUrl, URI url, Failure kind, String reason) implements FetchResult {
        public Failed(String requestedUrl, URI url, String reason) {
            this(requestedUrl, url, Failure.OTHER, reason);
        }

        @Override
        public String describe() {
            return reason;
        }

        @Override
        public String outcome() {
            return kind.label;
        }
    }

    /** What kind of failure a {@link Failed} is; {@code label} is its metrics label. */
    enum Failure {
        CONNECTION_REFUSED("refused"),
        UNKNOWN_HOST("unknown_host"),
        TLS_UNTRUSTED("tls"),
        TLS_EXPIRED("tls"),
        TLS_WRONG_HOST("tls"),
        TLS_HANDSHAKE("tls"),
        BAD_RESPONSE("bad_response"),
        CONNECTION_LOST("connection_lost"),
        INTERRUPTED("interrupted"),
        OTHER("failed");

        public final String label;

        Failure(String label) {
            this.label = label;
        }
    }

    /** Human renderings of sizes and durations shared by the sentences above. Stateless. */
    final class Durations {
        private Durations() {}

        /** {@code 600 s} → "10 min"; {@code 1500 ms} → "1.5 s". */
        static String human(Duration d) {
            long ms = Math.max(0, d.toMillis());
            if (ms < 1000) {
                return ms + " ms";
            }
            if (ms < 60_000) {
                return String.format(Locale.ROOT, "%.1f s", ms / 1000.0).replace(".0 s", " s");
            }
            if (ms < 3_600_000) {
                return (ms / 60_000) + " min";
            }
            return (ms / 3_600_000) + " h";
        }

        /** {@code 10485760} → "10 MiB". */
        static String bytes(long n) {
            if (n >= 1 << 20 && n % (1 << 20) == 0) {
                return (n >> 20) + " MiB";
            }
            if (n >= 1 << 10 && n % (1 << 10) == 0) {
                return (n >> 10) + " KiB";
            }
            return n + " bytes";
        }
    }
}
