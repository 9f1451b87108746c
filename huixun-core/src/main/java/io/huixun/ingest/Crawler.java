package io.huixun.ingest;

import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.fetch.FetchRequest;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.Fetcher;
import io.huixun.model.Article;
import io.huixun.source.DocumentKind;
import io.huixun.source.EntryText;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.source.PageLink;
import io.huixun.source.ParseResult;
import io.huixun.source.Sitemap;
import io.huixun.source.SitemapEntry;
import io.huixun.source.SourceParser;
import io.huixun.store.ArticleStore;
import io.huixun.store.OriginalContent;
import io.huixun.store.Source;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Gathers articles from the network: a feed and, where its entries are only summaries, the pages they link to; a
 * sitemap's pages (following a sitemap index a bounded way down); a list page's article links; or one page. Each
 * found article goes to the {@link ArticleSink} as a {@link Candidate}. An OPML document registers its feeds as
 * sources instead.
 *
 * <p>Feed text is kept: an entry whose feed carries the whole article is stored as it is, without fetching its page
 * (a full-text feed of 10 items costs one request, not 11); a summary's page is fetched and replaces the feed's text
 * only when it is a better version of it ({@link EntryText#choose}: never a JavaScript shell, a stub or an unrelated
 * page), and the feed's date, author and source name fill what the page lacks.
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
    /** A sitemap index is followed at most this deep, through at most this many sitemaps. */
    static final int MAX_SITEMAP_DEPTH = 2;
    static final int MAX_SITEMAPS = 20;

    private final Fetcher fetcher;
    private final ArticleStore store;
    private final DocumentReader reader;

    Crawler(Fetcher fetcher, ArticleStore store, DocumentReader reader) {
        this.fetcher = fetcher;
        this.store = store;
        this.reader = reader;
    }

    /** Fetches a URL and ingests what it is: a feed (and the pages it needs), a sitemap's pages, or one page. */
    IngestReport crawl(String url, OptionalLong sourceId, ArticleSink sink) {
        FetchResult result = fetcher.fetch(url);
        if (result instanceof FetchResult.Deferred) {
            return IngestReport.problem(url, describe(result));
        }
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
        DocumentKind kind = SourceParser.detect(body, page.header("content-type"));
        if (kind.isSitemap()) {
            return crawlSitemaps(page, sourceId, sink);
        }
        if (kind.isFeed()) {
            return switch (SourceParser.feed(body, page.finalUrl())) {
                case ParseResult.Parsed<Feed> parsed -> crawlFeed(parsed.value(), url, sourceId, sink);
                case ParseResult.Malformed<Feed> bad -> IngestReport.problem(url, "not a readable feed: "
                        + bad.reason());
            };
        }
        if (kind == DocumentKind.OPML) {
            return OpmlSources.register(body, url, store);
        }
        if (sourceId.isPresent()) {
            // A source that is an HTML page is a list page (a portal's section front): its articles are the pages
            // it links to. A page URL given to `huixun ingest` is an article.
            IngestReport listed = crawlListPage(page, sourceId, sink);
            if (listed.seen() + listed.deferred() > 0) {
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
            if (!store.hasUrl(link.url().toString())) {
                report = report.plus(fetchArticle(link.url().toString(), sourceId, sink));
            }
        }
        return report;
    }

    /**
     * A sitemap's article pages; a sitemap index's child sitemaps are read breadth first, at most
     * {@link #MAX_SITEMAP_DEPTH} levels and {@link #MAX_SITEMAPS} sitemaps, and at most {@link #MAX_ENTRIES_PER_FEED}
     * pages in all. A sitemap is never an article, even when it lists itself.
     */
    private IngestReport crawlSitemaps(FetchResult.Fetched first, OptionalLong sourceId, ArticleSink sink) {
        IngestReport report = IngestReport.EMPTY;
        record Pending(URI url, int depth) {}
        ArrayDeque<Pending> queue = new ArrayDeque<>();
        Set<URI> seen = new HashSet<>();
        seen.add(first.finalUrl());
        int pages = 0;
        int sitemaps = 0;
        FetchResult.Fetched current = first;
        int depth = 0;
        while (current != null) {
            sitemaps++;
            switch (SourceParser.sitemap(current.body(), current.finalUrl())) {
                case ParseResult.Malformed<Sitemap> bad -> report = report.plus(IngestReport.problem(
                        current.requestedUrl(), "not a readable sitemap: " + bad.reason()));
                case ParseResult.Parsed<Sitemap> parsed -> {
                    for (URI child : parsed.value().childSitemaps()) {
                        if (depth < MAX_SITEMAP_DEPTH && seen.add(child)) {
                            queue.add(new Pending(child, depth + 1));
                        }
                    }
                    for (SitemapEntry entry : parsed.value().articlePages()) {
                        if (pages >= MAX_ENTRIES_PER_FEED) {
                            break;
                        }
                        String url = entry.url().toString();
                        if (seen.add(entry.url()) && !store.hasUrl(url)) {
                            pages++;
                            report = report.plus(fetchArticle(url, sourceId, sink));
                        }
                    }
                }
            }
            current = null;
            while (current == null && !queue.isEmpty() && sitemaps < MAX_SITEMAPS && pages < MAX_ENTRIES_PER_FEED) {
                Pending next = queue.poll();
                FetchResult r = fetcher.fetch(next.url().toString());
                if (r instanceof FetchResult.Fetched f) {
                    current = f;
                    depth = next.depth();
                } else {
                    report = report.plus(IngestReport.problem(next.url().toString(), describe(r)));
                }
            }
        }
        return report;
    }

    /** A feed's entries not stored yet: each as the feed gives it, or from its page when the feed has a summary. */
    IngestReport crawlFeed(Feed feed, String origin, OptionalLong sourceId, ArticleSink sink) {
        IngestReport report = IngestReport.EMPTY;
        for (FeedEntry entry : feed.entries().stream().limit(MAX_ENTRIES_PER_FEED).toList()) {
            Optional<String> link = entry.url().map(URI::toString);
            if (link.isPresent() && store.hasUrl(link.get())) {
                report = report.plus(new IngestReport(1, 0, 0, 1, 0, List.of()));
                continue;
            }
            EntryText.FeedSide side = EntryText.assess(entry);
            if (link.isEmpty() || side.extent() == EntryText.Extent.FULL) {
                report = report.plus(sink.accept(FeedCandidates.of(entry, origin, feed, sourceId)));
            } else {
                report = report.plus(entryWithPage(entry, side, link.get(), feed, origin, sourceId, sink));
            }
        }
        return report;
    }

    /** A summary entry: its page is fetched and weighed against the feed's text; the better one is stored. */
    private IngestReport entryWithPage(FeedEntry entry, EntryText.FeedSide side, String url, Feed feed, String origin,
                                       OptionalLong sourceId, ArticleSink sink) {
        FetchResult result = fetcher.fetch(url);
        if (result instanceof FetchResult.Deferred) {
            return IngestReport.DEFERRED; // the host is busy: the entry waits for the next visit rather than lose its page
        }
        if (result instanceof FetchResult.Fetched page && reader.extract(new RawDocument(url, page.body(),
                Optional.of(page.finalUrl()), page.header("content-type"))) instanceof Extraction.Extracted x
                && !x.articles().isEmpty()) {
            Article article = x.articles().get(0);
            if (EntryText.choose(side, entry.title(), article.body()) instanceof EntryText.UsePage use) {
                EntryText.Fields fields = EntryText.merge(entry, feed.title(), article.published(),
                        article.author(), article.source());
                String title = article.title().isBlank() ? entry.title() : article.title();
                String address = article.canonicalUrl().map(URI::toString).orElse(url);
                Charset charset = charsetOr(x.charset());
                return sink.accept(new Candidate(url, Optional.of(address), sourceId, fields.source().orElse(""),
                        title, use.text(), fields.published(), use.teaser(),
                        new OriginalContent(page.body(), charset))
                        .withMedia(PageMedia.combine(FeedCandidates.media(entry), article.images())));
            }
        }
        return sink.accept(FeedCandidates.of(entry, origin, feed, sourceId));
    }

    /** One linked page (from a list page or a sitemap), read as an article. */
    private IngestReport fetchArticle(String url, OptionalLong sourceId, ArticleSink sink) {
        FetchResult result = fetcher.fetch(url);
        return switch (result) {
            case FetchResult.Deferred d -> IngestReport.DEFERRED;
            case FetchResult.Fetched page -> reader.read(new RawDocument(url, page.body(),
                    Optional.of(page.finalUrl()), page.header("content-type")), url, sourceId, sink);
            default -> IngestReport.problem(url, describe(result));
        };
    }

    private static Charset charsetOr(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** One sentence for the user ({@link FetchResult#describe()}: never a record's text). */
    static String describe(FetchResult result) {
        return result.describe();
    }
}
