package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

class ExtractCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
            <html><head><meta charset="gb2312"><title>法典草案提请审议_新闻_某某网</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/n">新闻</a> <a href="/f">财经</a></div>
            <h1>法典草案提请审议</h1><div class="info">2025-04-27 09:15 来源：新华社</div>
            <div class="content"><p>新华社北京4月27日电（记者杨维汉、罗沙）生态环境法典草案27日提请十四届全国人大常委会第十五次会议审议，朱镕基时期的环保法规也被提及。</p>
            <p>草案共五编，包括总则编、污染防治编、生态保护编、绿色低碳发展编和法律责任与附则编。</p></div>
            </body></html>
            """;

    @TempDir
    Path dir;

    private static List<JsonNode> lines(CliRun run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void printsOneJsonObjectPerPageWithTheContractFields() throws IOException {
        Path page = dir.resolve("page.html");
        Files.write(page, PAGE.getBytes(Charset.forName("GB18030")));
        CliRun run = CliRun.run("extract", "--now", "2025-04-28T12:00:00+08:00", page.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        List<JsonNode> out = lines(run);
        assertThat(out).hasSize(1);
        JsonNode a = out.get(0);
        assertThat(a.fieldNames()).toIterable().startsWith("input", "title", "body", "published", "author", "source",
                "charset", "teaser");
        assertThat(a.get("input").asText()).isEqualTo(page.toString());
        assertThat(a.get("title").asText()).isEqualTo("法典草案提请审议");
        assertThat(a.get("body").asText()).startsWith("新华社北京4月27日电").contains("朱镕基").doesNotContain("首页");
        assertThat(a.get("published").asText()).isEqualTo("2025-04-27T09:15:00+08:00");
        assertThat(a.get("source").asText()).isEqualTo("新华社");
        assertThat(a.get("author").asText()).isEqualTo("杨维汉、罗沙");
        assertThat(a.get("charset").asText()).isEqualTo("GB18030");
        assertThat(a.get("teaser").asBoolean()).isFalse();
    }

    @Test
    void portalDumpGivesOneLinePerItem() throws IOException {
        Path dump = Files.writeString(dir.resolve("dump.txt"), """
                头条：某地举行春季运动会
                2025年4月26日，某地举行春季运动会，共有三千余名运动员参加。
                -
                第二条新闻的标题
                第二条新闻的摘要，说到一半就……
                -
                第三条新闻的标题
                第三条新闻的摘要，也被截断了...
                """);
        CliRun run = CliRun.run("extract", dump.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> out = lines(run);
        assertThat(out).extracting(n -> n.get("title").asText())
                .containsExactly("头条：某地举行春季运动会", "第二条新闻的标题", "第三条新闻的标题");
        assertThat(out).extracting(n -> n.get("teaser").asBoolean()).containsExactly(false, true, true);
        assertThat(out.get(0).get("published").asText()).isEqualTo("2025-04-26T00:00:00+08:00");
        assertThat(out.get(1).get("published").isNull()).isTrue();
    }

    @Test
    void badInputsAreReportedOneLineEachAndTheOthersStillProcessed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.html"));
        Path binary = Files.write(dir.resolve("x.bin"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0});
        Path good = Files.writeString(dir.resolve("good.txt"), "标题\n正文，有逗号。\n");
        CliRun run = CliRun.run("extract", empty.toString(), binary.toString(), dir.resolve("missing.html").toString(),
                "http://127.0.0.1:9/a.html", good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run)).extracting(n -> n.get("title").asText()).containsExactly("标题");
        assertThat(run.stderr().lines().toList()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("huixun extract: "));
        assertThat(run.stderr()).contains("empty input", "binary data", "no such file", "address not allowed")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void fetchesAnHttpPageThroughTheSharedFetcher() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = PAGE.replace("charset=\"gb2312\"", "").getBytes(Charset.forName("GB18030"));
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/news/a.html")) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=gbk"); // only the header says
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            } else {
                exchange.sendResponseHeaders(404, -1); // robots.txt absent: everything allowed (RFC 9309)
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/a.html";
            CliRun run = CliRun.run("extract", "--allow-address", "127.0.0.1/32", url);

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode a = lines(run).get(0);
            assertThat(a.get("input").asText()).isEqualTo(url);
            assertThat(a.get("url").asText()).isEqualTo(url);
            assertThat(a.get("title").asText()).isEqualTo("法典草案提请审议");
            assertThat(a.get("charset").asText()).isEqualTo("GB18030");
            assertThat(a.get("body").asText()).contains("朱镕基");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadNowIsAUsageError() {
        CliRun run = CliRun.run("extract", "--now", "yesterday", "x.html");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--now");
    }

    @Test
    void readsStandardInput() throws IOException {
        CliRun run = CliRun.run("标题\n正文，有逗号。\n".getBytes(StandardCharsets.UTF_8), "extract", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).extracting(n -> n.get("input").asText()).containsExactly("-");
    }

    private static final String RSS = """
            <?xml version="1.0" encoding="gb2312"?>
            <!-- 这段注释很长，使根元素远在前 512 字节之后 -->
            <?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
            %s
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>示例新闻</title><link>https://news.example.cn/</link>
            <item><title>法典草案提请审议</title><link>/2025/04/27/a1.shtml</link>
              <description>生态环境法典草案27日提请审议……</description>
              <content:encoded><![CDATA[<p>新华社北京4月27日电 生态环境法典草案27日提请十四届全国人大常委会第十五次会议审议，朱镕基时期的环保法规也被提及。</p>
              <script>track()</script><p>草案共五编，包括总则编、污染防治编、生态保护编、绿色低碳发展编和法律责任与附则编。</p>]]></content:encoded>
              <author>记者 陶喆</author>
              <enclosure url="https://img.example.cn/a1.jpg" length="48213" type="image/jpeg"/>
              <media:thumbnail url="https://img.example.cn/a1-thumb.jpg"/>
              <pubDate>Sun, 27 Apr 2025 10:30:00 +0800</pubDate></item>
            <item><title>第二条</title><link>https://news.example.cn/2025/04/27/a2.shtml</link>
              <description>只有一句摘要...</description><pubDate>Sun, 27 Apr 2025 11:00:00 +0800</pubDate></item>
            </channel></rss>
            """.formatted("<!-- " + "填充".repeat(200) + " -->");

    @Test
    void aFeedFileGivesOneLinePerEntryWithLinkAndEnclosures() throws IOException {
        Path feed = Files.write(dir.resolve("news.xml"), RSS.getBytes(Charset.forName("GB18030")));
        CliRun run = CliRun.run("extract", feed.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> out = lines(run);
        assertThat(out).hasSize(2);
        JsonNode a = out.get(0);
        assertThat(a.fieldNames()).toIterable().startsWith("input", "title", "body", "published", "author", "source",
                "charset", "teaser", "link", "enclosures");
        assertThat(a.get("title").asText()).isEqualTo("法典草案提请审议");
        assertThat(a.get("body").asText()).startsWith("新华社北京4月27日电").contains("朱镕基", "\n草案共五编")
                .doesNotContain("track()");
        assertThat(a.get("published").asText()).isEqualTo("2025-04-27T10:30:00+08:00");
        assertThat(a.get("author").asText()).isEqualTo("记者 陶喆");
        assertThat(a.get("source").asText()).isEqualTo("示例新闻");
        assertThat(a.get("charset").asText()).isEqualTo("GB18030");
        assertThat(a.get("teaser").asBoolean()).isFalse();
        assertThat(a.get("link").isNull()).isTrue(); // a relative link in a file has no http(s) base
        JsonNode enclosure = a.get("enclosures").get(0);
        assertThat(enclosure.get("url").asText()).isEqualTo("https://img.example.cn/a1.jpg");
        assertThat(enclosure.get("type").asText()).isEqualTo("image/jpeg");
        assertThat(enclosure.get("length").asLong()).isEqualTo(48213);
        assertThat(enclosure.get("kind").asText()).isEqualTo("image");
        assertThat(a.get("image").asText()).isEqualTo("https://img.example.cn/a1-thumb.jpg");
        JsonNode b = out.get(1);
        assertThat(b.get("teaser").asBoolean()).isTrue();
        assertThat(b.get("body").asText()).isEqualTo("只有一句摘要...");
        assertThat(b.get("link").asText()).isEqualTo("https://news.example.cn/2025/04/27/a2.shtml");
        assertThat(b.get("enclosures")).isEmpty();
    }

    @Test
    void feedsAndSitemapsServedOverHttpAreReadByTheirRootElement() throws IOException {
        byte[] rss = RSS.replace("encoding=\"gb2312\"", "").getBytes(StandardCharsets.UTF_8);
        byte[] sitemap = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>%s/sitemap.xml</loc></url>
                <url><loc>%s/2025/04/27/a1.shtml</loc>
                  <news:news><news:publication><news:name>示例新闻</news:name><news:language>zh</news:language></news:publication>
                  <news:publication_date>2025-04-27T10:30:00+08:00</news:publication_date>
                  <news:title>国务院新闻办举行发布会</news:title></news:news></url>
                <url><loc>%s/sitemap-2.xml.gz</loc></url>
                </urlset>
                """).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] map = new String(sitemap, StandardCharsets.UTF_8).replace("%s", base).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/feed") ? rss : path.equals("/sitemap.xml") ? map : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                // served as text/html: the root element, not the label, says what it is
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            CliRun run = CliRun.run("extract", "--allow-address", "127.0.0.1/32", base + "/feed", base + "/sitemap.xml");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<JsonNode> out = lines(run);
            assertThat(out).extracting(n -> n.get("kind").asText()).containsExactly("entry", "entry", "page", "sitemap");
            assertThat(out.get(0).get("link").asText()).isEqualTo(base + "/2025/04/27/a1.shtml");
            assertThat(out.get(0).get("charset").asText()).isEqualTo("UTF-8");
            JsonNode page = out.get(2);
            assertThat(page.get("link").asText()).isEqualTo(base + "/2025/04/27/a1.shtml");
            assertThat(page.get("title").asText()).isEqualTo("国务院新闻办举行发布会");
            assertThat(page.get("published").asText()).isEqualTo("2025-04-27T10:30:00+08:00");
            assertThat(page.get("source").asText()).isEqualTo("示例新闻");
            assertThat(out.get(3).get("link").asText()).isEqualTo(base + "/sitemap-2.xml.gz");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMalformedFeedIsOneLineOnStderr() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<rss version=\"2.0\"><channel><item><title>a</item>");
        Path good = Files.writeString(dir.resolve("good.txt"), "标题\n正文，有逗号。\n");
        CliRun run = CliRun.run("extract", bad.toString(), good.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("huixun extract: ").contains("malformed feed").doesNotContain("Exception"));
        assertThat(lines(run)).extracting(n -> n.get("title").asText()).containsExactly("标题");
    }
}
