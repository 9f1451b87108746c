package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Article;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pages written for these tests: each shows one rule of the extractor. */
class HtmlExtractionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ExtractOptions OPTIONS = new ExtractOptions(
            ZonedDateTime.of(2025, 4, 27, 12, 0, 0, 0, SHANGHAI), SHANGHAI);
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(OPTIONS);

    private static final String PARAGRAPHS = """
            <p>新华社北京4月27日电（记者杨维汉、罗沙）法律制度如何让天更蓝、水更绿、土更净？各界高度关注的生态环境法典编纂迈出关键一步，法典草案27日提请十四届全国人大常委会第十五次会议审议。</p>
            <p>草案共五编，包括总则编、污染防治编、生态保护编、绿色低碳发展编和法律责任与附则编，共一千二百余条。</p>
            <p>专家表示，生态环境法典的编纂，将为美丽中国建设提供更加有力的法治保障。这是继民法典之后，我国第二部以“法典”命名的法律。</p>
            """;
    private static final String NAV = """
            <div class="nav"><a href="/">首页</a> | <a href="/a">新闻</a> | <a href="/b">财经</a> | <a href="/c">体育</a>
            | <a href="/d">娱乐</a> | <a href="/e">科技</a></div>
            """;
    private static final String RELATED = """
            <div class="related"><h3>相关新闻</h3><ul>
            <li><a href="/1">全国人大常委会第十五次会议在京举行，审议多部法律草案</a></li>
            <li><a href="/2">生态环境部：持续深入打好污染防治攻坚战，推动绿色发展</a></li>
            <li><a href="/3">两会观察：法治中国建设迈出新步伐，人民群众获得感增强</a></li></ul></div>
            <div class="footer">版权所有 © 2025 某某网 京ICP备12345678号 联系我们 广告服务</div>
            """;

    private static Article one(byte[] bytes, Optional<URI> url) {
        Extraction e = EXTRACTOR.extract(new RawDocument("test.html", bytes, url, Optional.empty()));
        assertThat(e).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) e).articles().get(0);
    }

    private static Article one(String html) {
        return one(html.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    @Test
    void jsonLdComesFirst() {
        String html = """
                <html><head><title>法典草案提请审议_新闻_某某网</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"某某网"},
                 {"@type":"NewsArticle","headline":"生态环境法典草案提请审议","datePublished":"2025-04-27T09:15:00+08:00",
                  "author":[{"@type":"Person","name":"杨维汉"},{"@type":"Person","name":"罗沙"}],
                  "url":"https://news.example.cn/2025/0427/a.html",}]}
                </script></head><body>""" + NAV + "<h1>生态环境法典草案提请审议</h1><div class=\"content\">"
                + PARAGRAPHS + "</div>" + RELATED + "</body></html>";
        Article a = one(html);

        assertThat(a.title()).isEqualTo("生态环境法典草案提请审议");
        assertThat(a.published()).hasValueSatisfying(t ->
                assertThat(t.toOffsetDateTime()).hasToString("2025-04-27T09:15+08:00"));
        assertThat(a.author()).contains("杨维汉、罗沙");
        assertThat(a.canonicalUrl()).contains(URI.create("https://news.example.cn/2025/0427/a.html"));
        assertThat(a.source()).contains("新华社"); // the dateline's agency, not the site
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.body()).doesNotContain("相关新闻", "首页", "版权所有");
        assertThat(a.teaser()).isFalse();
    }

    @Test
    void openGraphAndMetaWhenThereIsNoJsonLd() {
        String html = """
                <html><head><title>标题_某某网</title>
                <meta property="og:title" content="生态环境法典草案提请审议">
                <meta property="article:published_time" content="2025-04-27T01:15:00Z">
                <meta name="author" content="罗沙">
                <link rel="canonical" href="https://news.example.cn/a.html">
                </head><body>""" + NAV + "<div class=\"content\">" + PARAGRAPHS + "</div>" + RELATED + "</body></html>";
        Article a = one(html);

        assertThat(a.title()).isEqualTo("生态环境法典草案提请审议");
        assertThat(a.published()).hasValueSatisfying(t -> assertThat(t.toInstant()).hasToString("2025-04-27T01:15:00Z"));
        assertThat(a.author()).contains("罗沙");
        assertThat(a.canonicalUrl()).contains(URI.create("https://news.example.cn/a.html"));
    }

    @Test
    void densityFindsTheTextAndTheBylineGivesTheTime() {
        String html = "<html><head><title>生态环境法典草案提请审议 - 某某网</title></head><body>" + NAV
                + "<div class=\"main\"><h1>生态环境法典草案提请审议</h1>"
                + "<div class=\"info\">2025-04-27 09:15 来源：新华社 作者：罗沙</div>"
                + "<div id=\"text\">" + PARAGRAPHS + "<p>责任编辑：王五</p></div></div>"
                + "<div class=\"side\"><p>热门排行</p><ul><li><a href=\"/x\">某明星新片定档五一，观众期待已久</a></li>"
                + "<li><a href=\"/y\">2025-04-20 某地举办春季马拉松赛事</a></li></ul></div>" + RELATED + "</body></html>";
        Article a = one(html);

        assertThat(a.title()).isEqualTo("生态环境法典草案提请审议");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.paragraphs().get(0)).startsWith("新华社北京4月27日电");
        assertThat(a.body()).doesNotContain("责任编辑", "2025-04-27 09:15", "热门排行", "马拉松");
        assertThat(a.published()).contains(ZonedDateTime.of(2025, 4, 27, 9, 15, 0, 0, SHANGHAI));
        assertThat(a.source()).contains("新华社");
        assertThat(a.author()).contains("罗沙");
        assertThat(a.dateline()).hasValueSatisfying(
                d -> assertThat(DatelineParser.heading(d)).isEqualTo("新华社北京4月27日电"));
    }

    @Test
    void relativeTimesResolveAgainstNow() {
        String html = "<html><head><title>快讯</title></head><body><h1>快讯：某地发生小型地震</h1>"
                + "<div class=\"time\">3小时前 来源：中国地震台网</div><div class=\"content\">" + PARAGRAPHS
                + "</div></body></html>";
        Article a = one(html);

        assertThat(a.published()).contains(ZonedDateTime.of(2025, 4, 27, 9, 0, 0, 0, SHANGHAI));
    }

    @Test
    void gbkPageWithGb2312LabelKeepsCharactersOutsideGb2312() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>朱镕基与陶喆</title></head><body><h1>朱镕基与陶喆</h1><div class=\"content\">" + PARAGRAPHS
                + "<p>镕、喆两字不在GB2312里，按浏览器的做法用GB18030解码才不会丢字。</p></div></body></html>";
        Extraction e = EXTRACTOR.extract(RawDocument.ofFile("gbk.html", html.getBytes(Charset.forName("GB18030"))));

        assertThat(e).isInstanceOfSatisfying(Extraction.Extracted.class, ok -> {
            assertThat(ok.charset()).isEqualTo("GB18030");
            assertThat(ok.warnings()).doesNotContain(Extraction.Warning.UNDECODABLE_BYTES);
            assertThat(ok.articles().get(0).title()).isEqualTo("朱镕基与陶喆");
            assertThat(ok.articles().get(0).body()).contains("镕、喆两字").doesNotContain("\uFFFD");
        });
    }

    @Test
    void utf8BytesUnderALegacyLabelAreReadAsUtf8AndFlagged() {
        String html = "<html><head><meta charset=\"gb2312\"><title>标题</title></head><body><div class=\"content\">"
                + PARAGRAPHS + "</div></body></html>";
        Extraction e = EXTRACTOR.extract(RawDocument.ofFile("saved.html", html.getBytes(StandardCharsets.UTF_8)));

        assertThat(e).isInstanceOfSatisfying(Extraction.Extracted.class, ok -> {
            assertThat(ok.charset()).isEqualTo("UTF-8");
            assertThat(ok.warnings()).contains(Extraction.Warning.CHARSET_LABEL_WRONG);
            assertThat(ok.articles().get(0).body()).contains("生态环境法典");
        });
    }

    @Test
    void httpHeaderLabelBeatsTheMetaLabel() {
        String traditional = "<p>立法院今日三讀通過法案，各界高度關注的環境保護條例正式上路，專家表示將帶來深遠影響。</p>"
                + "<p>草案共五編，包括總則、污染防治與生態保護，共一千二百餘條。</p>";
        String html = "<html><head><meta charset=\"utf-8\"><title>標題</title></head><body><div class=\"content\">"
                + traditional + "</div></body></html>";
        byte[] big5 = html.getBytes(Charset.forName("Big5-HKSCS"));
        Extraction e = EXTRACTOR.extract(new RawDocument("tw.html", big5, Optional.empty(),
                Optional.of("text/html; charset=Big5")));

        assertThat(e).isInstanceOfSatisfying(Extraction.Extracted.class, ok -> {
            assertThat(ok.charset()).isEqualTo("Big5-HKSCS");
            assertThat(ok.articles().get(0).body()).contains("環境保護條例");
        });
    }

    @Test
    void shortExcerptCutWithEllipsisIsATeaser() {
        String html = "<html><head><title>列表</title></head><body><h1>法典草案提请审议</h1><div class=\"summary\">"
                + "<p>新华社北京4月27日电 各界高度关注的生态环境法典编纂迈出关键一步，法典草案27日提请审议，草案共五编……</p>"
                + "</div></body></html>";
        assertThat(one(html).teaser()).isTrue();
        assertThat(one("<html><body><div class=\"content\">" + PARAGRAPHS + "</div></body></html>").teaser()).isFalse();
    }

    @Test
    void aPageWithoutPicturesInItsTextOffersItsShareImage() {
        String html = "<html><head><title>图文</title><meta property=\"og:image\" content=\"/share/cover.png\"></head><body>"
                + NAV + "<div class=\"content\">" + PARAGRAPHS + "</div></body></html>";
        Article a = one(html.getBytes(StandardCharsets.UTF_8), Optional.of(URI.create("https://news.example.cn/2025/b.html")));
        assertThat(a.images()).extracting(i -> i.url().toString()).containsExactly("https://news.example.cn/share/cover.png");
        // a picture in the text wins over the share image
        String both = html.replace("</div></body>", "<p><img src=\"/img/in-text.jpg\" alt=\"会场\"></p></div></body>");
        Article b = one(both.getBytes(StandardCharsets.UTF_8), Optional.of(URI.create("https://news.example.cn/2025/b.html")));
        assertThat(b.images()).extracting(i -> i.url().toString()).containsExactly("https://news.example.cn/img/in-text.jpg");
    }

    @Test
    void imagesOfTheTextResolveAgainstThePageAddress() {
        String html = "<html><head><title>图文</title></head><body>" + NAV + "<div class=\"content\">" + PARAGRAPHS
                + "<p><img src=\"/img/a.jpg\" alt=\"会场\"></p></div></body></html>";
        Article a = one(html.getBytes(StandardCharsets.UTF_8), Optional.of(URI.create("https://news.example.cn/2025/a.html")));

        assertThat(a.images()).hasSize(1);
        assertThat(a.images().get(0).url()).isEqualTo(URI.create("https://news.example.cn/img/a.jpg"));
        assertThat(a.images().get(0).alt()).isEqualTo("会场");
        assertThat(a.canonicalUrl()).contains(URI.create("https://news.example.cn/2025/a.html"));
    }

    @Test
    void proseWrappedInAnUnclosedLinkIsStillText() {
        String html = "<html><head><title>论坛</title></head><body>" + NAV + "<table><tr><td><a href=\"/t\">"
                + PARAGRAPHS.replace("<p>", "").replace("</p>", "<br><br>") + "</td></tr></table>" + RELATED
                + "</body></html>";
        assertThat(one(html).body()).contains("生态环境法典的编纂", "第二部以“法典”命名的法律");
    }
}
