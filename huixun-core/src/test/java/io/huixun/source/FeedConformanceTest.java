package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.text.time.NewsZone;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Conformance cases written for Huixun from the specifications: RSS 0.91/0.92 (UserLand), RSS 1.0 (RDF Site
 * Summary, content module), RSS 2.0 (RSS Advisory Board), Atom 1.0 (RFC 4287), Atom 0.3 (draft), JSON Feed 1.1,
 * Media RSS 1.5.
 */
class FeedConformanceTest {
    private static final URI FEED_URL = URI.create("https://news.example.cn/rss/index.xml");

    private static Feed feed(String doc) {
        return feed(doc.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static Feed feed(byte[] doc, Optional<Charset> hint) {
        ParseResult<Feed> r = SourceParser.feed(doc, FEED_URL, hint, NewsZone.DEFAULT);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<Feed>) r).value();
    }

    @Test
    void rss2KeepsDescriptionAlongsideContentEncodedAndReadsEnclosures() {
        Feed f = feed("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>示例新闻</title><link>https://news.example.cn/</link>
                <item><title>长江流域降雨</title><link>/2025/04/27/rain.shtml</link>
                <description>&lt;p&gt;长江中下游迎来强降雨。&lt;/p&gt;</description>
                <content:encoded><![CDATA[<p>长江中下游迎来强降雨。</p><p>气象台发布暴雨预警，提醒公众注意出行安全。</p>]]></content:encoded>
                <enclosure url="https://img.example.cn/rain.jpg" length="48213" type="image/jpeg"/>
                <enclosure url="podcast/rain.mp3" length="not a number" type="audio/mpeg"/>
                <pubDate>Sun, 27 Apr 2025 10:30:00 +0800</pubDate></item>
                </channel></rss>
                """);
        assertThat(f.title()).isEqualTo("示例新闻");
        assertThat(f.link()).contains(URI.create("https://news.example.cn/"));
        FeedEntry e = f.entries().get(0);
        assertThat(e.url()).contains(URI.create("https://news.example.cn/2025/04/27/rain.shtml"));
        assertThat(e.summaryHtml()).hasValueSatisfying(s -> assertThat(s).contains("<p>长江中下游"));
        assertThat(e.summary()).isEqualTo("长江中下游迎来强降雨。");
        assertThat(e.contentHtml()).hasValueSatisfying(c -> assertThat(c).contains("暴雨预警"));
        assertThat(e.enclosures()).containsExactly(
                new Enclosure(URI.create("https://img.example.cn/rain.jpg"), Optional.of("image/jpeg"),
                        OptionalLong.of(48213), Enclosure.Kind.IMAGE),
                new Enclosure(URI.create("https://news.example.cn/rss/podcast/rain.mp3"), Optional.of("audio/mpeg"),
                        OptionalLong.empty(), Enclosure.Kind.AUDIO));
        assertThat(e.image()).contains(URI.create("https://img.example.cn/rain.jpg"));
    }

    @Test
    void mediaRssGroupContentThumbnailAndDescription() {
        Feed f = feed("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>视频</title>
                <item><title>发布会视频</title><link>https://v.example.cn/1</link>
                <media:group>
                  <media:content url="https://v.example.cn/1-720.mp4" type="video/mp4" fileSize="1048576"/>
                  <media:content url="https://v.example.cn/1-480.mp4" medium="video"/>
                  <media:thumbnail url="https://v.example.cn/1.jpg" width="640" height="360"/>
                  <media:description type="plain">国务院新闻办公室举行新闻发布会 &lt;全程&gt;</media:description>
                </media:group></item>
                <item><title>图集</title><link>https://v.example.cn/2</link>
                <media:content url="https://v.example.cn/2.webp" medium="image">
                  <media:thumbnail url="https://v.example.cn/2-small.webp"/>
                  <media:description type="html">&lt;b&gt;春天&lt;/b&gt;的图集</media:description>
                </media:content></item>
                </channel></rss>
                """);
        FeedEntry video = f.entries().get(0);
        assertThat(video.enclosures()).extracting(Enclosure::kind)
                .containsExactly(Enclosure.Kind.VIDEO, Enclosure.Kind.VIDEO);
        assertThat(video.enclosures().get(0).length()).hasValue(1048576);
        assertThat(video.image()).contains(URI.create("https://v.example.cn/1.jpg"));
        assertThat(video.summary()).isEqualTo("国务院新闻办公室举行新闻发布会 <全程>");
        FeedEntry gallery = f.entries().get(1);
        assertThat(gallery.enclosures()).singleElement()
                .satisfies(x -> assertThat(x.kind()).isEqualTo(Enclosure.Kind.IMAGE));
        assertThat(gallery.image()).contains(URI.create("https://v.example.cn/2-small.webp"));
        assertThat(gallery.summary()).isEqualTo("春天的图集");
    }

