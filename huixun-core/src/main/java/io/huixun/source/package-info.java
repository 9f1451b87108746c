/**
 * Source: reading the documents that say what to fetch, to the letter of their specifications. RSS 0.9x/1.0/2.0 and
 * Atom 1.0/0.3 (ROME for the structure, the raw element for content types, base64, xml:base, enclosures and Media
 * RSS; DOCTYPEs refused), JSON Feed 1.x, sitemaps, sitemap indexes and news sitemaps (crawler-commons), OPML
 * subscription lists, and links on HTML list pages (jsoup).
 *
 * <p>Entry points: {@link io.huixun.source.SourceParser#detect} says what a fetched body is (from its root element);
 * {@link io.huixun.source.SourceParser} parses it into a {@link io.huixun.source.ParseResult};
 * {@link io.huixun.source.FeedText} turns feed HTML into paragraphs; {@link io.huixun.source.EntryText} decides
 * between a feed entry's text and its page's; {@link io.huixun.source.Sitemap#childSitemaps()} and
 * {@link io.huixun.source.Sitemap#articlePages()} split a sitemap for the crawler.
 *
 * <p><b>Layer</b>: a stage. Imports only the shared text layer and {@code model}; never another stage. Kept by {@code
 * LayersTest} (huixun-bench).
 */
package io.huixun.source;
