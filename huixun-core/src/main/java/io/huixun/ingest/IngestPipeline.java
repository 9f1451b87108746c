package io.huixun.ingest;

import io.huixun.cluster.StoryCandidate;
import io.huixun.cluster.StoryClusterer;
import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.extract.ArticleExtractor;
import io.huixun.extract.ExtractOptions;
import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.Fetcher;
import io.huixun.model.Article;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Understanding;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchIndex;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.source.PageLink;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.store.ArticleStore;
import io.huixun.store.DeduplicatingWriter;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.StoryInput;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.RepairResult;
import io.huixun.text.repair.TextRepairer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * The ingest pipeline: inputs → candidates → repair → de-duplication → store → understanding → story → index.
 *
 * <p>Design note: the store is the source of truth and the only thing that must survive a crash; the de-duplication
 * index and the stories live in memory and are rebuilt from the store when the pipeline opens, and the search index
 * is brought back in line with the store by {@link #synchronizeIndex()}. An item is acknowledged (counted as
 * stored) only once the store has committed it, so a crash loses nothing acknowledged, and re-ingesting the same
 * input is a no-op because URL and original bytes are unique keys. Items fail one by one: a bad item becomes a
 * {@link IngestReport.Problem} and the batch goes on.
 *
 * <p>One writer: the ingest methods are synchronized; reading the store and the index meanwhile is fine.
 */
public final class IngestPipeline implements AutoCloseable {
    /** Feeds list many entries; a first visit reads at most this many pages of one feed. */
    static final int MAX_ENTRIES_PER_FEED = 100;
    private static final long MAX_FILE_BYTES = 64L << 20;

    private final ArticleStore store;
    private final SearchIndex index;
    private final Optional<Fetcher> fetcher;
    private final Clock clock;
    private final TextRepairer repairer = TextRepairer.create(RepairOptions.DEFAULT);
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final Deduplicator deduplicator = Deduplicator.standard();
    private final DeduplicatingWriter writer;
    private final StoryClusterer stories = StoryClusterer.withDefaults();
    private int uncommitted;

    /**
     * Opens the pipeline over a store and an index, rebuilding the de-duplication index and the stories from the
     * store. {@code fetcher} is needed only for URLs.
     */
    public IngestPipeline(ArticleStore store, SearchIndex index, Optional<Fetcher> fetcher, Clock clock) {
        this.store = store;
        this.index = index;
        this.fetcher = fetcher;
        this.clock = clock;
        this.writer = DeduplicatingWriter.open(store, deduplicator);
        try (Stream<StoryInput> inputs = store.storyInputs()) {
            inputs.forEach(i -> stories.assign(new StoryCandidate(String.valueOf(i.articleId()), i.at(), i.title(),
                    entitySet(i.entities()), Set.copyOf(i.keywords()))));
        }
    }

    public StoryClusterer stories() {
        return stories;
    }

    // ------------------------------------------------------------------ inputs