    @Test
    void atomXmlBaseResolvesLinksAndUpdatedStandsInForPublished() {
        Feed f = feed("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/zh/">
                <title type="html">&lt;b&gt;某&lt;/b&gt;博客</title><link href="./"/>
                <author><name>编辑部</name></author>
                <id>urn:x</id><updated>2025-04-27T09:30:00+08:00</updated>
                <entry xml:base="posts/"><title>第一篇</title><id>urn:1</id>
                  <link rel="alternate" type="text/html" href="2025/first.html"/>
                  <link rel="enclosure" type="audio/ogg" length="999" href="/media/first.ogg"/>
                  <updated>2025-04-27T09:30:00+08:00</updated>
                  <summary>摘要 &lt;不是标签&gt;</summary>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>第一段</p><p>第二段<br/>换行</p></div></content>
                </entry>
                <entry><title>第二篇</title><id>urn:2</id><link href="https://other.example.org/2"/>
                  <published>2025-04-26T08:00:00Z</published><updated>2025-04-27T08:00:00Z</updated>
                  <author><name>王小明</name></author>
                  <content type="text">第一行 &lt;b&gt; 不是粗体
                第二行</content></entry>
                </feed>
                """);
        assertThat(f.title()).isEqualTo("某博客");
        assertThat(f.link()).contains(URI.create("https://blog.example.org/zh/"));
        FeedEntry first = f.entries().get(0);
        assertThat(first.url()).contains(URI.create("https://blog.example.org/zh/posts/2025/first.html"));
        assertThat(first.enclosures()).singleElement().satisfies(x -> {
            assertThat(x.url()).isEqualTo(URI.create("https://blog.example.org/media/first.ogg"));
            assertThat(x.kind()).isEqualTo(Enclosure.Kind.AUDIO);
        });
        assertThat(first.published()).contains(ZonedDateTime.of(2025, 4, 27, 9, 30, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(first.author()).contains("编辑部");
        assertThat(first.summary()).isEqualTo("摘要 <不是标签>");
        assertThat(first.contentHtml().map(FeedText::paragraphs)).contains(java.util.List.of("第一段", "第二段", "换行"));
        FeedEntry second = f.entries().get(1);
        assertThat(second.published()).contains(ZonedDateTime.of(2025, 4, 26, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(second.author()).contains("王小明");
        assertThat(second.contentHtml().map(FeedText::paragraphs))
                .contains(java.util.List.of("第一行 <b> 不是粗体", "第二行"));
    }

    @Test
    void atomContentWithANonTextMimeTypeIsBase64() {
        String b64 = Base64.getEncoder().encodeToString("正文来自 base64 编码".getBytes(StandardCharsets.UTF_8));
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Feed f = feed("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2025-04-27T00:00:00Z</updated>
                <entry><title>a</title><id>a</id><updated>2025-04-27T00:00:00Z</updated><link href="https://a.cn/a"/>
                  <content type="application/octet-stream">%s</content></entry>
                <entry><title>b</title><id>b</id><updated>2025-04-27T00:00:00Z</updated><link href="https://a.cn/b"/>
                  <content type="image/png">%s</content></entry>
                <entry><title>c</title><id>c</id><updated>2025-04-27T00:00:00Z</updated><link href="https://a.cn/c"/>
                  <content type="text/plain">不是 base64 &amp; 原样</content></entry>
                <entry><title>d</title><id>d</id><updated>2025-04-27T00:00:00Z</updated><link href="https://a.cn/d"/>
                  <content type="text/html" src="https://a.cn/d.html"/></entry>
                </feed>
                """.formatted(b64, png));
        assertThat(f.entries().get(0).contentHtml()).contains("正文来自 base64 编码");
        assertThat(f.entries().get(1).contentHtml()).isEmpty();
        assertThat(f.entries().get(2).contentHtml().map(FeedText::text)).contains("不是 base64 & 原样");
        assertThat(f.entries().get(3).contentHtml()).isEmpty();
    }

