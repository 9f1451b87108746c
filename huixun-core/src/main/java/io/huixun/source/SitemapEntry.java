package io.huixun.source;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <url>} of a sitemap, with its Google News extension when present.
 *
 * @param url           the page URL
 * @param lastModified  {@code <lastmod>}, in UTC (crawler-commons keeps only the instant)
 * @param news          the {@code <news:news>} block
 */
public record SitemapEntry(URI url, Optional<ZonedDateTime> lastModified, Optional<News> news) {

    /**
     * Google News sitemap fields.
     *
     * @param title        {@code news:title}
     * @param publication  {@code news:publication/news:name}
     * @param language     {@code news:publication/news:language}
     * @param published    {@code news:publication_date} with the zone it was written in
     * @param keywords     {@code news:keywords}
     */
    public record News(String title, String publication, String language, Optional<ZonedDateTime> published,
                       List<String> keywords) {
        public News {
            keywords = List.copyOf(keywords);
        }
    }
}
