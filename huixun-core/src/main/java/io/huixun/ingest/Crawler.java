package io.huixun.ingest;

import io.huixun.extract.RawDocument;
import io.huixun.fetch.FetchRequest;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.Fetcher;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.source.PageLink;
import io.huixun.source.ParseResult;
import io.huixun.source.Sitemap;
import io.huixun.source.SourceParser;
import io.huixun.store.ArticleStore;
import io.huixun.store.Source;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Gathers articles from the network: a feed and the pages its entries link to, a sitemap's pages, a list page's
 * article links, or one page; each found article goes to the {@link ArticleSink} as a {@link Candidate}.
 *
 * <p>Design note: the crawler holds no lock. Fetching is the slow part of ingest (seconds per page on a slow host),
 * so it runs on the caller's thread, and only the sink's writer is serial. Several crawls may run at once (one per
 * source being refreshed); per-host politeness is the {@link Fetcher}'s job.
 *
 * <p>Thread-safe: stateless apart from its immutable collaborators (the fetcher and store are thread-safe).
 */
final class Crawler {
    /** Feeds list many entries; a first visit reads at most this many pages of one feed. */
    static final int MAX_ENTRIES_PER_FEED = 100;

    private final Fetcher fetcher;
    private final ArticleStore store;
    private final DocumentReader reader;

    Crawler(Fetcher fetcher, ArticleStore store, DocumentReader reader) {
        this.fetcher = fetcher;
        this.store = store;
        this.reader = reader;
    }

    /** Fetches a URL and ingests what it is: a feed (and the pages it lists), a sitemap's pages, or one page. */
    IngestReport crawl(String url, OptionalLong sourceId, ArticleSink sink) {
        FetchResult result = fetcher.fetch(url);
        if (!(result instanceof FetchResult.Fetched page)) {
            return IngestReport.problem(url, describe(result));
        }
        return crawlFetched(page, url, sourceId, sink);
    }

    /**
     * Refreshes a registered source with a conditional request (its stored ETag / Last-Modified): a 304 writes
     * nothing; a full answer stores the new validators and is read like {@link #crawl}.
     */
    IngestReport refresh(Source source, ArticleSink sink) {
        FetchResult result = fetcher.fetch(FetchRequest.conditional(source.url(), source.health().etag(),
                source.health().lastModified()));
        return switch (result) {
            case FetchResult.NotModified n -> IngestReport.EMPTY;
            case FetchResult.Deferred d -> IngestReport.DEFERRED;
            case FetchResult.Fetched page -> {
                store.recordValidators(source.id(), page.etag(), page.lastModified());
                yield crawlFetched(page, source.url(), OptionalLong.of(source.id()), sink);
            }
            default -> IngestReport.problem(source.url(), describe(result));
        };
    }

    private IngestReport crawlFetched(FetchResult.Fetched page, String url, OptionalLong sourceId, ArticleSink sink) {
        byte[] body = page.body();
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        String type = page.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (head.contains("<urlset") || head.contains("<sitemapindex")) {
            return crawlSitemap(page, sourceId, sink);
        }
        boolean looksLikeFeed = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || type.contains("rss") || type.contains("atom") || type.contains("feed+json")
                || (type.contains("json") && head.contains("jsonfeed"));
        if (looksLikeFeed) {
            ParseResult<Feed> feed = SourceParser.feed(body, page.finalUrl());
            return switch (feed) {
                case ParseResult.Parsed<Feed> parsed -> crawlFeed(parsed.value(), url, sourceId, true, sink);
                case ParseResult.Malformed<Feed> bad -> IngestReport.problem(url, "malformed feed: " + bad.reason());
            };
        }
        if (sourceId.isPresent()) {
            // A source that is an HTML page is a list page (a portal's section front): its articles are the pages
            // it links to. A page URL given to `huixun ingest` is an article.
            IngestReport listed = crawlListPage(page, sourceId, sink);
            if (listed.seen() > 0) {
                return listed;
            }
        }
        return reader.read(new RawDocument(url, body, Optional.of(page.finalUrl()), page.header("content-type")),
                page.finalUrl().toString(), sourceId, sink);
    }

