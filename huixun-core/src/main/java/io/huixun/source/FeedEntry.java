package io.huixun.source;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One feed entry.
 *
 * @param url         the entry's link, absolute (resolved against the feed URL); empty when it has none usable
 * @param id          the guid / atom:id / JSON Feed id as written
 * @param title       the title as plain text, empty when none
 * @param summary     the description/summary as plain text (markup removed), empty when none
 * @param contentHtml the full content as the feed gave it (content:encoded, atom:content, content_html)
 * @param published   publication time with the zone the feed wrote (a time without zone gets the parser's default
 *                    zone, Asia/Shanghai for Chinese sources)
 * @param updated     last update time, same rules
 * @param author      the author's name
 * @param categories  categories / tags
 */
public record FeedEntry(Optional<URI> url, Optional<String> id, String title, String summary,
                        Optional<String> contentHtml, Optional<ZonedDateTime> published,
                        Optional<ZonedDateTime> updated, Optional<String> author, List<String> categories) {
    public FeedEntry {
        categories = List.copyOf(categories);
    }
}
