package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a real loopback server made "public" through the LAN allow-list setting. */
class FetcherTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TestHttpServer server;
    private FetchSettings settings;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        TestHttpServer.warmUp();
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestHttpServer(TestHttpServer.PUBLIC_STAND_IN);
        settings = TestHttpServer.impatient(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void fetchedPageKeepsOriginalBytesHeadersAndSendsOurUserAgent() {
        byte[] body = "<html><head><title>新闻</title></head></html>".getBytes(StandardCharsets.UTF_8);
        server.route("/p", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Type", "text/html; charset=utf-8", "ETag", "\"v1\"", "X-Ignored", "1"), body));
        FetchResult r = Fetcher.create(settings.withRobots(false)).fetch(server.url("/p"));
        assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.body()).isEqualTo(body);
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.etag()).contains("\"v1\"");
            assertThat(f.headers()).doesNotContainKey("x-ignored");
            assertThat(f.finalUrl().toString()).isEqualTo(server.url("/p"));
            assertThat(f.charset().source()).isEqualTo(CharsetDecision.Source.HEADER);
        });
        assertThat(server.requests.get(0).headers().get("user-agent"))
                .isEqualTo("Huixun/0.1 (+https://github.com/huixun)");
    }

    @Test
    void conditionalGetSendsValidatorsAndA304CarriesNoBody() {
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        server.route("/feed", (r, out) -> {
            if ("\"abc\"".equals(r.headers().get("if-none-match"))) {
                TestHttpServer.head(out, "HTTP/1.1 304 Not Modified\nETag: \"abc\"");
            } else {
                TestHttpServer.respond(out, 200, Map.of("ETag", "\"abc\"", "Last-Modified", lastModified),
                        "<rss/>".getBytes(StandardCharsets.US_ASCII));
            }
        });
        Fetcher fetcher = Fetcher.create(settings.withRobots(false));
        FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(server.url("/feed"));
        // a caller's store: written only on Fetched
        Map<String, byte[]> store = new java.util.HashMap<>();
        store.put(server.url("/feed"), first.body());
        FetchResult second = fetcher.fetch(FetchRequest.conditional(server.url("/feed"), first.etag(),
                first.lastModified()));
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        if (second instanceof FetchResult.Fetched f) {
            store.put(server.url("/feed"), f.body());
        }
        assertThat(store.get(server.url("/feed"))).isEqualTo("<rss/>".getBytes(StandardCharsets.US_ASCII));
        assertThat(server.requests.get(1).headers()).containsEntry("if-none-match", "\"abc\"")
                .containsEntry("if-modified-since", lastModified);
    }

    @Test
    void retryAfterInSecondsDefersTheHostAndIsHonouredWhenWaitingIsAllowed() {
        server.route("/busy", (r, out) -> {
            if (server.hits("/busy") == 1) {
                TestHttpServer.respond(out, 429, Map.of("Retry-After", "1"), new byte[0]);
            } else {
                TestHttpServer.respond(out, 200, Map.of(), "ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        Fetcher impatient = Fetcher.create(settings.withRobots(false));
        FetchResult first = impatient.fetch(server.url("/busy"));
        assertThat(first).isInstanceOfSatisfying(FetchResult.HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).isPresent();
        });
        FetchResult second = impatient.fetch(server.url("/busy"));
        assertThat(second).isInstanceOfSatisfying(FetchResult.Deferred.class,
                d -> assertThat(d.notBefore()).isAfter(Instant.now()));
        assertThat(server.hits("/busy")).isEqualTo(1);

        Fetcher patient = Fetcher.create(settings.withRobots(false).withPoliteness(Duration.ZERO,
                Duration.ofSeconds(3)));
        server.route("/busy2", (r, out) -> {
            if (server.hits("/busy2") == 1) {
                TestHttpServer.respond(out, 503, Map.of("Retry-After", "1"), new byte[0]);
            } else {
                TestHttpServer.respond(out, 200, Map.of(), "ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertThat(patient.fetch(server.url("/busy2"))).isInstanceOf(FetchResult.HttpError.class);
        assertThat(patient.fetch(server.url("/busy2"))).isInstanceOf(FetchResult.Fetched.class);
        List<TestHttpServer.Request> busy2 = server.requests.stream().filter(q -> q.target().equals("/busy2"))
                .toList();
        long gapNanos = busy2.get(1).receivedNanos() - busy2.get(0).receivedNanos();
        assertThat(Duration.ofNanos(gapNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).withNano(0);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at);
        server.route("/later", (r, out) -> TestHttpServer.respond(out, 503, Map.of("Retry-After", date),
                new byte[0]));
        Fetcher fetcher = Fetcher.create(settings.withRobots(false));
        FetchResult first = fetcher.fetch(server.url("/later"));
        assertThat(first).isInstanceOfSatisfying(FetchResult.HttpError.class,
                e -> assertThat(e.retryAfter()).contains(at.toInstant()));
        assertThat(fetcher.fetch(server.url("/other"))).isInstanceOfSatisfying(FetchResult.Deferred.class,
                d -> assertThat(d.notBefore()).isEqualTo(at.toInstant()));
    }

    @Test
    void robotsTxtIsObeyedCachedAndItselfAlwaysFetchable() {
        server.route("/robots.txt", TestHttpServer.text(200, "text/plain",
                "User-agent: *\nDisallow: /\n\nUser-agent: huixun\nDisallow: /private\n"));
        server.route("/public", TestHttpServer.text(200, "text/plain", "ok"));
        server.route("/private/x", TestHttpServer.text(200, "text/plain", "secret"));
        Fetcher fetcher = Fetcher.create(settings);
        assertThat(fetcher.fetch(server.url("/public"))).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetcher.fetch(server.url("/private/x"))).isInstanceOf(FetchResult.BlockedByRobots.class);
        assertThat(fetcher.fetch(server.url("/robots.txt"))).isInstanceOf(FetchResult.Fetched.class);
        assertThat(server.hits("/private/x")).isZero();
        assertThat(server.hits("/robots.txt")).isEqualTo(2); // once for the cache, once asked for directly
    }

    @Test
    void missingRobotsTxtAllowsAndUnreachableRobotsTxtDisallows() throws IOException {
        server.route("/page", TestHttpServer.text(200, "text/plain", "ok"));
        assertThat(Fetcher.create(settings).fetch(server.url("/page"))).isInstanceOf(FetchResult.Fetched.class);
        try (TestHttpServer broken = new TestHttpServer(TestHttpServer.PUBLIC_STAND_IN)) {
            broken.route("/robots.txt", TestHttpServer.text(500, "text/plain", "oops"));
            broken.route("/page", TestHttpServer.text(200, "text/plain", "ok"));
            assertThat(Fetcher.create(settings).fetch(broken.url("/page")))
                    .isInstanceOf(FetchResult.BlockedByRobots.class);
            assertThat(broken.hits("/page")).isZero();
        }
    }

    @Test
    void robotsTxtAnswering503WithRetryAfterDefersThePage() {
        server.route("/robots.txt", (r, out) -> TestHttpServer.respond(out, 503, Map.of("Retry-After", "30"),
                new byte[0]));
        server.route("/page", TestHttpServer.text(200, "text/plain", "ok"));
        FetchResult r = Fetcher.create(settings).fetch(server.url("/page"));
        assertThat(r).isInstanceOfSatisfying(FetchResult.Deferred.class,
                d -> assertThat(d.notBefore()).isAfter(Instant.now().plusSeconds(20)));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void gb2312LabelDecodesAsGb18030() {
        String text = "朱镕基与陶喆"; // 镕 and 喆 are outside GB2312
        byte[] bytes = ("<p>" + text + "</p>").getBytes(GB18030);
        server.route("/gb", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Type", "text/html; charset=gb2312"), bytes));
        FetchResult.Fetched f = (FetchResult.Fetched) Fetcher.create(settings.withRobots(false))
                .fetch(server.url("/gb"));
        assertThat(f.charset().charset()).isEqualTo(GB18030);
        assertThat(f.charset().label()).contains("gb2312");
        assertThat(f.text()).contains(text);
        assertThat(f.body()).isEqualTo(bytes);
    }

    @Test
    void charsetComesFromBomThenHeaderThenMetaThenDetection() {
        String text = "新华社北京4月27日电，国务院新闻办公室今天举行新闻发布会，介绍有关情况。";
        byte[] gbk = text.getBytes(GB18030);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
        byte[] meta = concat("<html><head><meta charset=\"gbk\"></head><body>".getBytes(StandardCharsets.US_ASCII),
                gbk);
        server.route("/bom", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Type", "text/html; charset=gbk"), bom));
        server.route("/meta", (r, out) -> TestHttpServer.respond(out, 200, Map.of("Content-Type", "text/html"),
                meta));
        server.route("/none", (r, out) -> TestHttpServer.respond(out, 200, Map.of(), gbk));
        server.route("/wrong-label", (r, out) -> TestHttpServer.respond(out, 200,
                Map.of("Content-Type", "text/html; charset=gb2312"), text.getBytes(StandardCharsets.UTF_8)));
        Fetcher fetcher = Fetcher.create(settings.withRobots(false));
        FetchResult.Fetched b = (FetchResult.Fetched) fetcher.fetch(server.url("/bom"));
        assertThat(b.charset().source()).isEqualTo(CharsetDecision.Source.BOM);
        assertThat(b.text()).isEqualTo(text);
        FetchResult.Fetched m = (FetchResult.Fetched) fetcher.fetch(server.url("/meta"));
        assertThat(m.charset().source()).isEqualTo(CharsetDecision.Source.META);
        assertThat(m.text()).endsWith(text);
        FetchResult.Fetched d = (FetchResult.Fetched) fetcher.fetch(server.url("/none"));
        assertThat(d.charset().source()).isEqualTo(CharsetDecision.Source.DETECTED);
        assertThat(d.text()).isEqualTo(text);
        FetchResult.Fetched w = (FetchResult.Fetched) fetcher.fetch(server.url("/wrong-label"));
        assertThat(w.charset().source()).isEqualTo(CharsetDecision.Source.VALID_UTF8_OVER_LABEL);
        assertThat(w.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:25/_HELO", "javascript:alert(1)",
        "data:text/html,<script>", "ftp://example.com/", "", "   ", "http://", "http:///path", "//example.com/",
        "http://exa mple.com/", "http://example.com/\r\nX-Injected: 1", "http://example.com/\u0000",
        "http://[::1", "http://example.com:99999/", "http://example.com:-1/", "http://ex%00ample.com/",
        "http://1.2.3.4.5/", "http://256.1.1.1/", "mailto:a@b.c", "about:blank"})
    void hostileUrlsAreInvalidNotCrashes(String url) {
        FetchResult r = Fetcher.create(settings).fetch(url);
        assertThat(r).as(url).isInstanceOfSatisfying(FetchResult.InvalidUrl.class,
                i -> assertThat(i.reason()).isNotBlank());
    }

    @Test
    void veryLongUrlIsInvalid() {
        String url = "http://example.com/" + "a".repeat(100_000);
        assertThat(Fetcher.create(settings).fetch(url)).isInstanceOfSatisfying(FetchResult.InvalidUrl.class,
                i -> assertThat(i.reason()).contains("longer than"));
    }

    @Test
    void redirectWithRawUtf8LocationReachesThePercentEncodedPath() {
        // "Connection: close" because this server closes after each answer: without it the client may send the
        // redirected request on the pooled connection just as the server closes it (a race CI once lost).
        server.route("/old", (r, out) -> {
            out.write("HTTP/1.1 301 Moved\r\nLocation: /新闻 今日\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.route("/%E6%96%B0%E9%97%BB%20%E4%BB%8A%E6%97%A5", TestHttpServer.text(200, "text/plain", "ok"));
        server.route("/empty", (r, out) -> TestHttpServer.head(out, "HTTP/1.1 204 No Content"));
        Fetcher fetcher = Fetcher.create(settings.withRobots(false));
        assertThat(fetcher.fetch(server.url("/old"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.finalUrl().getRawPath()).isEqualTo("/%E6%96%B0%E9%97%BB%20%E4%BB%8A%E6%97%A5"));
        // a 204 has no body even when the server keeps the connection open
        assertThat(fetcher.fetch(server.url("/empty"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.bodyLength()).isZero());
    }

    @Test
    void redirectToAnotherSchemeIsRefused() {
        server.route("/to-file", TestHttpServer.redirect(302, "file:///etc/passwd"));
        assertThat(Fetcher.create(settings.withRobots(false)).fetch(server.url("/to-file")))
                .isInstanceOfSatisfying(FetchResult.InvalidUrl.class,
                        i -> assertThat(i.reason()).contains("scheme"));
    }

    @Test
    void oneSharedFetcherServesManyThreads() throws Exception {
        server.route("/n", (r, out) -> TestHttpServer.respond(out, 200, Map.of(),
                r.target().getBytes(StandardCharsets.US_ASCII)));
        Fetcher fetcher = Fetcher.create(settings);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = "/n?i=" + i;
                futures.add(pool.submit(() -> fetcher.fetch(server.url(path))));
            }
            for (int i = 0; i < futures.size(); i++) {
                FetchResult r = futures.get(i).get();
                assertThat(r).isInstanceOf(FetchResult.Fetched.class);
                assertThat(((FetchResult.Fetched) r).text()).isEqualTo("/n?i=" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void hostIntervalSpacesRequestsToOneHost() {
        server.route("/s", TestHttpServer.text(200, "text/plain", "ok"));
        // A long interval and a wide margin: the server's receive times jitter by tens of milliseconds on a busy machine.
        Fetcher fetcher = Fetcher.create(settings.withRobots(false).withPoliteness(Duration.ofMillis(1000),
                Duration.ofSeconds(5)));
        for (int i = 0; i < 3; i++) {
            assertThat(fetcher.fetch(server.url("/s"))).isInstanceOf(FetchResult.Fetched.class);
        }
        for (int i = 1; i < 3; i++) {
            long gap = server.requests.get(i).receivedNanos() - server.requests.get(i - 1).receivedNanos();
            assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void waitingForTheHostsTurnDoesNotCountAgainstTheDeadline() {
        server.route("/t", TestHttpServer.text(200, "text/plain", "ok"));
        Fetcher fetcher = Fetcher.create(settings.withRobots(false)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800))
                .withPoliteness(Duration.ofMillis(1200), Duration.ofSeconds(5)));
        assertThat(fetcher.fetch(server.url("/t"))).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetcher.fetch(server.url("/t"))).isInstanceOf(FetchResult.Fetched.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
