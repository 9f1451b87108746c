package io.huixun.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A source to register.
 *
 * @param name            display name
 * @param url             feed/sitemap/page URL or file path; unique in the store
 * @param kind            what {@code url} points at
 * @param charsetOverride a charset label to use instead of detection, if the operator set one
 * @param refreshInterval how often to fetch it, at least one second
 */
public record NewSource(String name, String url, SourceKind kind, Optional<String> charsetOverride,
                        Duration refreshInterval) {
    public NewSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(charsetOverride, "charsetOverride");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (url.isBlank()) {
            throw new IllegalArgumentException("a source needs a URL or path, was blank");
        }
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("refresh interval must be at least 1 s, was " + refreshInterval);
        }
    }
}
