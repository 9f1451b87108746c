package io.huixun.source;

import java.net.URI;
import java.util.List;

/**
 * A parsed sitemap: either a list of pages or, for a sitemap index, a list of further sitemaps to fetch.
 *
 * @param index     whether this was a {@code <sitemapindex>}
 * @param pages     the pages ({@code <urlset>}, text sitemap, or RSS/Atom used as a sitemap)
 * @param sitemaps  the child sitemaps of an index
 */
public record Sitemap(boolean index, List<SitemapEntry> pages, List<URI> sitemaps) {
    public Sitemap {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }
}
