package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Sitemaps and sitemap indexes (sitemaps.org protocol 0.9, Google News sitemaps). */
class SitemapTest {
    private static final URI LOCATION = URI.create("https://news.example.cn/sitemap.xml");

    private static Sitemap parse(byte[] doc, URI location) {
        ParseResult<Sitemap> r = SourceParser.sitemap(doc, location);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<Sitemap>) r).value();
    }

    @Test
    void anIndexWithALongPrologGivesItsChildrenAndNoPages() {
        String doc = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--" + " 站点地图".repeat(200) + "-->\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"/sitemap.xsl\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "<sitemap><loc>https://news.example.cn/sitemap.xml</loc></sitemap>\n"
                + "<sitemap><loc> https://news.example.cn/sitemap-2025-04.xml </loc><lastmod>2025-04-27</lastmod></sitemap>\n"
                + "<sitemap><loc>https://news.example.cn/sitemap-news.xml.gz</loc></sitemap>\n"
                + "</sitemapindex>";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        assertThat(SourceParser.detect(bytes, Optional.empty())).isEqualTo(DocumentKind.SITEMAP_INDEX);
        Sitemap s = parse(bytes, LOCATION);
        assertThat(s.index()).isTrue();
        assertThat(s.articlePages()).isEmpty();
        assertThat(s.childSitemaps()).containsExactly(URI.create("https://news.example.cn/sitemap-2025-04.xml"),
                URI.create("https://news.example.cn/sitemap-news.xml.gz"));
    }

    @Test
    void aGzippedIndexIsRead() throws IOException {
        String doc = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>https://news.example.cn/s1.xml</loc></sitemap></sitemapindex>";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(doc.getBytes(StandardCharsets.UTF_8));
        }
        Sitemap s = parse(gz.toByteArray(), URI.create("https://news.example.cn/sitemap.xml.gz"));
        assertThat(s.childSitemaps()).containsExactly(URI.create("https://news.example.cn/s1.xml"));
    }

    @Test
    void aUrlsetListingItselfAndOtherSitemapsYieldsOnlyArticles() {
        String doc = """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.example.cn/sitemap.xml</loc></url>
                <url><loc>https://news.example.cn/sitemaps/sitemap_2.xml</loc></url>
                <url><loc>https://news.example.cn/2025/04/27/a1.shtml</loc><lastmod>2025-04-27T10:35:00+08:00</lastmod>
                  <news:news><news:publication><news:name>示例新闻</news:name><news:language>zh-cn</news:language></news:publication>
                  <news:publication_date>2025-04-27T10:30:00+08:00</news:publication_date>
                  <news:title>国务院新闻办举行发布会</news:title></news:news></url>
                <url><loc>https://news.example.cn/2025/04/27/a2.shtml</loc></url>
                </urlset>
                """;
        Sitemap s = parse(doc.getBytes(StandardCharsets.UTF_8), LOCATION);
        assertThat(s.index()).isFalse();
        assertThat(s.pages()).hasSize(4);
        assertThat(s.articlePages()).extracting(e -> e.url().toString()).containsExactly(
                "https://news.example.cn/2025/04/27/a1.shtml", "https://news.example.cn/2025/04/27/a2.shtml");
        assertThat(s.childSitemaps()).containsExactly(URI.create("https://news.example.cn/sitemaps/sitemap_2.xml"));
        assertThat(s.isSitemapUrl(URI.create("http://NEWS.example.cn/sitemap.xml#top"))).isTrue();
        assertThat(s.isSitemapUrl(URI.create("https://news.example.cn/sitemap.php?page=2"))).isTrue();
        assertThat(s.isSitemapUrl(URI.create("https://news.example.cn/help/sitemap-guide.html"))).isFalse();
        assertThat(s.isSitemapUrl(URI.create("https://news.example.cn/sitemap/"))).isFalse();
        SitemapEntry first = s.articlePages().get(0);
        assertThat(first.news()).hasValueSatisfying(n -> {
            assertThat(n.title()).isEqualTo("国务院新闻办举行发布会");
            assertThat(n.publication()).isEqualTo("示例新闻");
            assertThat(n.published()).isPresent();
        });
    }
}
