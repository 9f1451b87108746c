package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.text.time.NewsZone;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds, sitemaps, OPML and list pages from fixture files written for this project. */
class SourceParserTest {
    private static final URI FEED_URL = URI.create("https://news.example.cn/rss.xml");

    @Test
    void rss2WithGb2312DeclarationDecodesAsGb18030AndKeepsZones() throws IOException {
        Feed feed = parsedFeed("rss2-gb2312.xml", FEED_URL);
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("示例新闻 - 滚动");
        assertThat(feed.entries()).hasSize(3);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.title()).isEqualTo("朱镕基谈改革 & 开放");
        assertThat(first.url()).contains(URI.create("https://news.example.cn/2025/04/27/a1.shtml"));
        assertThat(first.summary()).isEqualTo("新华社北京4月27日电 摘要内容");
        assertThat(first.published()).contains(ZonedDateTime.of(2025, 4, 27, 10, 30, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(first.author()).contains("记者 陶喆");
        assertThat(first.categories()).containsExactly("时政");
        assertThat(first.id()).contains("a1");

        FeedEntry second = feed.entries().get(1);
        // CST in a Chinese feed is China Standard Time
        assertThat(second.published().map(ZonedDateTime::getOffset)).contains(ZoneOffset.ofHours(8));
        assertThat(second.contentHtml()).hasValueSatisfying(c -> assertThat(c).contains("全文第二段"));

        FeedEntry third = feed.entries().get(2);
        assertThat(third.url()).isEmpty();
        assertThat(third.published().map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
                .contains("2025-04-26T23:15+08:00");
    }

    @Test
    void atomKeepsPublishedAndUpdatedWithTheirOffsets() throws IOException {
        Feed feed = parsedFeed("atom.xml", URI.create("https://atom.example.com/feed.xml"));
        assertThat(feed.format()).isEqualTo("atom_1.0");
        FeedEntry e = feed.entries().get(0);
        assertThat(e.title()).isEqualTo("台灣新聞標題");
        assertThat(e.summary()).isEqualTo("摘要 & 內容");
        assertThat(e.published()).contains(ZonedDateTime.of(2025, 4, 27, 8, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(e.updated()).contains(ZonedDateTime.of(2025, 4, 27, 9, 30, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(e.author()).contains("王小明");
        assertThat(e.categories()).containsExactly("社會");
        FeedEntry utc = feed.entries().get(1);
        assertThat(utc.url()).contains(URI.create("https://atom.example.com/a/2"));
        assertThat(utc.updated().map(ZonedDateTime::getOffset)).contains(ZoneOffset.UTC);
    }

    @Test
    void rss1AndRss091AreRead() throws IOException {
        Feed rdf = parsedFeed("rss1.rdf", URI.create("https://rdf.example.org/index.rdf"));
        assertThat(rdf.format()).isEqualTo("rss_1.0");
        assertThat(rdf.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("RSS 1.0 item");
            assertThat(e.published().map(ZonedDateTime::getOffset)).contains(ZoneOffset.ofHours(9));
        });
        Feed old = parsedFeed("rss091.xml", URI.create("http://old.example.com/rss"));
        assertThat(old.format()).startsWith("rss_0.91");
        assertThat(old.entries()).singleElement()
                .satisfies(e -> assertThat(e.url()).contains(URI.create("http://old.example.com/1")));
    }

    @Test
    void jsonFeedIsReadAndBadItemsBecomeWarnings() throws IOException {
        ParseResult<Feed> r = SourceParser.feed(resource("feed.json"), URI.create("https://json.example.com/f.json"));
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Parsed<Feed> p = (ParseResult.Parsed<Feed>) r;
        Feed feed = p.value();
        assertThat(feed.format()).isEqualTo("json_1.1");
        assertThat(feed.entries()).hasSize(3);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.summary()).isEqualTo("摘要一");
        assertThat(first.categories()).containsExactly("科技", "AI");
        assertThat(first.author()).contains("编辑部");
        assertThat(first.published().map(ZonedDateTime::getOffset)).contains(ZoneOffset.ofHours(8));
        FeedEntry second = feed.entries().get(1);
        assertThat(second.url()).contains(URI.create("https://json.example.com/2"));
        assertThat(second.id()).contains("2");
        assertThat(second.author()).contains("李四");
        assertThat(feed.entries().get(2).url()).isEmpty();
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("item 3 is not an object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<rss version=\"2.0\"><channel><title>x</title><item><title>a</item></channel></rss>",
        "<html><body>not a feed</body></html>",
        "this is plain text",
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}",
        "{\"title\": \"no version\", \"items\": []}",
        "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<rss version=\"2.0\"><channel><title>&lol2;</title></channel></rss>",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>",
        "",
        "<rss version=\"2.0\"><channel><title>truncated feed</title><item><title>a</title><link>http://x/"
    })
    void malformedFeedsGiveAClearReason(String doc) {
        ParseResult<Feed> r = SourceParser.feed(doc.getBytes(StandardCharsets.UTF_8), FEED_URL);
        assertThat(r).as(doc).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).isNotBlank().doesNotContain("/etc/passwd:"));
    }

    @Test
    void doctypeIsRefusedSoEntitiesNeverExpand() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
        ParseResult<Feed> r = SourceParser.feed(xxe.getBytes(StandardCharsets.UTF_8), FEED_URL);
        assertThat(r).isInstanceOfSatisfying(ParseResult.Malformed.class,
                m -> assertThat(m.reason()).containsIgnoringCase("DOCTYPE"));
    }