    @Test
    void atom03ModeBase64AndEscaped() {
        String b64 = Base64.getEncoder().encodeToString("<p>旧版 Atom 正文</p>".getBytes(StandardCharsets.UTF_8));
        Feed f = feed("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>旧</title>
                <entry><title>一</title><link rel="alternate" type="text/html" href="https://old.example.cn/1"/>
                  <id>1</id><issued>2004-04-27T10:00:00+08:00</issued><modified>2004-04-27T11:00:00+08:00</modified>
                  <content type="text/html" mode="base64">%s</content>
                  <summary type="text/html" mode="escaped">&lt;i&gt;旧版摘要&lt;/i&gt;</summary></entry>
                </feed>
                """.formatted(b64));
        assertThat(f.format()).isEqualTo("atom_0.3");
        FeedEntry e = f.entries().get(0);
        assertThat(e.url()).contains(URI.create("https://old.example.cn/1"));
        assertThat(e.contentHtml()).contains("<p>旧版 Atom 正文</p>");
        assertThat(e.summary()).isEqualTo("旧版摘要");
        assertThat(e.published()).contains(ZonedDateTime.of(2004, 4, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
    }

    @Test
    void rss1AndRss092() {
        Feed rdf = feed("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel rdf:about="https://rdf.example.cn/"><title>RDF 源</title><link>https://rdf.example.cn/</link>
                  <description>d</description><items><rdf:Seq><rdf:li resource="https://rdf.example.cn/1"/></rdf:Seq></items></channel>
                <item rdf:about="https://rdf.example.cn/1"><title>条目</title><link>https://rdf.example.cn/1</link>
                  <description>RDF 摘要</description><dc:date>2025-04-27T10:00+08:00</dc:date><dc:creator>记者甲</dc:creator>
                  <content:encoded>&lt;p&gt;一&lt;/p&gt;&lt;p&gt;二&lt;/p&gt;</content:encoded></item>
                </rdf:RDF>
                """);
        assertThat(rdf.format()).isEqualTo("rss_1.0");
        FeedEntry e = rdf.entries().get(0);
        assertThat(e.summary()).isEqualTo("RDF 摘要");
        assertThat(e.contentHtml().map(FeedText::paragraphs)).contains(java.util.List.of("一", "二"));
        assertThat(e.author()).contains("记者甲");
        assertThat(e.published().map(ZonedDateTime::getOffset)).contains(ZoneOffset.ofHours(8));

        Feed old = feed("""
                <rss version="0.92"><channel><title>0.92</title><link>http://old.example.cn/</link><description>d</description>
                <item><description>只有描述的条目</description>
                <enclosure url="http://old.example.cn/a.mp3" length="12216320" type="audio/mpeg"/></item>
                </channel></rss>
                """);
        assertThat(old.format()).isEqualTo("rss_0.92");
        assertThat(old.entries().get(0).summary()).isEqualTo("只有描述的条目");
        assertThat(old.entries().get(0).enclosures()).singleElement()
                .satisfies(x -> assertThat(x.length()).hasValue(12216320));
    }

