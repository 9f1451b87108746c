package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.text.time.NewsZone;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two stages together: a feed with no encoding declaration, labelled Big5 only in the HTTP header, is fetched
 * and parsed with the fetcher's charset decision as the hint.
 */
class FeedOverHttpTest {

    @Test
    void headerCharsetReachesTheFeedParser() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>頻道</title><item><title>臺灣新聞標題</title>"
                + "<link>/a/1.shtml</link><pubDate>Sun, 27 Apr 2025 10:30:00 +0800</pubDate></item></channel></rss>";
        byte[] body = xml.getBytes(Charset.forName("Big5"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rss.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=big5");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Fetcher fetcher = Fetcher.create(FetchSettings.defaults().withRobots(false)
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .withPoliteness(Duration.ZERO, Duration.ZERO)
                    .withAddressPolicy(AddressPolicy.standard().allowing(List.of("127.0.0.1/32"))));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/rss.xml";
            FetchResult.Fetched f = (FetchResult.Fetched) fetcher.fetch(url);
            ParseResult<Feed> r = SourceParser.feed(f.body(), f.finalUrl(), Optional.of(f.charset().charset()),
                    NewsZone.DEFAULT);
            Feed feed = ((ParseResult.Parsed<Feed>) r).value();
            assertThat(feed.entries()).singleElement().satisfies(e -> {
                assertThat(e.title()).isEqualTo("臺灣新聞標題");
                assertThat(e.url().map(Object::toString)).contains(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/a/1.shtml");
            });
        } finally {
            server.stop(0);
        }
    }
}
