package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SourceParser#detect}: the root element decides, wherever it starts. */
class DocumentKindTest {
    private static DocumentKind kind(String doc) {
        return SourceParser.detect(doc.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static DocumentKind kind(byte[] doc, String contentType) {
        return SourceParser.detect(doc, Optional.ofNullable(contentType));
    }

    @Test
    void eachRootElementGivesItsKind() {
        assertThat(kind("<rss version=\"2.0\"><channel/></rss>")).isEqualTo(DocumentKind.RSS);
        assertThat(kind("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>")).isEqualTo(DocumentKind.RDF);
        assertThat(kind("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>"))
                .isEqualTo(DocumentKind.ATOM);
        assertThat(kind("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"))
                .isEqualTo(DocumentKind.SITEMAP);
        assertThat(kind("<sitemapindex><sitemap><loc>https://a.cn/s.xml</loc></sitemap></sitemapindex>"))
                .isEqualTo(DocumentKind.SITEMAP_INDEX);
        assertThat(kind("<opml version=\"2.0\"><body/></opml>")).isEqualTo(DocumentKind.OPML);
        assertThat(kind("<!DOCTYPE html><html><head><title>页</title></head></html>")).isEqualTo(DocumentKind.HTML);
        assertThat(kind("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"))
                .isEqualTo(DocumentKind.JSON_FEED);
    }

    @Test
    void aLongPrologBeforeTheRootIsSkipped() {
        String prolog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<!-- " + "生成器注释 ".repeat(300) + " -->\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>\n"
                + " \t\r\n".repeat(200);
        assertThat(prolog.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2048);
        assertThat(kind(prolog + "<rss version=\"2.0\"><channel/></rss>")).isEqualTo(DocumentKind.RSS);
        assertThat(kind("\uFEFF" + prolog + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"))
                .isEqualTo(DocumentKind.ATOM);
    }

    @Test
    void aDoctypeWithAnInternalSubsetIsSkippedToTheRoot() {
        // detection only: the parser itself still refuses DOCTYPEs
        assertThat(kind("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"x>y\">]><rss version=\"0.91\"/>"))
                .isEqualTo(DocumentKind.RSS);
    }

    @Test
    void utf16BodiesWithAndWithoutBomAreRead() {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss version=\"2.0\"><channel/></rss>";
        assertThat(kind(("\uFEFF" + doc).getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(DocumentKind.RSS);
        assertThat(kind(("\uFEFF" + doc).getBytes(StandardCharsets.UTF_16LE), null)).isEqualTo(DocumentKind.RSS);
        assertThat(kind(doc.getBytes(StandardCharsets.UTF_16LE), null)).isEqualTo(DocumentKind.RSS);
        assertThat(kind(doc.getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(DocumentKind.RSS);
    }

    @Test
    void rssMentionedInsideAnHtmlPageIsStillAPage() {
        String page = "<html><head><title>订阅</title></head><body><pre>&lt;rss version=\"2.0\"&gt;</pre>"
                + "<p><rss>不是订阅源</rss></p><!-- <feed> --></body></html>";
        assertThat(kind(page)).isEqualTo(DocumentKind.HTML);
        assertThat(kind("<!-- <rss> -->\n<!doctype html>\n<rss>x</rss>")).isEqualTo(DocumentKind.HTML);
        assertThat(kind("<div class=\"x\"><rss/></div>")).isEqualTo(DocumentKind.HTML);
    }

    @Test
    void gbkBytesBeforeTheRootDoNotConfuseTheScan() {
        byte[] doc = ("<?xml version=\"1.0\" encoding=\"gbk\"?><!-- 新闻中心 ><> --><rss version=\"2.0\"/>")
                .getBytes(Charset.forName("GBK"));
        assertThat(kind(doc, "text/xml; charset=gbk")).isEqualTo(DocumentKind.RSS);
    }

    @Test
    void jsonFeedNeedsItsVersionUrl() {
        assertThat(kind("  {\"title\": \"x\", \"version\" : \"http://jsonfeed.org/version/1\", \"items\": []}"))
                .isEqualTo(DocumentKind.JSON_FEED);
        assertThat(kind("{\"version\": \"1.1\", \"items\": []}")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(kind("[1, 2, 3]")).isEqualTo(DocumentKind.UNKNOWN);
    }

    @Test
    void rdfWithoutTheRssNamespaceIsNotAFeed() {
        assertThat(kind("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description/>"
                + "</rdf:RDF>")).isEqualTo(DocumentKind.UNKNOWN);
    }

    @Test
    void textAndOddInputAreUnknownOrHtmlByContentType() {
        assertThat(kind("标题\n正文，有逗号。")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(kind("just text".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"))
                .isEqualTo(DocumentKind.HTML);
        assertThat(kind(new byte[0], "application/rss+xml")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(kind("<?xml version=\"1.0\"?><!-- never closed")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(kind("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(kind(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, null)).isEqualTo(DocumentKind.UNKNOWN);
    }
}
