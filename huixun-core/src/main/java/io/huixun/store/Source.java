package io.huixun.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A registered source with its health; a paused source is kept but not fetched. */
public record Source(long id, String name, String url, SourceKind kind, Optional<String> charsetOverride,
                     Duration refreshInterval, Instant addedAt, SourceHealth health, boolean paused) {
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
