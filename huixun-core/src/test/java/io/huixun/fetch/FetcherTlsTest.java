package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against Jetty servers with certificates from a CA made for this run: trusted works (over HTTP/2 when ALPN
 * offers it), and an unknown CA, an expired certificate and a certificate for another name each fail with their own
 * kind and sentence.
 */
class FetcherTlsTest {
    private static TestCa ca;
    private static JettyTestServer good;
    private static FetchSettings trusting;

    @BeforeAll
    static void start() throws Exception {
        ca = new TestCa("Huixun test CA");
        good = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN, ca.serverKeyStore(TestHttpServer.PUBLIC_STAND_IN));
        good.route("/robots.txt", r -> JettyTestServer.Answer.text("User-agent: *\nDisallow: /private\n"));
        good.route("/news", r -> JettyTestServer.Answer.text("新闻"));
        trusting = TestHttpServer.impatient(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withExtraTrust(List.of(ca.certificate));
    }

    @AfterAll
    static void stop() throws Exception {
        good.close();
    }

    @Test
    void trustedCertificateWorksOverHttp2AndRobotsTxtSharesTheConnection() {
        int acceptedBefore = good.accepted.get();
        long robotsBefore = good.hits("/robots.txt");
        try (Fetcher fetcher = Fetcher.create(trusting)) {
            FetchResult r = fetcher.fetch(good.url("/news"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class,
                    f -> assertThat(f.text()).isEqualTo("新闻"));
            assertThat(fetcher.fetch(good.url("/private/x"))).isInstanceOf(FetchResult.BlockedByRobots.class);
        }
        assertThat(good.seen).extracting(JettyTestServer.Seen::protocol).containsOnly("HTTP/2.0");
        assertThat(good.hits("/robots.txt") - robotsBefore).isEqualTo(1);
        // robots.txt and both pages on one connection
        assertThat(good.accepted.get() - acceptedBefore).isEqualTo(1);
    }

    @Test
    void unknownCaIsUntrusted() {
        try (Fetcher fetcher = Fetcher.create(trusting.withExtraTrust(List.of()).withRobots(false))) {
            FetchResult r = fetcher.fetch(good.url("/news"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FetchResult.Failure.TLS_UNTRUSTED);
                assertThat(f.describe()).contains("not signed by a trusted CA").doesNotContain("Exception");
                assertThat(f.outcome()).isEqualTo("tls");
            });
        }
        // with robots.txt obeyed, the same failure arrives as robots.txt being unavailable, cause included
        try (Fetcher fetcher = Fetcher.create(trusting.withExtraTrust(List.of()))) {
            FetchResult r = fetcher.fetch(good.url("/news"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.BlockedByRobots.class, b -> {
                assertThat(b.why()).isEqualTo(FetchResult.RobotsBlock.UNAVAILABLE);
                assertThat(b.describe()).startsWith("robots.txt unavailable (TLS certificate of")
                        .endsWith("retrying after 10 min");
                assertThat(b.outcome()).isEqualTo("robots_unavailable");
            });
        }
    }

    @Test
    void expiredCertificateSaysExpired() throws Exception {
        Instant now = Instant.now();
        try (JettyTestServer expired = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN,
                ca.serverKeyStore(TestHttpServer.PUBLIC_STAND_IN, now.minus(Duration.ofDays(10)),
                        now.minus(Duration.ofDays(1))));
             Fetcher fetcher = Fetcher.create(trusting.withRobots(false))) {
            FetchResult r = fetcher.fetch(expired.url("/news"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FetchResult.Failure.TLS_EXPIRED);
                assertThat(f.describe()).contains("expired");
            });
            assertThat(expired.seen).isEmpty();
        }
    }

    @Test
    void certificateForAnotherNameSaysWrongHost() throws Exception {
        try (JettyTestServer other = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN,
                ca.serverKeyStore("news.example.org"));
             Fetcher fetcher = Fetcher.create(trusting.withRobots(false))) {
            FetchResult r = fetcher.fetch(other.url("/news"));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FetchResult.Failure.TLS_WRONG_HOST);
                assertThat(f.describe()).contains("not for " + TestHttpServer.PUBLIC_STAND_IN);
            });
            assertThat(other.seen).isEmpty();
        }
    }
}
