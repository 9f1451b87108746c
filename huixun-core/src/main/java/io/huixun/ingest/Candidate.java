package io.huixun.ingest;

import io.huixun.store.ArticleMedia;
import io.huixun.store.OriginalContent;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An article found in some input, before repair: raw title and body, the bytes it came from, and what is known.
 *
 * @param origin  where it came from, for messages (a path, a URL, {@code file.jsonl:12})
 * @param url     its unique address: the page URL, or a stable pseudo-URL for items without one
 *                ({@code file:///path#item-3}); empty only when nothing identifies it
 * @param datedByPage {@code published} is the date of the page the item came from, not its own (an undated teaser
 *                in a portal dump): it places the item in time but never ranks it above dated news
 * @param media   its lead image and enclosures, as the feed named them (empty for other inputs)
 */
record Candidate(String origin, Optional<String> url, OptionalLong sourceId, String source, String title, String body,
                 Optional<ZonedDateTime> published, boolean teaser, OriginalContent original, boolean datedByPage,
                 List<ArticleMedia> media) {
    Candidate(String origin, Optional<String> url, OptionalLong sourceId, String source, String title, String body,
              Optional<ZonedDateTime> published, boolean teaser, OriginalContent original) {
        this(origin, url, sourceId, source, title, body, published, teaser, original, false);
    }

    Candidate(String origin, Optional<String> url, OptionalLong sourceId, String source, String title, String body,
              Optional<ZonedDateTime> published, boolean teaser, OriginalContent original, boolean datedByPage) {
        this(origin, url, sourceId, source, title, body, published, teaser, original, datedByPage, List.of());
    }

    /** This candidate with {@code media} attached. */
    Candidate withMedia(List<ArticleMedia> media) {
        return new Candidate(origin, url, sourceId, source, title, body, published, teaser, original, datedByPage,
                media);
    }

    Candidate {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(original, "original");
        media = List.copyOf(media);
    }
}
