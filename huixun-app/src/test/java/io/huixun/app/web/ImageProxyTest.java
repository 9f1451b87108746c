package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image proxy against a real loopback image host that refuses hot-linking (any request with a Referer gets 403),
 * as many Chinese news sites do.
 */
class ImageProxyTest {
    @TempDir
    static Path dir;
    static HttpServer origin;
    static Installation installation;
    static WebServer server;
    static WebServer guarded;
    static ImageProxy proxy;
    static ImageProxy strictProxy;
    static final AtomicInteger PIC_HITS = new AtomicInteger();
    static byte[] png;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xCC0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        png = out.toByteArray();
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/pic.png", ex -> {
            if (ex.getRequestHeaders().containsKey("Referer")) {
                reply(ex, 403, "text/html", "<h1>盗链禁止</h1>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            PIC_HITS.incrementAndGet();
            reply(ex, 200, "application/octet-stream", png); // as many CDNs label pictures
        });
        origin.createContext("/huge.jpg", ex -> {
            byte[] big = new byte[6 << 20];
            big[0] = (byte) 0xFF;
            big[1] = (byte) 0xD8;
            big[2] = (byte) 0xFF;
            reply(ex, 200, "image/jpeg", big);
        });
        origin.createContext("/page.html", ex -> reply(ex, 200, "text/html; charset=utf-8",
                "<html><body>不是图片</body></html>".getBytes(StandardCharsets.UTF_8)));
        origin.createContext("/liar.png", ex -> reply(ex, 200, "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        origin.createContext("/feed.xml", ex -> reply(ex, 200, "application/rss+xml; charset=utf-8", FEED
                .replace("$BASE", originUrl("")).getBytes(StandardCharsets.UTF_8)));
        origin.start();
        installation = io.huixun.app.TestInstallations.openForLoopback(dir.resolve("data"));
        AdminAuth auth = AdminAuth.open(installation.store().readers(), "admin", Optional.of("s3cret-pass"),
                Clock.systemUTC());
        FetchSettings loopbackAllowed = FetchSettings.defaults()
                .withAddressPolicy(AddressPolicy.standard().allowing(List.of("127.0.0.0/8")));
        proxy = ImageProxy.open(dir.resolve("data"), installation.store(), loopbackAllowed);
        server = LoopbackServer.start(new LocalNewsDesk(installation), auth, proxy);
        strictProxy = ImageProxy.open(dir.resolve("strict"), installation.store(), FetchSettings.defaults());
        guarded = LoopbackServer.start(new LocalNewsDesk(installation), auth, strictProxy);
    }

    static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterAll
    static void stop() {
        server.close();
        guarded.close();
        proxy.close();
        strictProxy.close();
        installation.close();
        origin.stop(0);
    }

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>图片日报</title>
            <link>$BASE/</link><description>d</description>
            <item><title>三峡库区今春首批候鸟抵达</title><link>$BASE/a/1.html</link>
            <pubDate>Sun, 27 Apr 2025 19:30:00 +0800</pubDate>
            <description><![CDATA[<p>新华社重庆4月27日电 记者今天从三峡库区获悉，今春首批候鸟已经抵达库区湿地，数量比去年同期增加两成。</p>
            <p>当地保护站工作人员介绍，近年来库区生态持续改善，越来越多的候鸟选择在这里停歇和越冬。</p>]]></description>
            <media:thumbnail url="$BASE/pic.png?from=feed"/>
            <enclosure url="$BASE/talk.mp3" type="audio/mpeg" length="1234"/>
            </item></channel></rss>""";

    static String originUrl(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    static HttpResponse<byte[]> get(WebServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void loadsAHotLinkProtectedImageWithoutRefererAndCachesItOnDisk() throws Exception {
        String url = originUrl("/pic.png");
        // What a browser showing our page would do: send our page as Referer, and be refused.
        HttpResponse<byte[]> hotLinked = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Referer", LoopbackServer.base(server) + "/").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(hotLinked.statusCode()).isEqualTo(403);

        int before = PIC_HITS.get();
        HttpResponse<byte[]> first = get(server, proxy.signer().path(url));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(png);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(first.headers().firstValue("Cache-Control")).contains(ImageProxy.CACHE_CONTROL);
        assertThat(first.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(first.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<byte[]> second = get(server, proxy.signer().path(url));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(png);
        assertThat(PIC_HITS.get() - before).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir.resolve("data/image-cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".png"));
        }
    }

    @Test
    void refusesAnUnsignedOrWronglySignedUrlWithoutFetching() throws Exception {
        int before = PIC_HITS.get();
        String url = originUrl("/pic.png");
        String forged = "/img?u=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s=AAAAAAAAAAAAAAAAAAAAAA";
        String otherInstallations;
        try (io.huixun.store.ArticleStore other = io.huixun.store.sqlite.SqliteArticleStore.open(
                dir.resolve("another-installation.db"), io.huixun.store.sqlite.SqliteOptions.DEFAULT)) {
            otherInstallations = io.huixun.app.image.ImageSigner.of(dir.resolve("another-installation"), other).path(url);
        }
        for (String path : List.of(forged, "/img?u=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8), "/img",
                otherInstallations)) {
            HttpResponse<byte[]> r = get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(text(r)).contains("签名不符");
        }
        assertThat(PIC_HITS.get()).isEqualTo(before);
    }

    @Test
    void refusesAnImageOverTheSizeCap() throws Exception {
        HttpResponse<byte[]> r = get(server, proxy.signer().path(originUrl("/huge.jpg")));
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(text(r)).contains("图片太大").doesNotContain("TooLarge");
    }

    @Test
    void refusesWhatIsNotAnImageWhateverItsLabel() throws Exception {
        for (String path : List.of("/page.html", "/liar.png")) {
            HttpResponse<byte[]> r = get(server, proxy.signer().path(originUrl(path)));
            assertThat(r.statusCode()).as(path).isEqualTo(502);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(text(r)).contains("不是图片").doesNotContain("alert(1)");
        }
    }

    @Test
    void refusesAPrivateAddressUnlessAllowed() throws Exception {
        int before = PIC_HITS.get();
        HttpResponse<byte[]> r = get(guarded, strictProxy.signer().path(originUrl("/pic.png")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(text(r)).contains("不允许从这个地址取图片");
        assertThat(PIC_HITS.get()).isEqualTo(before);
    }

    @Test
    void cardsAndArticlesShowTheFeedsLeadImageThroughTheProxy() throws Exception {
        installation.pipeline().ingest(originUrl("/feed.xml"), io.huixun.ingest.IngestProgress.NONE);
        long id = installation.store().findByUrl(originUrl("/a/1.html")).orElseThrow().id();
        String front = text(get(server, "/"));
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img class=\"lead\" src=\"(/img\\?u=[^\"]+)\"")
                .matcher(front);
        assertThat(img.find()).as("a lead image on the front page's card").isTrue();
        String src = img.group(1).replace("&amp;", "&");
        assertThat(src).contains(java.net.URLEncoder.encode(originUrl("/pic.png?from=feed"), StandardCharsets.UTF_8));
        HttpResponse<byte[]> picture = get(server, src);
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.body()).isEqualTo(png);

        String article = text(get(server, "/article/" + id));
        assertThat(article).contains("<img class=\"lead\" src=\"" + img.group(1) + "\"");
        assertThat(article).contains("<audio controls preload=\"none\" src=\"" + originUrl("/talk.mp3") + "\"");
        assertThat(article).contains("附件");
    }
}
