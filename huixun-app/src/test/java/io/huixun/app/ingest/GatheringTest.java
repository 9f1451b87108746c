package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import io.huixun.store.Source;
import io.huixun.store.ArticleMedia;
import io.huixun.store.StoredArticle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the crawler keeps and fetches, against a real HTTP server on loopback: feed text is kept unless a page is a
 * better version of it, only articles become articles, sitemap indexes are followed, OPML registers sources.
 */
class GatheringTest {
    @TempDir
    Path dir;
    HttpServer server;
    final Map<String, String> pages = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    static final String P1 = "新华社北京4月27日电 国务院常务会议27日决定核准浙江三门三期工程等核电项目，共10台机组。";
    static final String P2 = "会议强调，发展核电必须确保安全万无一失，要压实参建单位责任，确保工程质量和运行安全。";
    static final String P3 = "业内人士测算，这批项目将拉动投资超过2000亿元，带动装备制造等上下游产业发展。";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = pages.get(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = body.replace("$BASE", base()).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8"
                        : "application/xml; charset=utf-8");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int hitsOf(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    static String rss(String preamble, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + preamble + "<rss version=\"2.0\" xmlns:content="
                + "\"http://purl.org/rss/1.0/modules/content/\"><channel><title>能源日报</title><link>$BASE/</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    static String item(String path, String title, String description, String content) {
        return "<item><title>" + title + "</title><link>$BASE" + path + "</link>"
                + "<pubDate>Sun, 27 Apr 2025 19:30:00 +0800</pubDate><description><![CDATA[" + description
                + "]]></description>" + (content == null ? "" : "<content:encoded><![CDATA[" + content
                + "]]></content:encoded>") + "</item>";
    }

    static String page(String title, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1><div class=\"content\">");
        for (String p : paragraphs) {
            sb.append("<p>").append(p).append("</p>");
        }
        return sb.append("</div></body></html>").toString();
    }

    IngestReport ingest(Installation inst, String url) {
        return inst.pipeline().ingest(url, IngestProgress.NONE);
    }

