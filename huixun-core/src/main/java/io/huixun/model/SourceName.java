package io.huixun.model;

import java.net.URI;
import java.util.Optional;

/**
 * The name shown for where an article came from, the same on cards, stories and feeds: its source's own name; without
 * one, the host of its address, or the local file it was read from. Example: an item of a portal dump read from
 * {@code file:///data/portal-dump-seed.txt#item-2} with no site name → {@code portal-dump-seed.txt}; a page of
 * {@code https://news.example.cn/a.html} without a site name → {@code news.example.cn}.
 *
 * <p>Thread-safe: stateless.
 */
public final class SourceName {
    private SourceName() {}

    /** The name to show; empty when the article has neither a source name nor an address that names a place. */
    public static Optional<String> of(String source, Optional<String> url) {
        if (source != null && !source.isBlank()) {
            return Optional.of(source.strip());
        }
        return url.flatMap(SourceName::origin);
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null) {
                String path = uri.getPath();
                return Optional.of(path.substring(path.lastIndexOf('/') + 1)).filter(n -> !n.isEmpty());
            }
            return Optional.ofNullable(uri.getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
