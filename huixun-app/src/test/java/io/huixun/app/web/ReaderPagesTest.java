package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.dedup.Deduplicator;
import io.huixun.ingest.IngestProgress;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.OriginalContent;
import io.huixun.store.RecentFilter;
import io.huixun.store.SaveResult;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.reader.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's pages over real HTTP on a real installation: state buttons, two readers kept apart, lists, follows. */
class ReaderPagesTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static long sourceId;
    static String sourceUrl = "https://feeds.example.cn/xinhua.xml";

    @BeforeAll
    static void start() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestInstallations.sample(in, "fuyao-news.jsonl", 8);
        Installation installation = Installation.open(dir.resolve("data"));
        installation.pipeline().ingest(in.toString(), IngestProgress.NONE);
        sourceId = ((SourceAddResult.Added) installation.store().addSource(new NewSource("新华网", sourceUrl,
                SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)))).source().id();
        for (int i = 1; i <= 3; i++) {
            String body = "订阅源第" + i + "篇新闻正文，讲的是不同的事情，编号" + i * 7919 + "。";
            installation.store().save(new NewArticle(Optional.of("https://feeds.example.cn/a/" + i), OptionalLong.of(sourceId),
                    "新华网", "订阅源新闻" + i, Optional.of(ZonedDateTime.parse("2026-01-05T08:00:00+08:00").plusHours(i)),
                    false, new OriginalContent(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body, "[]",
                    Deduplicator.standard().fingerprint(body), OptionalLong.empty()));
        }
        site = TestSite.start(installation, Optional.empty(), (desk, auth) -> List.of(new LoginGuard(auth),
                new ReaderRoutes(installation.store(), desk, auth)));
        site.auth().accounts().add("reader1", Role.READER, "reader1-password");
        site.auth().accounts().add("reader2", Role.READER, "reader2-password");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    record Login(String cookie, String csrf) {
    }

    static Login login(String user) throws Exception {
        String cookie = AccountsWebTest.class.getName(); // placeholder replaced below
        HttpResponse<String> r = send("POST", "/login", "user=" + user + "&password=" + user + "-password", null, false);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/unread"));
        cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AdminAuth.COOKIE)).findFirst()
                .orElseThrow().split(";")[0];
        return new Login(cookie, site.auth().session(cookie.substring(cookie.indexOf('=') + 1)).orElseThrow().csrf());
    }

    static HttpResponse<String> send(String method, String path, String form, String cookie, boolean htmx)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path));
        if (method.equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form == null ? "" : form));
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long someArticle(int n) {
        return site.installation().store().listRecent(RecentFilter.CANONICAL, n, 1).get(0).id();
    }

    @Test
    void twoReadersStateIsKeptApart() throws Exception {
        Login one = login("reader1");
        Login two = login("reader2");
        long id = someArticle(5);
        assertThat(send("GET", "/state/article/" + id, null, one.cookie(), true).body()).contains("标为已读").contains("☆");

        HttpResponse<String> read = send("POST", "/state/article/" + id + "/read", "csrf=" + one.csrf(), one.cookie(), true);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("标为未读").contains("id=\"state-" + id + "\"");
        HttpResponse<String> star = send("POST", "/state/article/" + id + "/star", "csrf=" + one.csrf(), one.cookie(), true);
        assertThat(star.body()).contains("★").contains("取消收藏");

        assertThat(send("GET", "/state/article/" + id, null, two.cookie(), true).body()).as("reader2 sees their own state")
                .contains("标为已读").contains("☆").doesNotContain("★");
        assertThat(send("GET", "/starred", null, one.cookie(), false).body()).contains("/article/" + id + "?");
        assertThat(send("GET", "/starred", null, two.cookie(), false).body()).doesNotContain("/article/" + id + "?")
                .contains("还没有收藏");

        long opened = someArticle(6);
        assertThat(send("GET", "/article/" + opened, null, two.cookie(), false).statusCode()).isEqualTo(200);
        long reader2 = site.auth().accounts().store().account("reader2").orElseThrow().id();
        assertThat(site.installation().store().readers().states(reader2, java.util.List.of(opened)).get(opened).read())
                .as("opening an article reads it").isTrue();
        assertThat(send("GET", "/state/article/" + opened, null, one.cookie(), true).body()).contains("标为已读");

        HttpResponse<String> plain = send("POST", "/state/article/" + id + "/unread", "csrf=" + one.csrf()
                + "&back=/starred", one.cookie(), false);
        assertThat(plain.statusCode()).as("a plain form goes back").isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/starred"));
    }

    @Test
    void actionsNeedALoginAndTheCsrfToken() throws Exception {
        Login one = login("reader1");
        long id = someArticle(1);
        assertThat(send("GET", "/unread", null, null, false).statusCode()).isEqualTo(303);
        assertThat(send("GET", "/following", null, null, false).statusCode()).isEqualTo(303);
        assertThat(send("POST", "/state/article/" + id + "/read", "csrf=x", null, true).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = send("POST", "/state/article/" + id + "/read", "csrf=wrong", one.cookie(), true);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("Session[");
        assertThat(send("GET", "/state/article/" + id, null, null, true).statusCode()).as("no buttons without a login")
                .isEqualTo(204);
    }

    @Test
    void followingASourceFillsTheUnreadListAndMarkAllEmptiesIt() throws Exception {
        Login two = login("reader2");
        assertThat(send("GET", "/unread", null, two.cookie(), false).body()).contains("还没有关注任何新闻源");
        HttpResponse<String> followed = send("POST", "/following", "csrf=" + two.csrf() + "&kind=SOURCE&target="
                + java.net.URLEncoder.encode(sourceUrl, StandardCharsets.UTF_8), two.cookie(), false);
        assertThat(followed.body()).contains("已关注：新华网");
        assertThat(send("POST", "/following", "csrf=" + two.csrf() + "&kind=SOURCE&target=99999", two.cookie(), false)
                .body()).contains("没有这个新闻源：99999");
        String unread = send("GET", "/unread", null, two.cookie(), false).body();
        assertThat(unread).contains("订阅源新闻1").contains("订阅源新闻2").contains("订阅源新闻3");
        String upto = unread.replaceAll("(?s).*name=\"upto\" value=\"(\\d+)\".*", "$1");
        assertThat(send("POST", "/unread/mark-all", "csrf=" + two.csrf() + "&upto=" + upto, two.cookie(), false)
                .statusCode()).isEqualTo(303);
        assertThat(send("GET", "/unread", null, two.cookie(), false).body()).contains("没有未读新闻了").doesNotContain("订阅源新闻");
    }

    @Test
    void theFollowingPageListsFollowsWithTheirFeeds() throws Exception {
        Login one = login("reader1");
        send("POST", "/following", "csrf=" + one.csrf() + "&kind=QUERY&target=" + java.net.URLEncoder.encode("新闻",
                StandardCharsets.UTF_8), one.cookie(), false);
        send("POST", "/saved-searches", "csrf=" + one.csrf() + "&name=n1&query=q1", one.cookie(), false);
        String page = send("GET", "/following", null, one.cookie(), false).body();
        assertThat(page).contains("搜索词").contains("/follows/feed.json?kind=QUERY&amp;target=%E6%96%B0%E9%97%BB")
                .contains("n1");
        assertThat(send("GET", "/following", null, login("reader2").cookie(), false).body()).doesNotContain("n1");

        HttpResponse<String> json = send("GET", "/follows/feed.json?kind=QUERY&target=%E6%96%B0%E9%97%BB", null, null, false);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/feed+json"));
        JsonNode feed = new ObjectMapper().readTree(json.body());
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("items").size()).isPositive();
        assertThat(feed.path("items").get(0).path("url").asText()).contains("/article/");
        HttpResponse<String> rss = send("GET", "/follows/feed.xml?kind=SOURCE&target=" + sourceId, null, null, false);
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.body()).startsWith("<?xml").contains("<rss");
        assertThat(send("GET", "/follows/atom.xml?kind=NOPE&target=x", null, null, false).statusCode()).isEqualTo(400);
    }

    @Test
    void keywordAlertsAreAddedOnTheFollowingPage() throws Exception {
        Login one = login("reader1");
        HttpResponse<String> bad = send("POST", "/alerts", "csrf=" + one.csrf() + "&query=q&url=" + java.net.URLEncoder.encode(
                "javascript:alert(1)", StandardCharsets.UTF_8), one.cookie(), false);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Webhook 网址必须是 http 或 https 网址");
        assertThat(send("POST", "/alerts", "csrf=" + one.csrf() + "&query=" + java.net.URLEncoder.encode("芯片",
                StandardCharsets.UTF_8) + "&url=" + java.net.URLEncoder.encode("https://hooks.example.cn/x",
                StandardCharsets.UTF_8), one.cookie(), false).statusCode()).isEqualTo(303);
        assertThat(send("GET", "/following", null, one.cookie(), false).body()).contains("https://hooks.example.cn/x");
        assertThat(send("GET", "/following", null, login("reader2").cookie(), false).body())
                .doesNotContain("https://hooks.example.cn/x");
    }
}