    /** Ingests a file, a folder (recursively), or an http(s) URL (feed, sitemap or page). */
    public synchronized IngestReport ingest(String pathOrUrl, IngestProgress progress) {
        String lower = pathOrUrl.toLowerCase(Locale.ROOT);
        IngestReport report;
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            report = ingestUrl(pathOrUrl, OptionalLong.empty());
        } else {
            Path path = Path.of(pathOrUrl);
            if (!Files.exists(path)) {
                report = IngestReport.problem(pathOrUrl, "no such file or folder");
            } else if (Files.isDirectory(path)) {
                report = ingestFolder(path, progress);
            } else {
                report = ingestFile(path, progress, 0, sizeOf(path));
            }
        }
        commit();
        return report;
    }

    private IngestReport ingestFolder(Path folder, IngestProgress progress) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return IngestReport.problem(folder.toString(), "cannot list the folder: " + e.getMessage());
        }
        long total = files.stream().mapToLong(IngestPipeline::sizeOf).sum();
        long done = 0;
        IngestReport report = IngestReport.EMPTY;
        for (Path file : files) {
            report = report.plus(ingestFile(file, progress, done, total));
            done += sizeOf(file);
            progress.advanced(done, total, report);
        }
        return report;
    }

    private IngestReport ingestFile(Path file, IngestProgress progress, long doneBefore, long total) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return ingestJsonl(file, progress, doneBefore, total);
        }
        long size = sizeOf(file);
        if (size > MAX_FILE_BYTES) {
            return IngestReport.problem(file.toString(), "file too large (" + size + " bytes; at most "
                    + MAX_FILE_BYTES + "; split it, or use JSONL, which is read line by line)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return IngestReport.problem(file.toString(), "cannot read: " + e.getMessage());
        }
        String uri = file.toAbsolutePath().normalize().toUri().toString();
        if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")) {
            ParseResult<Feed> feed = SourceParser.feed(bytes, URI.create(uri));
            if (feed instanceof ParseResult.Parsed<Feed> parsed) {
                return ingestFeedEntries(parsed.value(), file.toString(), OptionalLong.empty(), false);
            }
        }
        return ingestDocument(new RawDocument(file.toString(), bytes, Optional.of(URI.create(uri)), Optional.empty()),
                uri, OptionalLong.empty());
    }

    private IngestReport ingestJsonl(Path file, IngestProgress progress, long doneBefore, long total) {
        IngestReport report = IngestReport.EMPTY;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            long bytes = doneBefore;
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                bytes += utf8Length(line) + 1;
                if (line.isBlank()) {
                    continue;
                }
                String origin = file + ":" + lineNo;
                if (line.length() > StoreLimitsView.MAX_LINE_CHARS) {
                    report = report.plus(IngestReport.problem(origin, "line too long (" + line.length() + " chars)"));
                    continue;
                }
                report = report.plus(switch (JsonlItems.parse(line, origin, OptionalLong.empty())) {
                    case JsonlItems.Result.Ok ok -> accept(ok.candidate());
                    case JsonlItems.Result.Invalid bad -> IngestReport.problem(origin, bad.reason());
                });
                if (lineNo % 200 == 0) {
                    progress.advanced(Math.min(bytes, total), total, report);
                }
            }
        } catch (CharacterCodingException e) {
            report = report.plus(IngestReport.problem(file.toString(), "not UTF-8 (JSONL must be UTF-8); stopped there"));
        } catch (IOException e) {
            report = report.plus(IngestReport.problem(file.toString(), "cannot read: " + e.getMessage()));
        }
        return report;
    }

    /** Fetches a URL and ingests what it is: a feed (and the pages it lists), a sitemap's pages, or one page. */
    public synchronized IngestReport ingestUrl(String url, OptionalLong sourceId) {
        if (fetcher.isEmpty()) {
            return IngestReport.problem(url, "fetching is not enabled here");
        }
        FetchResult result = fetcher.get().fetch(url);
        if (!(result instanceof FetchResult.Fetched page)) {
            return IngestReport.problem(url, describe(result));
        }
        return ingestFetched(page, url, sourceId);
    }

    /**
     * Refreshes a registered source with a conditional request (its stored ETag / Last-Modified): a 304 writes
     * nothing; a full answer stores the new validators and is ingested like {@link #ingestUrl}.
     */
    public synchronized IngestReport ingestSource(io.huixun.store.Source source) {
        if (fetcher.isEmpty()) {
            return IngestReport.problem(source.url(), "fetching is not enabled here");
        }
        FetchResult result = fetcher.get().fetch(io.huixun.fetch.FetchRequest.conditional(source.url(),
                source.health().etag(), source.health().lastModified()));
        return switch (result) {
            case FetchResult.NotModified n -> IngestReport.EMPTY;
            case FetchResult.Fetched page -> {
                store.recordValidators(source.id(), page.etag(), page.lastModified());
                yield ingestFetched(page, source.url(), OptionalLong.of(source.id()));
            }
            default -> IngestReport.problem(source.url(), describe(result));
        };
    }

    private IngestReport ingestFetched(FetchResult.Fetched page, String url, OptionalLong sourceId) {
        byte[] body = page.body();
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String type = page.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (head.contains("<urlset") || head.contains("<sitemapindex")) {
            return ingestSitemap(page, sourceId);
        }
        boolean looksLikeFeed = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || type.contains("rss") || type.contains("atom") || type.contains("feed+json")
                || (type.contains("json") && head.contains("jsonfeed"));
        if (looksLikeFeed) {
            ParseResult<Feed> feed = SourceParser.feed(body, page.finalUrl());
            return switch (feed) {
                case ParseResult.Parsed<Feed> parsed -> ingestFeedEntries(parsed.value(), url, sourceId, true);
                case ParseResult.Malformed<Feed> bad -> IngestReport.problem(url, "malformed feed: " + bad.reason());
            };
        }
        if (sourceId.isPresent()) {
            // A source that is an HTML page is a list page (a portal's section front): its articles are the pages
            // it links to. A page URL given to `huixun ingest` is an article.
            IngestReport listed = ingestListPage(page, sourceId);
            if (listed.seen() > 0) {
                return listed;
            }
        }
        return ingestDocument(new RawDocument(url, body, Optional.of(page.finalUrl()), page.header("content-type")),
                page.finalUrl().toString(), sourceId);
    }

    private IngestReport ingestListPage(FetchResult.Fetched page, OptionalLong sourceId) {
        if (!(SourceParser.listPage(page.text(), page.finalUrl()) instanceof ParseResult.Parsed<List<PageLink>> links)) {
            return IngestReport.EMPTY;
        }
        IngestReport report = IngestReport.EMPTY;
        for (PageLink link : links.value().stream().filter(PageLink::articleLike).limit(MAX_ENTRIES_PER_FEED).toList()) {
            if (store.findByUrl(link.url().toString()).isEmpty()) {
                report = report.plus(fetchPage(link.url().toString(), sourceId, Optional.empty()));
            }
        }
        return report;
    }

    private IngestReport ingestSitemap(FetchResult.Fetched page, OptionalLong sourceId) {
        return switch (SourceParser.sitemap(page.body(), page.finalUrl())) {
            case ParseResult.Parsed<io.huixun.source.Sitemap> parsed -> {
                IngestReport report = IngestReport.EMPTY;
                for (var entry : parsed.value().pages().stream().limit(MAX_ENTRIES_PER_FEED).toList()) {
                    report = report.plus(fetchPage(entry.url().toString(), sourceId, Optional.empty()));
                }
                yield report;
            }
            case ParseResult.Malformed<io.huixun.source.Sitemap> bad ->
                    IngestReport.problem(page.requestedUrl(), "malformed sitemap: " + bad.reason());
        };
    }

    private IngestReport ingestFeedEntries(Feed feed, String origin, OptionalLong sourceId, boolean fetchPages) {
        IngestReport report = IngestReport.EMPTY;
        for (FeedEntry entry : feed.entries().stream().limit(MAX_ENTRIES_PER_FEED).toList()) {
            Optional<String> link = entry.url().map(URI::toString);
            if (fetchPages && link.isPresent() && store.findByUrl(link.get()).isEmpty()) {
                report = report.plus(fetchPage(link.get(), sourceId, Optional.of(entry)));
            } else {
                report = report.plus(acceptEntry(entry, origin, feed, sourceId));
            }
        }
        return report;
    }

    /** The page of a feed entry; when it cannot be fetched or read, the entry's own summary is kept as a teaser. */
    private IngestReport fetchPage(String url, OptionalLong sourceId, Optional<FeedEntry> entry) {
        FetchResult result = fetcher.orElseThrow().fetch(url);
        if (result instanceof FetchResult.Fetched page) {
            IngestReport report = ingestDocument(new RawDocument(url, page.body(), Optional.of(page.finalUrl()),
                    page.header("content-type")), url, sourceId);
            if (report.inserted() + report.alreadyStored() > 0 || entry.isEmpty()) {
                return report;
            }
        } else if (entry.isEmpty()) {
            return IngestReport.problem(url, describe(result));
        }
        return acceptEntry(entry.get(), url, null, sourceId);
    }

    private IngestReport acceptEntry(FeedEntry entry, String origin, Feed feed, OptionalLong sourceId) {
        Optional<String> content = entry.contentHtml().map(IngestPipeline::htmlToText).filter(c -> !c.isBlank());
        String body = content.orElse(entry.summary());
        boolean teaser = content.isEmpty();
        String raw = entry.title() + "\n" + body;
        Candidate c = new Candidate(origin, entry.url().map(URI::toString).or(() -> entry.id()), sourceId,
                feed == null ? "" : feed.title(), entry.title(), body, entry.published(), teaser,
                new OriginalContent(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        return accept(c);
    }

    private IngestReport ingestDocument(RawDocument document, String address, OptionalLong sourceId) {
        ArticleExtractor extractor = new ArticleExtractor(new ExtractOptions(ZonedDateTime.now(clock),
                ExtractOptions.SHANGHAI));
        return switch (extractor.extract(document)) {
            case Extraction.Unreadable u -> IngestReport.problem(document.name(), u.reason());
            case Extraction.Extracted x -> {
                IngestReport report = IngestReport.EMPTY;
                List<Article> articles = x.articles();
                java.nio.charset.Charset charset = charsetOr(x.charset());
                for (int i = 0; i < articles.size(); i++) {
                    Article a = articles.get(i);
                    // One article per page: the page's bytes are its original. Several per input (a portal dump):
                    // each item keeps its own raw text, and its own address within the input.
                    boolean single = articles.size() == 1;
                    String url = single ? a.canonicalUrl().map(URI::toString).orElse(address) : address + "#item-" + (i + 1);
                    OriginalContent original = single ? new OriginalContent(document.bytes(), charset)
                            : new OriginalContent((a.title() + "\n" + a.body()).getBytes(charset), charset);
                    report = report.plus(accept(new Candidate(document.name() + (single ? "" : " item " + (i + 1)),
                            Optional.of(url), sourceId, a.source().orElse(""), a.title(), a.body(), a.published(),
                            a.teaser(), original)));
                }
                yield report;
            }
        };
    }

    // ------------------------------------------------------------------ one article

    /** Repairs, de-duplicates, stores, understands, clusters and indexes one candidate. */
    synchronized IngestReport accept(Candidate c) {
        RepairResult title = repairer.repair(c.title());
        RepairResult body = repairer.repair(c.body());
        String source = repairer.repair(c.source()).repaired();
        String canonical = body.repaired();
        Fingerprint fingerprint = deduplicator.fingerprint(canonical.isEmpty() ? title.repaired() : canonical);
        NewArticle article = new NewArticle(c.url(), c.sourceId(), source, title.repaired(), c.published(),
                c.teaser(), c.original(), canonical, RepairLog.write(title.edits(), body.edits()), fingerprint,
                OptionalLong.empty()); // the writer links it to its group
        SaveResult saved;
        try {
            saved = writer.save(article);
        } catch (RuntimeException e) {
            return IngestReport.problem(c.origin(), "cannot store: " + e.getMessage());
        }
        return switch (saved) {
            case SaveResult.AlreadyStored a -> new IngestReport(1, 0, 0, 1, 0, List.of());
            case SaveResult.Rejected r -> IngestReport.problem(c.origin(), r.toString());
            case SaveResult.Inserted inserted -> {
                StoredArticle stored = store.find(inserted.article().id()).orElse(inserted.article());
                boolean copy = stored.duplicateOf().isPresent();
                if (!copy && !store.alsoAt(stored.id()).isEmpty()) {
                    reindexGroup(stored.id()); // it superseded earlier copies: they now point at it
                }
                understandAndIndex(stored, stored.canonicalId());
                yield new IngestReport(1, 1, copy ? 1 : 0, 0, 0, List.of());
            }
        };
    }

    private void understandAndIndex(StoredArticle a, long canonicalId) {
        LocalDateRef reference = new LocalDateRef(a.published().map(ZonedDateTime::toLocalDate)
                .orElse(a.ingestedAt().atZone(JsonlItems.SHANGHAI).toLocalDate()));
        Understanding u = analyzer.analyze(a.title(), a.canonicalText(), reference.date());
        Optional<String> story;
        if (canonicalId == a.id()) {
            Instant at = a.published().map(ZonedDateTime::toInstant).orElse(a.ingestedAt());
            story = Optional.of(stories.assign(new StoryCandidate(String.valueOf(a.id()), at, a.title(),
                    entitySet(u.entities()), Set.copyOf(u.keywords()))));
        } else {
            story = stories.storyOf(String.valueOf(canonicalId));
        }
        store.saveUnderstanding(new StoredUnderstanding(a.id(), u, story));
        index.put(document(a, u, story));
        if (++uncommitted >= 500) {
            commit();
        }
    }

    private record LocalDateRef(java.time.LocalDate date) {}

    /** After a copy became canonical: every member of its group is re-indexed with the new canonical id. */
    private void reindexGroup(long newCanonicalId) {
        List<Long> members = new ArrayList<>();
        members.add(newCanonicalId);
        store.alsoAt(newCanonicalId).forEach(s -> members.add(s.id()));
        var understandings = store.understandings(members);
        for (long id : members) {
            store.find(id).ifPresent(a -> {
                StoredUnderstanding su = understandings.get(id);
                if (su != null) {
                    index.put(document(a, su.understanding(), su.storyId()));
                }
            });
        }
    }

    static SearchDocument document(StoredArticle a, Understanding u, Optional<String> story) {
        ZonedDateTime when = a.published().orElse(a.ingestedAt().atZone(ZoneId.of("Asia/Shanghai")));
        OptionalLong dup = a.duplicateOf();
        return new SearchDocument(String.valueOf(a.id()), a.url().orElse(""), a.title(), a.canonicalText(), a.source(),
                when.toOffsetDateTime(), u.entities().people(), u.entities().places(), u.entities().organisations(),
                u.keywords(), story, dup.isPresent() ? Optional.of(String.valueOf(dup.getAsLong())) : Optional.empty(),
                a.teaser());
    }

    // ------------------------------------------------------------------ index upkeep

    public synchronized void commit() {
        index.commit();
        uncommitted = 0;
    }

    /**
     * Brings the index in line with the store (the start-up check, and the cure after a crash between a store commit
     * and an index commit): documents missing from the index are added, documents of unknown articles deleted.
     *
     * @return how many documents were added and deleted
     */
    public synchronized IndexRepair synchronizeIndex() {
        SortedSet<String> indexed = index.ids();
        Set<String> stored = new HashSet<>();
        int added = 0;
        try (Stream<StoredArticle> all = store.exportAll()) {
            for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                String id = String.valueOf(a.id());
                stored.add(id);
                if (!indexed.contains(id)) {
                    reindexOne(a);
                    added++;
                }
            }
        }
        int deleted = 0;
        for (String id : indexed) {
            if (!stored.contains(id)) {
                index.delete(id);
                deleted++;
            }
        }
        commit();
        return new IndexRepair(added, deleted);
    }

    /** Rebuilds every document of the index from the store ({@code huixun reindex}). */
    public synchronized int reindexAll(IngestProgress progress) {
        int n = 0;
        long total = store.count();
        try (Stream<StoredArticle> all = store.exportAll()) {
            for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                reindexOne(a);
                if (++n % 500 == 0) {
                    progress.advanced(n, total, IngestReport.EMPTY);
                }
            }
        }
        Set<String> known = new HashSet<>();
        try (Stream<StoredArticle> all = store.exportAll()) {
            all.forEach(a -> known.add(String.valueOf(a.id())));
        }
        for (String id : index.ids()) {
            if (!known.contains(id)) {
                index.delete(id);
            }
        }
        commit();
        return n;
    }

    private void reindexOne(StoredArticle a) {
        Optional<StoredUnderstanding> su = store.understanding(a.id());
        if (su.isPresent()) {
            index.put(document(a, su.get().understanding(), su.get().storyId()));
        } else {
            understandAndIndex(a, a.canonicalId());
        }
    }

    /** What {@link #synchronizeIndex()} changed. */
    public record IndexRepair(int added, int deleted) {
        public boolean nothing() {
            return added == 0 && deleted == 0;
        }
    }

    @Override
    public synchronized void close() {
        commit();
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> entitySet(io.huixun.nlp.Entities e) {
        Set<String> s = new HashSet<>(e.people());
        s.addAll(e.places());
        s.addAll(e.organisations());
        return s;
    }

    /** Feed content is HTML: one line per paragraph (or block), markup dropped. */
    static String htmlToText(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        List<String> paragraphs = new ArrayList<>();
        for (org.jsoup.nodes.Element e : doc.body().select("p, h1, h2, h3, h4, li, blockquote")) {
            String t = e.text().strip();
            if (!t.isEmpty() && e.select("p, li").size() <= (e.is("p, li") ? 1 : 0)) {
                paragraphs.add(t);
            }
        }
        return paragraphs.isEmpty() ? doc.body().text().strip() : String.join("\n", paragraphs);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static java.nio.charset.Charset charsetOr(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
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
            default -> result.toString();
        };
    }

    /** Limits for JSONL lines, matching the store's own. */
    static final class StoreLimitsView {
        static final int MAX_LINE_CHARS = 4 << 20;
    }
}
