package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceUrlTest {

    @ParameterizedTest
    @CsvSource({
            "' https://www.news.cn/rss.xml ', https://www.news.cn/rss.xml, www.news.cn",
            "http://127.0.0.1:8080/feed?x=1#top, http://127.0.0.1:8080/feed?x=1#top, 127.0.0.1",
            "HTTPS://News.CN/rss, HTTPS://News.CN/rss, News.CN",
            // java.net.URI finds no host in these; the fetcher does (both copies before refused them)
            "https://新华网.cn/rss, https://新华网.cn/rss, 新华网.cn",
            "https://my_site.example.cn/rss, https://my_site.example.cn/rss, my_site.example.cn"})
    void anHttpUrlIsKeptAsTypedAndNamesItsHost(String typed, String uri, String host) {
        assertThat(SourceUrl.read(typed)).isEqualTo(new SourceUrl.Fetchable(URI.create(uri), host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://www.news.cn/rss.xml", "mailto:news@x.cn", "www.news.cn/rss", "http:/x.cn/rss",
            "http:///rss", "file:///etc/passwd", "javascript:alert(1)"})
    void otherSchemesAndHostlessUrlsAreNotHttp(String typed) {
        assertThat(SourceUrl.read(typed)).isInstanceOf(SourceUrl.NotHttp.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bad host/rss", "http://x.cn/a b", "http://[::1/rss", "http://x.cn:99999/rss",
            "http://x.cn:port/", "http://1.2.3.4.5/", "http://x.cn/\u0007", "http://%zz.cn/", "https://a..b$.cn/"})
    void brokenHttpUrlsAreNotUrlsWithAReason(String typed) {
        // before, the copies took some of these as URLs (java.net.URI parses http://x.cn:99999/ and a bad host
        // as a registry name): now what is accepted is what the fetcher can request
        assertThat(SourceUrl.read(typed)).isInstanceOfSatisfying(SourceUrl.NotUrl.class,
                no -> assertThat(no.reason()).startsWith("URL "));
    }
}
