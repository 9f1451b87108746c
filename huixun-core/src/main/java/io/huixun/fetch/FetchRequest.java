package io.huixun.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing to fetch.
 *
 * @param url           the URL as found (validated by the fetcher, which answers {@link FetchResult.InvalidUrl})
 * @param etag          the ETag of the copy the caller holds, sent as If-None-Match
 * @param lastModified  the Last-Modified of the copy the caller holds, sent as If-Modified-Since
 */
public record FetchRequest(String url, Optional<String> etag, Optional<String> lastModified) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** An unconditional GET. */
    public static FetchRequest of(String url) {
        return new FetchRequest(url, Optional.empty(), Optional.empty());
    }

    /** A conditional GET for a copy with these validators (either may be empty). */
    public static FetchRequest conditional(String url, Optional<String> etag, Optional<String> lastModified) {
        return new FetchRequest(url, etag, lastModified);
    }
}
