package io.huixun.source;

/**
 * What a fetched document is, judged by its root element (or, for JSON, its {@code version}): see
 * {@link SourceParser#detect}.
 */
public enum DocumentKind {
    /** RSS 0.9x/2.0: root {@code <rss>}. */
    RSS,
    /** RSS 0.90/1.0: root {@code <rdf:RDF>} with the RSS namespace. */
    RDF,
    /** Atom 1.0 or 0.3: root {@code <feed>}. */
    ATOM,
    /** JSON Feed 1.x: a JSON object whose {@code version} is a jsonfeed.org version URL. */
    JSON_FEED,
    /** A sitemap: root {@code <urlset>}. */
    SITEMAP,
    /** A sitemap index: root {@code <sitemapindex>}. */
    SITEMAP_INDEX,
    /** An OPML subscription list: root {@code <opml>}. */
    OPML,
    /** An HTML page (root {@code <html>}, an HTML DOCTYPE, or HTML elements at the top). */
    HTML,
    /** Anything else: plain text, other XML, other JSON, binary. */
    UNKNOWN;

    /** Whether {@link SourceParser#feed} reads this kind. */
    public boolean isFeed() {
        return this == RSS || this == RDF || this == ATOM || this == JSON_FEED;
    }

    /** Whether {@link SourceParser#sitemap} reads this kind. */
    public boolean isSitemap() {
        return this == SITEMAP || this == SITEMAP_INDEX;
    }
}
