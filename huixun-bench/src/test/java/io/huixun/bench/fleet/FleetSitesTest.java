package io.huixun.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fleet's sites behave as their roles say, on their own loopback addresses, and count what they see. */
class FleetSitesTest {
    private static FleetPlan plan;
    private static final List<SiteServer> sites = new ArrayList<>();
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws IOException {
        // 8 hosts: ROBOTS, CRAWL_DELAY, FAIL_ALL, FAIL_FEEDS, STALL, DRIP, REFUSE, NORMAL; feed 0 on CRAWL_DELAY,
        // feeds 1..7 on the others in that order
        plan = FleetPlan.build(8, 8, 2, false, ArticleTexts.load(16, 7));
        for (FleetPlan.Host h : plan.hosts()) {
            sites.add(SiteServer.start(h, plan, 7, 1, null));
        }
    }

    @AfterAll
    static void stop() {
        sites.forEach(SiteServer::close);
    }

    private static SiteServer site(FleetPlan.Role role) {
        return sites.stream().filter(s -> s.host().role() == role).findFirst().orElseThrow();
    }

    private static HttpResponse<byte[]> get(SiteServer site, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(path))).header("Accept-Encoding", "gzip")
                .timeout(Duration.ofMillis(700)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) throws IOException {
        byte[] body = r.body();
        if (r.headers().firstValue("content-encoding").orElse("").equals("gzip")) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void reachableCountsOnlyFeedsThatAnswerAtAllowedPaths() {
        // feeds 0 (Crawl-delay), 1 (robots host, allowed path) and 7 (normal) answer: 3 feeds × 2 items
        assertThat(plan.reachable()).isEqualTo(6);
        assertThat(plan.hosts()).extracting(FleetPlan.Host::address).doesNotHaveDuplicates()
                .allMatch(a -> a.startsWith("127.77."));
    }

    @Test
    void robotsRulesAndCrawlDelayAreServed() throws Exception {
        assertThat(text(get(site(FleetPlan.Role.ROBOTS), "/robots.txt"))).contains("Disallow: /private/");
        assertThat(text(get(site(FleetPlan.Role.CRAWL_DELAY), "/robots.txt"))).contains("Crawl-delay: 2");
    }

    @Test
    void summaryFeedIsGzippedAndFullTextFeedCarriesContent() throws Exception {
        HttpResponse<byte[]> summary = get(site(FleetPlan.Role.ROBOTS), "/feeds/1.xml");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("content-encoding")).contains("gzip");
        String rss = text(summary);
        assertThat(rss.split("<item>", -1)).hasSize(3);
        assertThat(rss).doesNotContain("content:encoded>");
        String full = text(get(site(FleetPlan.Role.CRAWL_DELAY), "/feeds/0.xml"));
        assertThat(full).contains("<content:encoded>");
        FleetPlan.Article first = plan.feeds().get(0).items().get(0);
        String page = text(get(site(FleetPlan.Role.CRAWL_DELAY), first.pagePath()));
        assertThat(page).contains(first.text().title());
        first.text().paragraphs().forEach(p -> assertThat(page).contains(p.substring(0, 10)));
    }

    @Test
    void failingHostsAnswerErrorsAndOthersRefuseOrStall() throws Exception {
        assertThat(get(site(FleetPlan.Role.FAIL_ALL), "/robots.txt").statusCode()).isEqualTo(503);
        assertThat(get(site(FleetPlan.Role.FAIL_FEEDS), "/robots.txt").statusCode()).isEqualTo(404);
        assertThat(get(site(FleetPlan.Role.FAIL_FEEDS), "/feeds/3.xml").statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> get(site(FleetPlan.Role.REFUSE), "/robots.txt")).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> get(site(FleetPlan.Role.STALL), "/robots.txt"))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void sitesCountConnectionsAndSpacing() throws Exception {
        SiteServer normal = site(FleetPlan.Role.NORMAL);
        normal.resetStats();
        get(normal, "/feeds/7.xml");
        Thread.sleep(120);
        get(normal, "/nothing-here");
        HostStats.Snapshot seen = normal.stats().snapshot();
        assertThat(seen.requests()).isEqualTo(2);
        assertThat(seen.perKind()).containsEntry("feed", 1).containsEntry("other", 1);
        assertThat(seen.maxConnections()).isBetween(1, 2);
        assertThat(seen.minSpacingMillis()).isGreaterThanOrEqualTo(100);
    }
}
