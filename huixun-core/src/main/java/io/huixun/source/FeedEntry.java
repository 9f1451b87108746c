package io.huixun.source;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One feed entry.
 *
 * @param url         the entry's link, absolute (resolved against xml:base, then the feed URL); empty when it has
 *                    none usable
 * @param id          the guid / atom:id / JSON Feed id as written
 * @param title       the title as plain text, empty when none
 * @param summary     the description/summary as plain text (markup, scripts and styles removed); when the feed gave
 *                    none, the start of the content (at most 500 characters); empty when neither
 * @param contentHtml the full content as HTML (content:encoded, atom:content, content_html; atom text content and
 *                    JSON content_text are escaped into paragraphs; base64 content decoded)
 * @param published   publication time with the zone the feed wrote (a time without zone gets the parser's default
 *                    zone, Asia/Shanghai for Chinese sources); the update time when the feed gives only that
 *                    (Atom {@code updated} without {@code published})
 * @param updated     last update time, same rules
 * @param author      the author's name
 * @param categories  categories / tags
 * @param summaryHtml the description/summary as the feed gave it, as HTML (RSS description, atom:summary, JSON
 *                    summary, media:description), kept alongside {@code contentHtml} when both exist
 * @param enclosures  attached files (RSS enclosure, Atom link rel=enclosure, JSON attachments, Media RSS content),
 *                    in document order, one per URL
 * @param image       the entry's lead image when the feed names one: media:thumbnail, else an image enclosure, else
 *                    JSON Feed {@code image}
 */
public record FeedEntry(Optional<URI> url, Optional<String> id, String title, String summary,
                        Optional<String> contentHtml, Optional<ZonedDateTime> published,
                        Optional<ZonedDateTime> updated, Optional<String> author, List<String> categories,
                        Optional<String> summaryHtml, List<Enclosure> enclosures, Optional<URI> image) {
    public FeedEntry {
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
    }

    /** An entry without summary HTML, enclosures or image. */
    public FeedEntry(Optional<URI> url, Optional<String> id, String title, String summary,
                     Optional<String> contentHtml, Optional<ZonedDateTime> published,
                     Optional<ZonedDateTime> updated, Optional<String> author, List<String> categories) {
        this(url, id, title, summary, contentHtml, published, updated, author, categories, Optional.empty(),
                List.of(), Optional.empty());
    }
}