    @Test
    void newsSitemapGivesPublicationTitleAndZonedDate() throws IOException {
        ParseResult<Sitemap> r = SourceParser.sitemap(resource("news-sitemap.xml"),
                URI.create("https://news.example.cn/sitemap-news.xml"));
        Sitemap s = ((ParseResult.Parsed<Sitemap>) r).value();
        assertThat(s.index()).isFalse();
        assertThat(s.pages()).hasSize(2);
        SitemapEntry first = s.pages().get(0);
        assertThat(first.url()).isEqualTo(URI.create("https://news.example.cn/2025/04/27/a1.shtml"));
        assertThat(first.lastModified().map(ZonedDateTime::toInstant))
                .contains(ZonedDateTime.of(2025, 4, 27, 2, 35, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(first.news()).hasValueSatisfying(n -> {
            assertThat(n.title()).isEqualTo("国务院新闻办举行发布会");
            assertThat(n.publication()).isEqualTo("示例新闻");
            assertThat(n.language()).isEqualTo("zh-cn");
            assertThat(n.published().map(ZonedDateTime::toInstant))
                    .contains(ZonedDateTime.of(2025, 4, 27, 2, 30, 0, 0, ZoneOffset.UTC).toInstant());
            assertThat(n.keywords()).containsExactly("发布会", "国务院");
        });
        assertThat(s.pages().get(1).news()).isEmpty();
    }

    @Test
    void sitemapIndexListsChildSitemaps() throws IOException {
        ParseResult<Sitemap> r = SourceParser.sitemap(resource("sitemap-index.xml"),
                URI.create("https://news.example.cn/sitemap.xml"));
        Sitemap s = ((ParseResult.Parsed<Sitemap>) r).value();
        assertThat(s.index()).isTrue();
        assertThat(s.sitemaps()).containsExactly(URI.create("https://news.example.cn/sitemap-1.xml"),
                URI.create("https://news.example.cn/sitemap-2.xml.gz"));
    }

    @Test
    void textSitemapAndGarbageSitemap() {
        byte[] text = "https://a.example.com/1\nhttps://a.example.com/2\n".getBytes(StandardCharsets.UTF_8);
        ParseResult<Sitemap> r = SourceParser.sitemap(text, URI.create("https://a.example.com/sitemap.txt"));
        assertThat(((ParseResult.Parsed<Sitemap>) r).value().pages()).hasSize(2);
        ParseResult<Sitemap> bad = SourceParser.sitemap(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3},
                URI.create("https://a.example.com/sitemap.xml.gz"));
        assertThat(bad).isInstanceOf(ParseResult.Malformed.class);
        assertThat(SourceParser.sitemap(new byte[0], URI.create("https://a.example.com/s.xml")))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void opmlGivesSubscriptionsWithFoldersAndSkipsBadUrls() throws IOException {
        ParseResult<List<Subscription>> r = SourceParser.opml(resource("subscriptions.opml"));
        ParseResult.Parsed<List<Subscription>> p = (ParseResult.Parsed<List<Subscription>>) r;
        assertThat(p.value()).extracting(Subscription::title).containsExactly("示例新闻", "World", "本地 RSSHub");
        assertThat(p.value().get(0).folders()).containsExactly("新闻");
        assertThat(p.value().get(0).folder()).contains("新闻");
        assertThat(p.value().get(0).categories()).containsExactly("新闻/国内", "时政");
        assertThat(p.value().get(2).folder()).isEmpty();
        assertThat(p.value().get(0).siteUrl()).contains(URI.create("https://news.example.cn/"));
        assertThat(p.value().get(1).folders()).containsExactly("新闻", "国际");
        assertThat(p.value().get(2).feedUrl()).isEqualTo(URI.create("http://192.168.1.20:1200/weibo/user/1"));
        assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w).contains("坏链接"));
        assertThat(SourceParser.opml("<rss/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseResult.Malformed.class);
        assertThat(SourceParser.opml("<opml><body><outline".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void listPageFindsSameSiteLinksAndMarksArticleLikeOnes() throws IOException {
        String html = new String(resource("list-page.html"), StandardCharsets.UTF_8);
        ParseResult<List<PageLink>> r = SourceParser.listPage(html, URI.create("https://news.example.cn/roll/"));
        List<PageLink> links = ((ParseResult.Parsed<List<PageLink>>) r).value();
        assertThat(links).extracting(l -> l.url().toString()).containsExactly(
                "https://news.example.cn/", "https://news.example.cn/index.html",
                "https://news.example.cn/2025/04/27/a1.shtml",
                "https://sports.example.cn/2025-04-27/doc-123456.shtml", "https://news.example.cn/about/");
        assertThat(links).filteredOn(PageLink::articleLike).extracting(PageLink::text)
                .containsExactly("国务院新闻办举行发布会介绍情况", "体育频道：比赛结果出炉了");
    }

    @Test
    void truncatedListPageStillYieldsTheLinksBeforeTheCut() {
        String html = "<html><body><ul><li><a href=\"/2025/04/27/x.html\">一条完整的新闻标题</a><li><a href=\"/20";
        ParseResult<List<PageLink>> r = SourceParser.listPage(html, URI.create("http://www.example.com.cn/"));
        assertThat(((ParseResult.Parsed<List<PageLink>>) r).value())
                .anySatisfy(l -> assertThat(l.url().toString())
                        .isEqualTo("http://www.example.com.cn/2025/04/27/x.html"));
    }

    @Test
    void siteOfGroupsSubdomainsUnderCountryCodeSecondLevels() {
        assertThat(SourceParser.siteOf("news.sina.com.cn")).isEqualTo("sina.com.cn");
        assertThat(SourceParser.siteOf("www.xinhuanet.com")).isEqualTo("xinhuanet.com");
        assertThat(SourceParser.siteOf("a.b.example.org")).isEqualTo("example.org");
        assertThat(SourceParser.siteOf("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
    }

    private static Feed parsedFeed(String name, URI url) throws IOException {
        ParseResult<Feed> r = SourceParser.feed(resource(name), url, Optional.empty(), NewsZone.DEFAULT);
        assertThat(r).as(name + ": " + r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<Feed>) r).value();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SourceParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