    private IngestReport crawlListPage(FetchResult.Fetched page, OptionalLong sourceId, ArticleSink sink) {
        if (!(SourceParser.listPage(page.text(), page.finalUrl()) instanceof ParseResult.Parsed<List<PageLink>> links)) {
            return IngestReport.EMPTY;
        }
        IngestReport report = IngestReport.EMPTY;
        for (PageLink link : links.value().stream().filter(PageLink::articleLike).limit(MAX_ENTRIES_PER_FEED).toList()) {
            if (store.findByUrl(link.url().toString()).isEmpty()) {
                report = report.plus(fetchPage(link.url().toString(), sourceId, Optional.empty(), null, sink));
            }
        }
        return report;
    }

    private IngestReport crawlSitemap(FetchResult.Fetched page, OptionalLong sourceId, ArticleSink sink) {
        return switch (SourceParser.sitemap(page.body(), page.finalUrl())) {
            case ParseResult.Parsed<Sitemap> parsed -> {
                IngestReport report = IngestReport.EMPTY;
                for (var entry : parsed.value().pages().stream().limit(MAX_ENTRIES_PER_FEED).toList()) {
                    report = report.plus(fetchPage(entry.url().toString(), sourceId, Optional.empty(), null, sink));
                }
                yield report;
            }
            case ParseResult.Malformed<Sitemap> bad ->
                    IngestReport.problem(page.requestedUrl(), "malformed sitemap: " + bad.reason());
        };
    }

    /** A feed's entries: each one's page is read when it is not stored yet, else the entry itself. */
    IngestReport crawlFeed(Feed feed, String origin, OptionalLong sourceId, boolean fetchPages, ArticleSink sink) {
        IngestReport report = IngestReport.EMPTY;
        for (FeedEntry entry : feed.entries().stream().limit(MAX_ENTRIES_PER_FEED).toList()) {
            Optional<String> link = entry.url().map(URI::toString);
            if (fetchPages && link.isPresent() && store.findByUrl(link.get()).isEmpty()) {
                report = report.plus(fetchPage(link.get(), sourceId, Optional.of(entry), feed, sink));
            } else {
                report = report.plus(sink.accept(FeedCandidates.of(entry, origin, feed, sourceId)));
            }
        }
        return report;
    }

    /** The page of a feed entry; when it cannot be fetched or read, the entry's own text is kept. */
    private IngestReport fetchPage(String url, OptionalLong sourceId, Optional<FeedEntry> entry, Feed feed,
                                   ArticleSink sink) {
        FetchResult result = fetcher.fetch(url);
        if (result instanceof FetchResult.Deferred) {
            return IngestReport.DEFERRED; // the host is busy: the entry waits for the next visit rather than lose its page
        }
        if (result instanceof FetchResult.Fetched page) {
            IngestReport report = reader.read(new RawDocument(url, page.body(), Optional.of(page.finalUrl()),
                    page.header("content-type")), url, sourceId, sink);
            if (report.inserted() + report.alreadyStored() > 0 || entry.isEmpty()) {
                return report;
            }
        } else if (entry.isEmpty()) {
            return IngestReport.problem(url, describe(result));
        }
        return sink.accept(FeedCandidates.of(entry.get(), url, feed, sourceId));
    }

    static String describe(FetchResult result) {
        return switch (result) {
            case FetchResult.Fetched f -> "fetched " + f.bodyLength() + " bytes";
            case FetchResult.NotModified n -> "not modified since the last fetch";
            case FetchResult.BlockedByRobots b -> "robots.txt forbids it: " + b.reason();
            case FetchResult.BlockedAddress b -> "blocked address: " + b.reason();
            case FetchResult.InvalidUrl i -> "invalid URL: " + i.reason();
            case FetchResult.TooLarge t -> "response larger than " + t.limitBytes() + " bytes";
            case FetchResult.TimedOut t -> "timed out after " + t.after().toMillis() + " ms (" + t.phase() + ")";
            case FetchResult.HttpError h -> "HTTP " + h.status();
            case FetchResult.TooManyRedirects r -> "too many redirects (" + r.chain().size() + ")";
            case FetchResult.Deferred d -> "the host asked us to wait until " + d.notBefore();
            case FetchResult.Failed f -> "fetch failed: " + f.reason();
            default -> "fetch failed";
        };
    }
}