    @Test
    void aFullTextFeedCostsOneRequestAndKeepsEveryParagraph() {
        pages.put("/full.xml", rss("", item("/a/1.html", "核电项目获核准", P1.substring(0, 30),
                "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>")));
        pages.put("/a/1.html", page("核电项目获核准", P1, P2)); // the page lost the last paragraph
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            IngestReport report = ingest(inst, base() + "/full.xml");
            assertThat(report.inserted()).isEqualTo(1);
            assertThat(hitsOf("/a/1.html")).as("no page fetch for a full-text entry").isZero();
            StoredArticle a = inst.store().findByUrl(base() + "/a/1.html").orElseThrow();
            assertThat(a.canonicalText()).contains(P3);
            assertThat(a.source()).isEqualTo("能源日报");
            assertThat(a.teaser()).isFalse();
        }
    }

    @Test
    void aFeedsLeadImageAndEnclosuresAreKeptWithTheArticleWhicheverTextWins() {
        String media = "<media:thumbnail url=\"https://img.example.cn/lead.jpg\"/>"
                + "<enclosure url=\"https://cdn.example.cn/talk.mp3\" type=\"audio/mpeg\" length=\"1234\"/>"
                + "<enclosure url=\"javascript:alert(1)\" type=\"image/png\"/>";
        String full = item("/m/1.html", "核电项目获核准", P1.substring(0, 30), "<p>" + P1 + "</p><p>" + P2 + "</p>")
                .replace("</item>", media + "</item>");
        String summary = item("/m/2.html", "核电项目获批", "国务院常务会议决定核准核电项目...", null)
                .replace("</item>", media + "</item>");
        pages.put("/media.xml", rss("", full + summary).replace("<rss version=\"2.0\"",
                "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\""));
        pages.put("/m/2.html", page("核电项目获批", P1.substring(P1.indexOf("电 ") + 2), P2, P3));
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            ingest(inst, base() + "/media.xml");
            for (String path : List.of("/m/1.html", "/m/2.html")) {
                StoredArticle a = inst.store().findByUrl(base() + path).orElseThrow();
                assertThat(inst.store().media(a.id())).as(path).containsExactly(
                        new ArticleMedia("https://img.example.cn/lead.jpg", ArticleMedia.Kind.LEAD_IMAGE,
                                Optional.empty()),
                        new ArticleMedia("https://cdn.example.cn/talk.mp3", ArticleMedia.Kind.AUDIO,
                                Optional.of("audio/mpeg")));
                assertThat(inst.store().leadImages(List.of(a.id()))).containsEntry(a.id(),
                        "https://img.example.cn/lead.jpg");
            }
            assertThat(hitsOf("/m/2.html")).as("the summary entry took its page").isEqualTo(1);
        }
    }

    @Test
    void aSummaryEntryTakesItsPageWhenThePageIsTheArticle() {
        pages.put("/summary.xml", rss("", item("/a/2.html", "核电项目获核准", "国务院常务会议决定核准核电项目...", null)));
        pages.put("/a/2.html", page("核电项目获核准", P1.substring(P1.indexOf("电 ") + 2), P2, P3));
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            ingest(inst, base() + "/summary.xml");
            StoredArticle a = inst.store().findByUrl(base() + "/a/2.html").orElseThrow();
            assertThat(hitsOf("/a/2.html")).isEqualTo(1);
            assertThat(a.canonicalText()).contains(P2).contains(P3);
            assertThat(a.teaser()).isFalse();
            assertThat(a.source()).as("the page names no source: the feed's title does").isEqualTo("能源日报");
            assertThat(a.published()).isPresent();
        }
    }

    @Test
    void aJavaScriptShellOrAMissingPageKeepsTheFeedTextDateAndSource() {
        String summary = "国务院常务会议27日决定核准浙江三门三期工程等核电项目，共10台机组，拉动投资超过2000亿元……";
        pages.put("/shell.xml", rss("", item("/a/shell.html", "核电开闸", summary, null)
                + item("/a/gone.html", "十台机组获批", summary.replace("核电开闸", ""), null)));
        pages.put("/a/shell.html", "<html><body><div id=app></div><noscript>请启用JavaScript后查看本页</noscript>"
                + "<script src=/app.js></script></body></html>");
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            ingest(inst, base() + "/shell.xml");
            for (String path : new String[] {"/a/shell.html", "/a/gone.html"}) {
                StoredArticle a = inst.store().findByUrl(base() + path).orElseThrow();
                assertThat(a.canonicalText()).as(path).contains("三门三期");
                assertThat(a.source()).as(path).isEqualTo("能源日报");
                assertThat(a.published()).as(path).isPresent();
                assertThat(a.teaser()).as(path).isTrue();
            }
        }
    }

    @Test
    void aFeedWithALongPreambleIsStillAFeed() {
        String preamble = "<!-- " + "x".repeat(2000) + " -->\n";
        pages.put("/long.xml", rss(preamble, item("/a/3.html", "核电项目获核准", P1,
                "<p>" + P1 + "</p><p>" + P2 + "</p>")));
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            ingest(inst, base() + "/long.xml");
            assertThat(inst.store().findByUrl(base() + "/a/3.html")).isPresent();
            assertThat(inst.store().findByUrl(base() + "/long.xml")).as("the feed is no article").isEmpty();
        }
    }

    @Test
    void aSitemapIndexIsFollowedAndNoSitemapBecomesAnArticle() {
        pages.put("/sitemap-index.xml", "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/"
                + "schemas/sitemap/0.9\"><sitemap><loc>$BASE/sitemap-1.xml</loc></sitemap></sitemapindex>");
        pages.put("/sitemap-1.xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/"
                + "sitemap/0.9\"><url><loc>$BASE/sitemap-1.xml</loc></url><url><loc>$BASE/a/4.html</loc></url>"
                + "</urlset>");
        pages.put("/a/4.html", page("核电项目获核准", P1, P2, P3));
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            IngestReport report = ingest(inst, base() + "/sitemap-index.xml");
            assertThat(report.inserted()).isEqualTo(1);
            assertThat(inst.store().findByUrl(base() + "/a/4.html")).isPresent();
            assertThat(inst.store().count()).isEqualTo(1);
        }
    }

    @Test
    void anOpmlFileGivenToIngestRegistersItsFeedsAsSources() throws IOException {
        Path opml = dir.resolve("subscriptions.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
                + "<outline text=\"能源日报\" type=\"rss\" xmlUrl=\"" + base() + "/full.xml\"/>"
                + "<outline text=\"要闻\"><outline title=\"时政快讯\" type=\"rss\" xmlUrl=\"" + base()
                + "/summary.xml\"/></outline></body></opml>");
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            IngestReport report = ingest(inst, opml.toString());
            assertThat(report.sourcesAdded()).isEqualTo(2);
            assertThat(inst.store().count()).isZero();
            assertThat(inst.store().listSources()).extracting(Source::name)
                    .containsExactlyInAnyOrder("能源日报", "时政快讯");
        }
    }

    @Test
    void anUnreadableFeedIsAClearErrorAndStoresNothing() {
        pages.put("/broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item>"
                + "<title>未闭合");
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            IngestReport report = ingest(inst, base() + "/broken.xml");
            assertThat(inst.store().count()).isZero();
            assertThat(report.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("not a readable feed").doesNotContain("Exception"));
        }
    }
}
