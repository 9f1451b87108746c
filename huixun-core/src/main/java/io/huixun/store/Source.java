package io.huixun.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A registered source with its health. */
public record Source(long id, String name, String url, SourceKind kind, Optional<String> charsetOverride,
                     Duration refreshInterval, Instant addedAt, SourceHealth health) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(charsetOverride, "charsetOverride");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(health, "health");
    }
}