    @Test
    void scriptAndStyleNeverReachTextAndIframesDoNotSwallowTheRest() {
        Feed f = feed("""
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
                <item><title>a</title><link>https://a.cn/1</link>
                <description><![CDATA[<style>p{color:red}</style>摘要<script>document.write('广告')</script>结束]]></description>
                <content:encoded><![CDATA[<p>第一段</p><iframe src="https://player.example.cn/v"/><p>视频后的第二段</p>
                <script type="text/javascript">var ad = "广告代码";</script><p>第三段</p>]]></content:encoded></item>
                </channel></rss>
                """);
        FeedEntry e = f.entries().get(0);
        assertThat(e.summary()).isEqualTo("摘要结束");
        assertThat(e.contentHtml().map(FeedText::paragraphs))
                .contains(java.util.List.of("第一段", "视频后的第二段", "第三段"));
    }

    @Test
    void cp1252BytesInAFeedLabelledIso88591() {
        byte[] head = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 "
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] quoted = {(byte) 0x93, 'q', 'u', 'o', 't', 'e', 'd', (byte) 0x94, ' ', (byte) 0x80, '5'};
        byte[] tail = "</title><item><title>x</title><link>https://a.cn/x</link></item></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] doc = new byte[head.length + quoted.length + tail.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        System.arraycopy(quoted, 0, doc, head.length, quoted.length);
        System.arraycopy(tail, 0, doc, head.length + quoted.length, tail.length);
        assertThat(feed(doc, Optional.empty()).title()).isEqualTo("Café “quoted” €5");
        // the same label from the HTTP header only
        byte[] noDecl = new String(doc, StandardCharsets.ISO_8859_1).replace("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        Feed f = feed(noDecl, Optional.of(StandardCharsets.ISO_8859_1));
        assertThat(f.title()).isEqualTo("Café “quoted” €5");
        assertThat(f.charset()).isEqualTo("windows-1252");
    }

    @Test
    void utf16FeedWithoutBomAndALongProlog() {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!--" + " 注释".repeat(400) + "-->\n"
                + "<rss version=\"2.0\"><channel><title>双字节</title><item><title>条目</title>"
                + "<link>https://a.cn/1</link></item></channel></rss>";
        Feed f = feed(doc.getBytes(StandardCharsets.UTF_16LE), Optional.empty());
        assertThat(f.title()).isEqualTo("双字节");
        assertThat(f.entries()).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("条目"));
    }

    @Test
    void jsonFeed11AttachmentsImageAndTexts() {
        Feed f = feed("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON 源", "home_page_url": "https://j.example.cn/",
                 "items": [
                  {"id": "1", "url": "/posts/1", "title": "第一条", "summary": "一句话摘要",
                   "content_html": "<p>段一</p><p>段二</p>", "image": "/img/1.png",
                   "date_modified": "2025-04-27T10:00:00+08:00",
                   "attachments": [{"url": "https://j.example.cn/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 2048},
                                   {"url": "https://j.example.cn/a.mp3", "mime_type": "audio/mpeg"}]},
                  {"id": 2, "url": "https://j.example.cn/posts/2", "content_text": "纯文本第一行\\n第二行 <b>"}
                 ]}
                """);
        assertThat(f.format()).isEqualTo("json_1.1");
        FeedEntry first = f.entries().get(0);
        // relative URLs resolve against the feed's own URL (JSON has no xml:base)
        assertThat(first.url()).contains(URI.create("https://news.example.cn/posts/1"));
        assertThat(first.summary()).isEqualTo("一句话摘要");
        assertThat(first.contentHtml()).contains("<p>段一</p><p>段二</p>");
        assertThat(first.image()).contains(URI.create("https://news.example.cn/img/1.png"));
        assertThat(first.enclosures()).singleElement().isEqualTo(new Enclosure(URI.create("https://j.example.cn/a.mp3"),
                Optional.of("audio/mpeg"), OptionalLong.of(2048), Enclosure.Kind.AUDIO));
        assertThat(first.published()).isEqualTo(first.updated()).isPresent();
        FeedEntry second = f.entries().get(1);
        assertThat(second.contentHtml().map(FeedText::paragraphs)).contains(java.util.List.of("纯文本第一行", "第二行 <b>"));
        assertThat(second.summary()).isEqualTo("纯文本第一行 第二行 <b>");
    }
}
