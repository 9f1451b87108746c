package io.huixun.store;

import io.huixun.dedup.Fingerprint;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An article as stored, with everything it was saved with.
 *
 * @param id          store-assigned, positive, increasing in insertion order
 * @param contentHash SHA-256 of {@code original}'s bytes
 * @param ingestedAt  when it was saved
 * @see NewArticle for the other fields
 */
public record StoredArticle(
        long id,
        Optional<String> url,
        OptionalLong sourceId,
        String source,
        String title,
        Optional<ZonedDateTime> published,
        boolean teaser,
        OriginalContent original,
        ContentHash contentHash,
        String canonicalText,
        String repairLogJson,
        Fingerprint fingerprint,
        OptionalLong duplicateOf,
        Instant ingestedAt) {

    public StoredArticle {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(canonicalText, "canonicalText");
        Objects.requireNonNull(repairLogJson, "repairLogJson");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    /** The id of this article's group: {@link #duplicateOf()} or its own. */
    public long canonicalId() {
        return duplicateOf.orElse(id);
    }

    public ArticleSummary summary() {
        return new ArticleSummary(id, url, source, title, published, teaser, duplicateOf);
    }
}
