package io.huixun.store;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The light view of a stored article used in lists (front page, "also at"): no bodies, no original bytes. */
public record ArticleSummary(
        long id,
        Optional<String> url,
        String source,
        String title,
        Optional<ZonedDateTime> published,
        boolean teaser,
        OptionalLong duplicateOf) {

    public ArticleSummary {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }
}
