package io.huixun.source;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A parsed feed.
 *
 * @param format   the format found: {@code rss_2.0}, {@code rss_1.0}, {@code rss_0.91U}, {@code atom_1.0},
 *                 {@code json_1.1} and so on (ROME's names for XML feeds)
 * @param title    the feed's title, empty when it has none
 * @param link     the site the feed describes
 * @param entries  the entries in document order
 * @param charset  the charset the document was decoded with (a label mapped browser-style: {@code gb2312} →
 *                 GB18030, {@code iso-8859-1} → windows-1252)
 */
public record Feed(String format, String title, Optional<URI> link, List<FeedEntry> entries, String charset) {
    public Feed {
        entries = List.copyOf(entries);
    }

    /** A feed decoded from UTF-8. */
    public Feed(String format, String title, Optional<URI> link, List<FeedEntry> entries) {
        this(format, title, link, entries, "UTF-8");
    }
}
