package io.huixun.app.web;

import io.huixun.app.Installation;
import io.huixun.app.FeedTitle;
import io.huixun.app.OpmlExport;
import io.huixun.app.web.view.SourcesView;
import io.huixun.fetch.Fetcher;
import io.huixun.fetch.SourceUrl;
import io.huixun.app.web.view.ArticleCard;
import io.huixun.app.web.view.ArticleView;
import io.huixun.app.web.view.FacetCount;
import io.huixun.app.web.view.FrontPageView;
import io.huixun.app.web.view.RepairEditView;
import io.huixun.app.web.view.SearchHitView;
import io.huixun.app.web.view.SearchView;
import io.huixun.app.web.view.StoryView;
import io.huixun.store.StoryRecord;
import io.huixun.ingest.RepairLog;
import io.huixun.nlp.Category;
import io.huixun.nlp.Entities;
import io.huixun.search.FacetKind;
import io.huixun.search.QueryProblem;
import io.huixun.search.SearchHit;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewSource;
import io.huixun.store.RecentFilter;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import io.huixun.model.SourceName;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link NewsDesk} of one installation: reads the store (articles, understandings, stories) and the index.
 *
 * <p>Thread-safety: one desk serves every request at once. Its fields are final and point at thread-safe
 * collaborators (the installation's store and index, the title fetcher, the immutable image signer); stories are read
 * from the store, which serialises its writer and lets readers run beside it, so a page never sees a half-written
 * story. Its one mutable state is the front-page cache, a Caffeine {@code AsyncLoadingCache} of immutable views per
 * filter: no lock of ours, and none held while a view is built (the build reads the store and the index, which are
 * network round trips with PostgreSQL or OpenSearch). A view older than {@link #FRONT_PAGE_TTL} is rebuilt once in
 * the background while every request keeps the view it has; the first request for a filter waits for its build (and
 * so do requests for the same filter meanwhile, on the same future); a view not read for {@link #FRONT_PAGE_MAX_AGE}
 * is dropped rather than served stale.
 */
public final class LocalNewsDesk implements NewsDesk {
    static final int TOP_STORIES = 6;
    static final int RELATED_PER_STORY = 5;
    static final int LATEST = 30;
    /** A story page, its API and its feed show the first report and the newest ones, this many in all. */
    static final int STORY_PAGE_MEMBERS = 100;
    /** The front page is rebuilt at most this often: it changes only when news arrives. */
    static final java.time.Duration FRONT_PAGE_TTL = java.time.Duration.ofSeconds(5);
    /** A front view unread this long is built afresh for the next reader instead of being served once more. */
    static final java.time.Duration FRONT_PAGE_MAX_AGE = java.time.Duration.ofMinutes(1);
    /** The front page ranks the stories touched in this much time before the newest news. */
    static final Duration STORY_WINDOW = Duration.ofDays(3);
    static final int STORY_CANDIDATES = 300;
    /** When the recent window has too few stories with several reports, bigger ones of this span fill the page. */
    static final Duration FILL_WINDOW = Duration.ofDays(365);
    static final int FEED_ITEMS = 50;
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(30);

    private final Installation installation;
    private final ArticleStore store;

    private final Optional<Fetcher> titleFetcher;

    /** Signs image URLs with the data folder's key, the same one {@link ImageProxy} checks. */
    private final io.huixun.app.image.ImageSigner images;

    /** A desk that names sources added by URL after their host (no fetch while the operator waits). */
    public LocalNewsDesk(Installation installation) {
        this(installation, Optional.empty());
    }

    /**
     * @param titleFetcher when present, a source added by URL without a name is named by its feed's title, read with
     *                     this (guarded, short-deadline) fetcher: {@code https://x.cn/rss} → "新华网"
     */
    public LocalNewsDesk(Installation installation, Optional<Fetcher> titleFetcher) {
        this.installation = installation;
        this.store = installation.store();
        this.titleFetcher = titleFetcher;
        this.images = io.huixun.app.image.ImageSigner.of(installation.folder(), installation.store());
    }

    /** A stored picture URL as the page shows it: through the signed image proxy (no Referer, cached). */
    private String proxied(String url) {
        return images.path(url);
    }

    /** The article's attached files for its page: images through the proxy, recordings as the feed linked them. */
    private List<io.huixun.app.web.view.MediaLink> mediaLinks(List<io.huixun.store.ArticleMedia> media) {
        List<io.huixun.app.web.view.MediaLink> links = new ArrayList<>();
        for (io.huixun.store.ArticleMedia m : media) {
            if (m.kind() != io.huixun.store.ArticleMedia.Kind.LEAD_IMAGE) {
                boolean image = m.kind() == io.huixun.store.ArticleMedia.Kind.IMAGE;
                links.add(new io.huixun.app.web.view.MediaLink(m.kind().stored(),
                        image ? proxied(m.url()) : m.url(), m.mimeType()));
            }
        }
        return links;
    }

    private record FrontKey(Optional<String> source, Optional<String> category) {}

    /** Front views by filter; filters come from the URL, so the cache is bounded. */
    private final com.github.benmanes.caffeine.cache.AsyncLoadingCache<FrontKey, FrontPageView> frontCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1000)
                    .refreshAfterWrite(FRONT_PAGE_TTL).expireAfterWrite(FRONT_PAGE_MAX_AGE)
                    .buildAsync(key -> buildFront(key.source(), key.category()));

    @Override
    public FrontPageView front(Optional<String> source, Optional<String> category) {
        try {
            return frontCache.get(new FrontKey(source, category)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private FrontPageView buildFront(Optional<String> source, Optional<String> category) {
        Optional<Category> cat = category.flatMap(LocalNewsDesk::category);
        RecentFilter filter = new RecentFilter(true, source, cat.map(Enum::name));
        // Candidates: the stories touched in the last days of news (bounded by the window and a count, never by the
        // size of the store), ranked by sources, recency and velocity.
        List<StoryRecord> ranked = new ArrayList<>(FrontPageRanking.rank(store.recentStories(1, STORY_WINDOW,
                STORY_CANDIDATES)));
        if (ranked.stream().filter(r -> r.articles() > 1).count() < TOP_STORIES) {
            // A quiet stretch (or an archive): the recent stories with several reports first, then the biggest
            // stories of the last year (most sources first), then the recent single reports. Top news is about full
            // coverage: a story four sources carried a while ago leads before one report of today (the demo: the
            // seed page's events of 2025-04 beside sample news of 2026).
            Set<String> have = new HashSet<>(ranked.stream().map(StoryRecord::id).toList());
            List<StoryRecord> fill = store.recentStories(2, FILL_WINDOW, STORY_CANDIDATES).stream()
                    .filter(r -> !have.contains(r.id()))
                    .sorted(java.util.Comparator.comparingInt(StoryRecord::sources).reversed()
                            .thenComparing(StoryRecord::articles, java.util.Comparator.reverseOrder())
                            .thenComparing(StoryRecord::last, java.util.Comparator.reverseOrder()))
                    .toList();
            List<StoryRecord> ordered = new ArrayList<>(ranked.stream().filter(r -> r.articles() > 1).toList());
            ordered.addAll(fill);
            ranked.stream().filter(r -> r.articles() <= 1).forEach(ordered::add);
            ranked = ordered;
        }
        Map<Long, ArticleSummary> leads = new java.util.HashMap<>();
        store.summaries(ranked.stream().map(StoryRecord::leadId).toList()).forEach(a -> leads.put(a.id(), a));
        Map<Long, StoredUnderstanding> leadUnderstanding = store.understandings(leads.keySet());
        List<io.huixun.app.web.view.TopStory> top = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (StoryRecord story : ranked) {
            if (top.size() >= TOP_STORIES) {
                break;
            }
            ArticleSummary lead = leads.get(story.leadId());
            if (lead == null || !shown.add(lead.id())) {
                continue;
            }
            StoredUnderstanding lu = leadUnderstanding.get(lead.id());
            if (source.isPresent() && !source.get().equals(lead.source())
                    || cat.isPresent() && (lu == null || lu.understanding().category() != cat.get())) {
                continue;
            }
            List<ArticleSummary> others = story.articles() < 2 ? List.of()
                    : store.storyArticles(story.id(), RELATED_PER_STORY + 1).stream()
                            .filter(a -> a.id() != lead.id()).toList();
            List<ArticleCard> related = new ArrayList<>(cards(others));
            java.util.Collections.reverse(related); // newest first under the lead
            related = related.subList(0, Math.min(RELATED_PER_STORY, related.size()));
            related.forEach(r -> shown.add(r.id()));
            top.add(new io.huixun.app.web.view.TopStory(story.id(), story.title(), cards(List.of(lead)).get(0),
                    related, story.articles() > 1, story.articles(), story.otherSources()));
        }
        List<ArticleCard> latest = cards(store.listRecent(filter, 0, LATEST)).stream()
                .filter(c -> !shown.contains(c.id())).toList();
        List<String> categories = Arrays.stream(Category.values()).filter(c -> c != Category.OTHER)
                .map(Category::label).toList();
        return new FrontPageView(top, latest, store.publishers(12), source, categories,
                cat.map(Category::label));
    }

    @Override
    public Optional<ArticleView> article(long id) {
        Optional<StoredArticle> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredArticle a = found.get();
        Optional<StoredUnderstanding> su = store.understanding(id);
        List<io.huixun.store.ArticleMedia> media = store.media(id);
        Optional<String> lead = media.stream().filter(m -> m.kind() == io.huixun.store.ArticleMedia.Kind.LEAD_IMAGE)
                .map(io.huixun.store.ArticleMedia::url).findFirst();
        List<RepairEditView> repairs = RepairLog.read(a.repairLogJson()).stream()
                .map(e -> new RepairEditView(e.field(), e.kind(), e.before(), e.after(), e.confidence(),
                        e.inputStart(), e.outputStart(), e.outputEnd())).toList();
        Optional<String> storyId = su.flatMap(StoredUnderstanding::storyId);
        Optional<StoryRecord> ownStory = storyId.flatMap(store::story);
        Optional<StoryRecord> storyRecord = ownStory.filter(s -> s.articles() > 1);
        Optional<String> storyTitle = storyRecord.map(StoryRecord::title);
        storyId = storyRecord.map(StoryRecord::id);
        List<String> paragraphs = new ArrayList<>(a.canonicalText().lines().map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        if (su.flatMap(s -> s.understanding().dateline()).isPresent() && !paragraphs.isEmpty()) {
            // The dateline is shown above the body: the body does not repeat it as its first words.
            String rest = io.huixun.extract.DatelineParser.stripLeading(paragraphs.get(0));
            if (rest.isBlank()) {
                paragraphs.remove(0);
            } else {
                paragraphs.set(0, rest);
            }
        }
        return Optional.of(new ArticleView(a.id(), a.title(), paragraphs, SourceName.of(a.source(), a.url()).orElse(""),
                a.published(),
                su.flatMap(s -> s.understanding().dateline()),
                su.map(s -> s.understanding().entities()).orElse(Entities.NONE),
                su.map(s -> s.understanding().keywords()).orElse(List.of()), cards(store.alsoAt(id)), repairs,
                a.original().text(), a.teaser(), a.url().filter(u -> u.startsWith("http")),
                storyId, storyTitle,
                su.map(s -> s.understanding().category().label()).orElse(Category.OTHER.label()),
                su.map(s -> s.understanding().summary()).orElse(""),
                ownStory.map(StoryRecord::otherSources).orElse(0), lead.map(this::proxied), mediaLinks(media),
                io.huixun.app.web.view.RepairMarks.of(a.canonicalText(), repairs)));
    }

    @Override
    public List<ArticleCard> recent(long beforeId, int limit) {
        return cards(beforeId > 0 ? store.listRecentBefore(true, beforeId, limit)
                : store.listRecent(RecentFilter.CANONICAL, 0, limit));
    }

    @Override
    public List<ArticleCard> articles(Optional<String> source, Optional<String> category,
                                      java.util.OptionalLong before, java.util.OptionalLong after, int limit) {
        Optional<Category> cat = category.flatMap(LocalNewsDesk::category);
        if (category.isPresent() && cat.isEmpty()) {
            return List.of();
        }
        return cards(store.listPage(new RecentFilter(true, source, cat.map(Enum::name)), before, after, limit));
    }

    @Override
    public Optional<StoryView> story(String id) {
        return store.story(id).map(story -> {
            List<ArticleSummary> members = store.storyArticles(story.id(), STORY_PAGE_MEMBERS);
            List<ArticleCard> timeline = cards(members);
            Map<Long, StoredUnderstanding> u = store.understandings(members.stream().map(ArticleSummary::id).toList());
            Map<String, Integer> sources = store.storySources(story.id());
            String summary = Optional.ofNullable(u.get(story.leadId())).map(x -> x.understanding().summary())
                    .orElseGet(() -> store.understanding(story.leadId()).map(x -> x.understanding().summary())
                            .orElse(""));
            return new StoryView(story.id(), story.title(), story.first(), story.last(), timeline,
                    List.copyOf(sources.keySet()), story.articles(), sources, story.otherSources(), summary,
                    mostNamed(u.values(), e -> e.people()), mostNamed(u.values(), e -> e.places()),
                    mostNamed(u.values(), e -> e.organisations()));
        });
    }

    /** The names most reports of a story mention, most first (at most 8). */
    private static List<String> mostNamed(java.util.Collection<StoredUnderstanding> reports,
                                          java.util.function.Function<Entities, List<String>> kind) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        reports.forEach(r -> kind.apply(r.understanding().entities()).forEach(n -> counts.merge(n, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).map(Map.Entry::getKey).toList();
    }

    @Override
    public SearchView search(String query, String sort, int page, int size, boolean facets) {
        if (query.isBlank()) {
            return new SearchView(query, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), page,
                    size, sort, Optional.empty(), List.of());
        }
        SearchRequest request = new SearchRequest(query, List.of(),
                "time".equals(sort) ? SortOrder.TIME : SortOrder.RELEVANCE, page + 1, size,
                facets ? EnumSet.allOf(FacetKind.class) : EnumSet.noneOf(FacetKind.class), true);
        SearchResult result = installation.index().search(request);
        return switch (result) {
            case QueryProblem p -> new SearchView(query, 0, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), page, size, sort, Optional.of(p.message()), List.of());
            case SearchResponse r -> {
                Map<Long, StoredUnderstanding> u = store.understandings(r.hits().stream()
                        .map(h -> Long.parseLong(h.id())).toList());
                Map<String, StoryRecord> stories = store.stories(u.values().stream()
                        .flatMap(x -> x.storyId().stream()).toList());
                List<SearchHitView> hits = r.hits().stream()
                        .map(h -> hit(h, u.get(Long.parseLong(h.id())), stories)).toList();
                yield new SearchView(query, r.total(), hits, facet(r, FacetKind.SOURCE), facet(r, FacetKind.DAY),
                        facet(r, FacetKind.PERSON), facet(r, FacetKind.PLACE), facet(r, FacetKind.ORGANISATION),
                        page, size, sort, Optional.empty(), r.notes(), r.totalIsLowerBound(), r.recentOnly());
            }
        };
    }

    private static SearchHitView hit(SearchHit h, StoredUnderstanding u, Map<String, StoryRecord> stories) {
        Optional<StoryRecord> story = Optional.ofNullable(u).flatMap(StoredUnderstanding::storyId)
                .map(stories::get);
        ArticleCard card = new ArticleCard(Long.parseLong(h.id()), h.title().text(),
                SourceName.of(h.source(), Optional.of(h.url())).orElse(""),
                Optional.of(h.published().toZonedDateTime()), u == null ? "" : u.understanding().summary(),
                story.map(StoryRecord::otherSources).orElse(0), h.teaser(),
                Optional.of(h.url()).filter(x -> x.startsWith("http")),
                u == null ? "" : u.understanding().category().label(), story.map(StoryRecord::id));
        // Escaped text with <mark> tags; the allow-list pass guarantees that nothing else can reach the page.
        return new SearchHitView(card, HtmlSanitizer.clean(h.snippet().render(LocalNewsDesk::escape, "<mark>", "</mark>")));
    }

    private static List<FacetCount> facet(SearchResponse r, FacetKind kind) {
        return r.facet(kind).stream().limit(kind == FacetKind.DAY ? 31 : 10)
                .map(f -> new FacetCount(f.label(), f.count())).toList();
    }

    @Override
    public List<FeedItem> feed(Optional<String> query, String baseUrl, int limit) {
        List<ArticleCard> cards;
        if (query.isEmpty()) {
            cards = cards(store.listRecent(RecentFilter.CANONICAL, 0, limit));
        } else {
            SearchView v = search(query.get(), "time", 0, Math.min(limit, SearchRequest.MAX_SIZE), false);
            cards = v.hits().stream().map(SearchHitView::card).toList();
        }
        return cards.stream().map(c -> item(c, baseUrl)).toList();
    }

    @Override
    public Optional<List<FeedItem>> storyFeed(String storyId, String baseUrl) {
        return story(storyId).map(s -> {
            List<FeedItem> items = new ArrayList<>(s.timeline().stream().map(c -> item(c, baseUrl)).toList());
            if (items.size() > FEED_ITEMS) {
                items = new ArrayList<>(items.subList(items.size() - FEED_ITEMS, items.size()));
            }
            java.util.Collections.reverse(items);
            return items;
        });
    }

    private static FeedItem item(ArticleCard c, String baseUrl) {
        return new FeedItem(String.valueOf(c.id()), c.title(), baseUrl + "/article/" + c.id(), c.summary(),
                c.published().map(ZonedDateTime::toOffsetDateTime).orElse(null), c.source());
    }

    @Override
    public List<Source> sources() {
        return store.listSources();
    }

    @Override
    public SourcesView sourcesPage(long after, long before, int size) {
        boolean back = before > 0;
        List<Source> page = store.listSources(back ? before : after, size, back);
        boolean hasPrev = !page.isEmpty() && !store.listSources(page.get(0).id(), 1, true).isEmpty();
        boolean hasNext = !page.isEmpty() && !store.listSources(page.get(page.size() - 1).id(), 1, false).isEmpty();
        return new SourcesView(page, store.countSources(), hasPrev, hasNext);
    }

    @Override
    public Notice addSource(String url, Optional<String> name, Duration every) {
        SourceUrl.Fetchable typed;
        switch (SourceUrl.read(url)) {
            case SourceUrl.Fetchable ok -> typed = ok;
            case SourceUrl.NotHttp no -> {
                return Notice.problem("sources.onlyHttp", clip(url));
            }
            case SourceUrl.NotUrl no -> {
                return Notice.problem("sources.notUrl", clip(url));
            }
        }
        URI uri = typed.uri();
        String shown = name.map(String::strip).filter(n -> !n.isEmpty()).orElseGet(() -> titleOf(typed));
        SourceAddResult r = store.addSource(new NewSource(shown, uri.toString(), SourceKind.FEED, Optional.empty(),
                every));
        return switch (r) {
            case SourceAddResult.Added a -> Notice.of("sources.added", a.source().id(), a.source().name());
            case SourceAddResult.AlreadyRegistered a -> Notice.problem("sources.exists", a.existing().id(),
                    a.existing().name());
            case SourceAddResult.Rejected x -> Notice.problem("sources.rejected", x.field()); // field: url, name
        };
    }

    /** The feed's own title when a look-up fetcher is set and the feed answers, else the host. */
    private String titleOf(SourceUrl.Fetchable typed) {
        if (titleFetcher.isEmpty()) {
            return typed.host();
        }
        return switch (FeedTitle.lookUp(titleFetcher.get(), typed.uri())) {
            case FeedTitle.Found f -> f.title();
            case FeedTitle.Missing m -> typed.host();
        };
    }

    @Override
    public Notice importOpml(byte[] opml, Duration every) {
        ParseResult<List<Subscription>> parsed = SourceParser.opml(opml);
        return switch (parsed) {
            case ParseResult.Malformed<List<Subscription>> bad -> Notice.problem("sources.notOpml", bad.reason());
            case ParseResult.Parsed<List<Subscription>> ok -> {
                int added = 0;
                int present = 0;
                int problems = ok.warnings().size();
                for (Subscription s : ok.value()) {
                    // Named by the outline's title (or text), as huixun sources import does; the host only without.
                    String name = s.title().isBlank() ? s.feedUrl().getHost() : s.title().strip();
                    switch (store.addSource(new NewSource(name, s.feedUrl().toString(), SourceKind.FEED,
                            Optional.empty(), every))) {
                        case SourceAddResult.Added a -> added++;
                        case SourceAddResult.AlreadyRegistered a -> present++;
                        case SourceAddResult.Rejected x -> problems++;
                    }
                }
                yield new Notice("sources.imported", List.of(added, ok.value().size() + ok.warnings().size(),
                        present, problems), added == 0 && present == 0);
            }
        };
    }

    @Override
    public void exportOpml(java.io.Writer out) throws java.io.IOException {
        try {
            OpmlExport.write(store.listSources(), out, ZonedDateTime.now());
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new java.io.IOException("cannot write OPML: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean setRefreshInterval(long id, Duration every) {
        return store.setSourceRefreshInterval(id, every);
    }

    @Override
    public boolean pauseSource(long id, boolean paused) {
        return store.setSourcePaused(id, paused);
    }

    @Override
    public boolean removeSource(long id) {
        return store.removeSource(id);
    }

    @Override
    public Health health() {
        long articles = store.count();
        long indexed = installation.index().count();
        return new Health(articles, indexed, store.countSources(), articles == indexed);
    }

    // ---- helpers ----

    private List<ArticleCard> cards(List<ArticleSummary> summaries) {
        List<Long> ids = summaries.stream().map(ArticleSummary::id).toList();
        Map<Long, StoredUnderstanding> u = store.understandings(ids);
        Map<String, StoryRecord> stories = store.stories(u.values().stream().flatMap(x -> x.storyId().stream())
                .toList());
        Map<Long, String> leads = store.leadImages(ids);
        return summaries.stream().map(s -> {
            StoredUnderstanding su = u.get(s.id());
            Optional<StoryRecord> story = Optional.ofNullable(su).flatMap(StoredUnderstanding::storyId)
                    .map(stories::get);
            return new ArticleCard(s.id(), s.title(), SourceName.of(s.source(), s.url()).orElse(""), s.published(),
                    su == null ? "" : su.understanding().summary(), story.map(StoryRecord::otherSources).orElse(0),
                    s.teaser(), s.url().filter(x -> x.startsWith("http")),
                    su == null ? "" : su.understanding().category().label(), story.map(StoryRecord::id),
                    Optional.ofNullable(leads.get(s.id())).map(this::proxied));
        }).toList();
    }

    private static Optional<Category> category(String labelOrName) {
        for (Category c : Category.values()) {
            if (c.label().equals(labelOrName) || c.name().equalsIgnoreCase(labelOrName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
