package io.huixun.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came of one fetch. Every expected outcome is a case here; the fetcher does not throw for any of them.
 * All cases are immutable.
 */
public sealed interface FetchResult {

    /** The URL as the caller gave it. */
    String requestedUrl();

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
    record NotModified(String requestedUrl, URI finalUrl) implements FetchResult {}

    /** robots.txt of the origin disallows the URL (or robots.txt was unreachable: RFC 9309 complete disallow). */
    record BlockedByRobots(String requestedUrl, URI url, String reason) implements FetchResult {}

    /** The SSRF guard refused the address a URL (or a redirect) leads to. */
    record BlockedAddress(String requestedUrl, URI url, String reason) implements FetchResult {}

    /** The URL is not one the fetcher requests: bad syntax, a scheme other than http/https, too long. */
    record InvalidUrl(String requestedUrl, String reason) implements FetchResult {}

    /** The body (after decompression) would exceed the cap. */
    record TooLarge(String requestedUrl, URI url, long limitBytes) implements FetchResult {}

    /** A read stalled longer than the read timeout, or the whole fetch passed its deadline. */
    record TimedOut(String requestedUrl, URI url, Duration after, String phase) implements FetchResult {}

    /**
     * A non-2xx, non-304 final status.
     *
     * @param retryAfter  when the server asked to be contacted again (429/503 Retry-After), if it said
     */
    record HttpError(String requestedUrl, URI url, int status, Optional<Instant> retryAfter) implements FetchResult {}

    /** More redirects than allowed, or a redirect without a usable Location. */
    record TooManyRedirects(String requestedUrl, List<URI> chain) implements FetchResult {
        public TooManyRedirects {
            chain = List.copyOf(chain);
        }
    }

    /** The host asked for a pause (Retry-After, Crawl-delay) that outlasts the wait the settings allow. */
    record Deferred(String requestedUrl, URI url, Instant notBefore) implements FetchResult {}

    /** The connection or the HTTP exchange failed: refused, reset, malformed response, body shorter than declared. */
    record Failed(String requestedUrl, URI url, String reason) implements FetchResult {}
}
