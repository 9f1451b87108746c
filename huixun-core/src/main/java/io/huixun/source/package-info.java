/**
 * Source: reading the documents that say what to fetch. RSS 0.9x/1.0/2.0 and Atom (ROME, DOCTYPEs refused), JSON
 * Feed, sitemaps and news sitemaps (crawler-commons), OPML subscription lists, and links on HTML list pages (jsoup).
 * Entry point: {@link io.huixun.source.SourceParser}; every parser answers a {@link io.huixun.source.ParseResult}.
 */
package io.huixun.source;
