package io.huixun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation whose store is a real PostgreSQL (started by .ci/run; skipped without HUIXUN_TEST_POSTGRES_URL):
 * the whole pipeline writes there, and a second node over the same database sees the same articles.
 */
class PostgresInstallationTest {
    @TempDir
    Path dir;

    /** A fresh database on the test server, as a postgresql:// URL. */
    static String freshDatabase() throws Exception {
        String admin = System.getenv("HUIXUN_TEST_POSTGRES_URL");
        assumeTrue(admin != null && !admin.isBlank(), "HUIXUN_TEST_POSTGRES_URL not set: no PostgreSQL to test against");
        String database = "huixun_app_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(admin)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        return admin.replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/" + database + "$1").replaceFirst("^jdbc:", "");
    }

    @Test
    void migrateCopiesAnEmbeddedInstallationIntoPostgresAndChecksTheCounts() throws Exception {
        String url = freshDatabase();
        Path seed = TestInstallations.sample(dir, "portal-dump-seed.txt", 0);
        Path jsonl = TestInstallations.sample(dir, "fuyao-news.jsonl", 10);
        Path reports = TestInstallations.sample(dir, "seed-event-reports.jsonl", 0); // the seed's events, other sources
        Path copies = TestInstallations.sample(dir, "content-farm-copies.jsonl", 0); // and copies of its articles
        Path page = dir.resolve("q1.html"); // a page with a lead image: its media must travel too
        java.nio.file.Files.writeString(page, "<html><head><title>一季度工业生产稳中有升</title><link rel=\"canonical\""
                + " href=\"https://stats.example.cn/2025/q1.html\"><meta property=\"og:image\""
                + " content=\"https://stats.example.cn/img/q1-cover.jpg\"></head><body><h1>一季度工业生产稳中有升</h1>"
                + "<div class=\"content\"><p>国家统计局今天发布数据，一季度全国规模以上工业增加值同比增长百分之六点五，比上年全年加快零点七个百分点。</p>"
                + "<p>分门类看，采矿业增加值增长百分之三点二，制造业增长百分之七点一，电力热力燃气及水生产和供应业增长百分之三点一。</p>"
                + "<p>分产品看，新能源汽车、工业机器人、集成电路产量分别增长百分之三十五、百分之二十六和百分之十八。</p></div></body></html>");
        Path embedded = dir.resolve("embedded");
        java.util.Map<String, String> storiesBefore;
        int lateBefore;
        try (Installation local = Installation.open(embedded)) {
            local.pipeline().ingest(seed.toString(), IngestProgress.NONE);
            local.pipeline().ingest(jsonl.toString(), IngestProgress.NONE);
            local.pipeline().ingest(page.toString(), IngestProgress.NONE);
            local.pipeline().ingest(copies.toString(), IngestProgress.NONE);
            local.pipeline().ingest(reports.toString(), IngestProgress.NONE);
            // the reports of 2025-04 came last, after news of 2025-12 to 2026-02: their stories are late, still open
            lateBefore = local.store().lateStoryStates(io.huixun.cluster.ActiveStoryClusterer.MAX_LATE).size();
            local.store().readers().addAccount("li", io.huixun.store.reader.Role.READER, "h", Optional.empty());
            // An article from a registered source (as a feed's are); a paused source stays paused
            long feed = ((io.huixun.store.SourceAddResult.Added) local.store().addSource(new io.huixun.store.NewSource(
                    "央视网", "https://news.example.cn/feed.xml", io.huixun.store.SourceKind.FEED, Optional.empty(),
                    java.time.Duration.ofMinutes(30)))).source().id();
            local.store().addSource(new io.huixun.store.NewSource("新华网", "https://xinhua.example.cn/rss.xml",
                    io.huixun.store.SourceKind.FEED, Optional.empty(), java.time.Duration.ofMinutes(30)));
            local.store().setSourcePaused(feed, true);
            local.store().save(new io.huixun.store.NewArticle(Optional.of("https://news.example.cn/a.html"),
                    java.util.OptionalLong.of(feed), "央视网", "铁路春运首日客流平稳", Optional.empty(), false,
                    new io.huixun.store.OriginalContent("<p>x</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            java.nio.charset.StandardCharsets.UTF_8), "铁路部门表示春运首日客流平稳有序。", "[]",
                    io.huixun.dedup.Deduplicator.standard().fingerprint("铁路部门表示春运首日客流平稳有序。"),
                    java.util.OptionalLong.empty()));
        }
        long stored;
        String readerBefore;
        String pictureBefore;
        try (Installation local = Installation.open(embedded)) {
            local.startupRepair(); // the article saved above without the pipeline is understood now, not during the check
            storiesBefore = storyOfEachArticle(local.store());
            stored = local.store().count();
            readerBefore = keepReaderState(local.store());
            pictureBefore = io.huixun.app.image.ImageSigner.of(embedded, local.store()).path("https://img.example.cn/a.jpg");
        }
        assertThat(storiesBefore.values()).as("the seed's events are stories of several reports")
                .anyMatch(story -> !story.contains("articles 1,"));
        // The target already holds a source and an article of its own, so every number differs between the two
        try (io.huixun.store.ArticleStore pre = io.huixun.store.postgres.PostgresArticleStore.open(
                Installation.jdbcUrl(url))) {
            pre.addSource(new io.huixun.store.NewSource("本地台", "https://local.example.cn/rss.xml",
                    io.huixun.store.SourceKind.FEED, Optional.empty(), java.time.Duration.ofMinutes(30)));
            pre.save(new io.huixun.store.NewArticle(Optional.of("https://local.example.cn/1.html"),
                    java.util.OptionalLong.empty(), "本地台", "本地新闻", Optional.empty(), false,
                    new io.huixun.store.OriginalContent("<p>y</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            java.nio.charset.StandardCharsets.UTF_8), "本地台报道本地新闻一则。", "[]",
                    io.huixun.dedup.Deduplicator.standard().fingerprint("本地台报道本地新闻一则。"),
                    java.util.OptionalLong.empty()));
        }
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            code = io.huixun.app.cli.HuixunCommand.run("migrate", "--data", embedded.toString(), "--to", url);
        } finally {
            System.setOut(out);
        }
        assertThat(code).isZero();
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("readers: 1 account copied with their folders, follows, read and starred marks");
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(again, true, java.nio.charset.StandardCharsets.UTF_8));
            code = io.huixun.app.cli.HuixunCommand.run("migrate", "--data", embedded.toString(), "--to", url);
        } finally {
            System.setOut(out);
        }
        assertThat(code).as("running it again copies nothing twice").isZero();
        assertThat(again.toString(java.nio.charset.StandardCharsets.UTF_8))
                .as("an account the target already has is named, not skipped silently")
                .contains("readers not copied, the target already has an account of the same name")
                .contains("): li").doesNotContain("account copied");
        try (Installation node = Installation.open(dir.resolve("node"), Optional.of(url))) {
            assertThat(node.store().count()).isEqualTo(stored + 1);
            node.startupRepair(); // a new node's empty index is filled from the store in the background
            assertThat(node.index().count()).isEqualTo(stored + 1);
            assertThat(node.store().exportAll().filter(a -> node.store().understanding(a.id()).isPresent()).count())
                    .as("every article is understood (the target's own one by the node's start-up repair)")
                    .isEqualTo(stored + 1);
            // Every story arrives whole (title, counts, sources, members), named after its opening article's new
            // number, and its working state with it (the clusterer goes on with the same active stories).
            Map<String, String> storiesAfter = storyOfEachArticle(node.store());
            storiesAfter.remove("https://local.example.cn/1.html"); // the target's own
            assertThat(storiesAfter).isEqualTo(storiesBefore);
            node.store().exportAll().forEach(a -> node.store().understanding(a.id()).flatMap(u -> u.storyId())
                    .ifPresent(story -> assertThat(node.store().find(Long.parseLong(story.substring(2))))
                            .as("story %s is named after an article of the target", story).isPresent()));
            assertThat(node.store().activeStoryStates(java.time.Duration.ofDays(36500))).isNotEmpty();
            assertThat(lateBefore).isPositive();
            assertThat(node.store().lateStoryStates(io.huixun.cluster.ActiveStoryClusterer.MAX_LATE))
                    .as("late stories stay open after the move").hasSize(lateBefore);
            // The reader finds everything as they left it: folders, follows, what is read and starred, searches, alerts
            assertThat(readerView(node.store())).isEqualTo(readerBefore);
            assertThat(io.huixun.app.image.ImageSigner.of(dir.resolve("node"), node.store())
                    .path("https://img.example.cn/a.jpg")).as("picture URLs handed out stay valid").isEqualTo(pictureBefore);
            io.huixun.store.Source feed = node.store().findSourceByUrl("https://news.example.cn/feed.xml").orElseThrow();
            assertThat(feed.paused()).isTrue();
            assertThat(node.store().findByUrl("https://news.example.cn/a.html").orElseThrow().sourceId())
                    .as("an article keeps its source").hasValue(feed.id());
            long withImage = node.store().findByUrl("https://stats.example.cn/2025/q1.html").orElseThrow().id();
            assertThat(node.store().media(withImage)).extracting(io.huixun.store.ArticleMedia::url)
                    .containsExactly("https://stats.example.cn/img/q1-cover.jpg");
        }
    }

    /**
     * Gives reader li some of everything a reader keeps (a folder; follows of a source, a story and a search; a
     * watermark with one article marked unread below it, one read above it, one starred; a saved search; an alert)
     * and answers {@link #readerView} of it.
     */
    private static String keepReaderState(io.huixun.store.ArticleStore store) {
        io.huixun.store.reader.ReaderStore r = store.readers();
        long user = r.account("li").orElseThrow().id();
        java.util.List<Long> ids = store.exportAll().map(io.huixun.store.StoredArticle::id).sorted().toList();
        long middle = ids.get(ids.size() / 2);
        io.huixun.store.reader.Folder folder = r.folder(user, "要闻");
        long feed = store.findSourceByUrl("https://news.example.cn/feed.xml").orElseThrow().id();
        r.follow(user, io.huixun.store.reader.FollowKind.SOURCE, String.valueOf(feed), "央视网",
                java.util.OptionalLong.of(folder.id()));
        String story = store.recentStories(2, java.time.Duration.ofDays(36500), 1).get(0).id();
        r.follow(user, io.huixun.store.reader.FollowKind.STORY, story, "外长会晤", java.util.OptionalLong.empty());
        r.follow(user, io.huixun.store.reader.FollowKind.QUERY, "核电", "核电", java.util.OptionalLong.empty());
        r.markAllRead(user, new io.huixun.store.reader.ReadingScope.Subscribed(), middle);
        r.markAllRead(user, new io.huixun.store.reader.ReadingScope.OneSource(feed), ids.get(ids.size() - 1));
        r.setRead(user, java.util.List.of(ids.get(1)), false);
        r.setRead(user, java.util.List.of(ids.get(ids.size() - 2)), true);
        r.setStarred(user, java.util.List.of(ids.get(2)), true);
        r.saveSearch(user, "核电新闻", "核电");
        r.addAlert(user, "核电", "https://hooks.example.cn/x", middle);
        return readerView(store);
    }

    /** What reader li sees, with articles, sources and stories named by address or title (numbers differ). */
    private static String readerView(io.huixun.store.ArticleStore store) {
        io.huixun.store.reader.ReaderStore r = store.readers();
        io.huixun.store.reader.Account li = r.account("li").orElseThrow();
        java.util.function.LongFunction<String> article = id -> id == 0 ? "none"
                : store.find(id).map(a -> a.url().orElse(a.title())).orElse("?" + id);
        Map<Long, String> folders = new java.util.HashMap<>();
        r.folders(li.id()).forEach(f -> folders.put(f.id(), f.name()));
        java.util.List<String> follows = r.follows(li.id()).stream().map(f -> f.kind() + " " + switch (f.kind()) {
            case SOURCE -> store.findSource(Long.parseLong(f.target())).map(s -> s.url()).orElse("?");
            case STORY -> store.story(f.target()).map(s -> s.title() + " (" + s.articles() + ")").orElse("?");
            default -> f.target();
        } + " '" + f.title() + "' in " + (f.folderId().isPresent() ? folders.get(f.folderId().getAsLong()) : "-"))
                .sorted().toList();
        java.util.List<Long> ids = store.exportAll().map(io.huixun.store.StoredArticle::id).toList();
        Map<String, String> states = new java.util.TreeMap<>();
        r.states(li.id(), ids).forEach((id, st) -> states.put(article.apply(id),
                (st.read() ? "read" : "unread") + (st.starred() ? ", starred" : "")));
        states.remove("https://local.example.cn/1.html"); // the target's own article, in the view after migration
        return li.role() + " " + li.passwordHash() + "\nfolders " + new java.util.TreeSet<>(folders.values())
                + "\nfollows " + follows + "\nstates " + states
                + "\nsearches " + r.savedSearches(li.id()).stream().map(s -> s.name() + "=" + s.query()).toList()
                + "\nalerts " + r.alerts(li.id()).stream().map(a -> a.query() + " " + a.webhookUrl() + " after "
                        + article.apply(a.lastArticleId())).toList();
    }

    /** Each article's story as a reader sees it, keyed by the article's address (ids differ between stores). */
    private static java.util.Map<String, String> storyOfEachArticle(io.huixun.store.ArticleStore store) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        store.exportAll().forEach(a -> store.understanding(a.id()).flatMap(u -> u.storyId()).flatMap(store::story)
                .ifPresent(s -> out.put(a.url().orElse(a.title()), s.title() + " | articles " + s.articles()
                        + ", reports " + s.reports() + ", sources " + s.sources() + " | "
                        + new java.util.TreeMap<>(store.storySources(s.id())) + " | "
                        + store.storyArticles(s.id(), 100).stream().map(m -> m.url().orElse(m.title())).sorted()
                        .toList())));
        return out;
    }

    @Test
    void theWholePipelineRunsOnPostgresAndASecondNodeSeesItsArticles() throws Exception {
        String url = freshDatabase();
        Path seed = TestInstallations.sample(dir, "portal-dump-seed.txt", 0);
        try (Installation node1 = Installation.open(dir.resolve("node1"), Optional.of(url))) {
            IngestReport report = node1.pipeline().ingest(seed.toString(), IngestProgress.NONE);
            assertThat(report.inserted()).isEqualTo(7);
            SearchResponse hits = (SearchResponse) node1.index().search(SearchRequest.of("中亞外長"));
            assertThat(hits.total()).isPositive();
        }
        try (Installation node2 = Installation.open(dir.resolve("node2"), Optional.of(url))) {
            assertThat(node2.store().count()).isEqualTo(7);
            // node2's own index was empty: the start-up check filled it from the shared store
            assertThat(node2.startupRepair().added()).isEqualTo(7);
            IngestReport again = node2.pipeline().ingest(seed.toString(), IngestProgress.NONE);
            assertThat(again.alreadyStored()).isEqualTo(7);
        }
    }
}
