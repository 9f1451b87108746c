package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.TestInstallations;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** The web server on loopback over a real installation: pages, API, feeds, errors, login, headers. */
class WebServerTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @BeforeAll
    static void start() throws Exception {
        Path in = TestInstallations.samples(dir, 20);
        Files.writeString(in.resolve("hostile.jsonl"), "{\"title\":\"恶意标题" + HOSTILE.replace("\"", "\\\"")
                + "\",\"body\":\"正文开头。" + HOSTILE.replace("\"", "\\\"") + "<a href=\\\"javascript:alert(2)\\\">链接</a>\","
                + "\"url\":\"javascript:alert(3)\",\"date\":\"2026-01-05\",\"source\":\"<b>坏来源</b>\"}\n");
        site = TestSite.start(TestInstallations.ingested(dir, in), Optional.of("s3cret-pass"),
                (desk, auth) -> List.of(new LoginGuard(auth)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long articleId(String titlePart) throws Exception {
        JsonNode r = JSON.readTree(get("/api/search?q=" + enc(titlePart) + "&limit=1").body());
        return r.path("hits").get(0).path("id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?category=" + "%E7%BB%8F%E6%B5%8E", "/search?q=%E6%B5%B7%E5%8D%97", "/sources",
            "/login", "/health", "/api/openapi.json", "/api/articles", "/api/sources", "/nope", "/article/999999",
            "/article/abc", "/story/none", "/api/articles/999", "/search?q=a&page=x", "/search?q=%22open"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isLessThan(500);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void unknownIdsGiveA404PageAndBadParametersA400WithAMessage() throws Exception {
        assertThat(get("/article/999999").statusCode()).isEqualTo(404);
        assertThat(get("/article/999999").body()).contains("没有找到这个页面");
        assertThat(get("/api/articles/999").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/api/articles/999").body()).path("error").path("message").asText())
                .contains("999");
        HttpResponse<String> badPage = get("/search?q=a&page=x");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("参数 page 须为整数");
        HttpResponse<String> longQuery = get("/search?q=" + "长".repeat(10_000));
        assertThat(longQuery.statusCode()).isEqualTo(400);
        assertThat(longQuery.body()).contains("搜索词太长");
        assertThat(get("/api/search?q=*").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=foo:bar").body()).contains("unknown field");
        assertThat(get("/api/search?limit=1000&q=a").statusCode()).isEqualTo(400);
    }

    @Test
    void apiSearchAnswersTheDocumentedShapeAndFindsAcrossScripts() throws Exception {
        JsonNode simplified = JSON.readTree(get("/api/search?q=" + enc("中亚外长") + "&limit=5").body());
        assertThat(simplified.path("total").asLong()).isPositive();
        JsonNode hit = simplified.path("hits").get(0);
        for (String field : new String[] {"id", "url", "title", "source", "published", "snippet"}) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        JsonNode traditional = JSON.readTree(get("/api/search?q=" + enc("中亞外長") + "&limit=5").body());
        assertThat(traditional.path("hits").get(0).path("id").asLong()).isEqualTo(hit.path("id").asLong());
        assertThat(traditional.path("hits").get(0).path("title").asText()).contains("中亚");
    }

    @Test
    void articlePageSwitchesScriptAndShowsWhatWasRepaired() throws Exception {
        long lead = articleId("中国—中亚外长举行第六次会晤");
        String simplified = get("/article/" + lead).body();
        assertThat(simplified).contains("当地时间2025年4月26日").contains("王毅");
        String traditional = get("/article/" + lead + "?lang=zh-Hant").body();
        assertThat(traditional).contains("當地時間2025年4月26日").contains("中亞");
        String repairs = get("/article/" + lead + "?repairs=1").body();
        assertThat(repairs).contains("<del>").contains("(dāng)");
        // the text itself, with each repair marked where it was made: the removed pinyin struck, the character kept
        org.jsoup.nodes.Element marked = org.jsoup.Jsoup.parse(repairs).selectFirst("div.marked");
        assertThat(marked).isNotNull();
        assertThat(marked.select("span.fix del").eachText()).anyMatch(t -> t.contains("(dāng)"));
        assertThat(marked.select("span.fix").first().attr("title")).isNotBlank().doesNotContain("_");
        // without the struck originals, the marked text is the article's text
        marked.select("del").remove();
        assertThat(marked.text().replaceAll("\\s", "")).contains("当地时间2025年4月26日");
    }

    @Test
    void hostileContentIsShownAsTextNeverAsMarkup() throws Exception {
        long id = articleId("恶意标题");
        String page = get("/article/" + id).body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>坏来源")
                .doesNotContainPattern("<a[^>]+href=\"javascript:");
        assertThat(page).contains("&lt;script&gt;");
        String search = get("/search?q=" + enc("恶意标题")).body();
        assertThat(search).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void feedsAreWellFormedRssAndAtomWithLinksAndDates() throws Exception {
        for (String path : new String[] {"/feed.xml", "/feed.xml?q=" + enc("人工智能"), "/atom.xml"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            boolean atom = path.startsWith("/atom");
            var items = doc.getElementsByTagNameNS("*", atom ? "entry" : "item");
            assertThat(items.getLength()).as(path).isPositive();
            org.w3c.dom.Element first = (org.w3c.dom.Element) items.item(0);
            String link = atom ? ((org.w3c.dom.Element) first.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href")
                    : first.getElementsByTagName("link").item(0).getTextContent();
            assertThat(link).as(path).startsWith("http://").contains("/article/");
            if (!atom) {
                assertThat(doc.getElementsByTagName("pubDate").getLength()).isPositive();
            }
        }
    }

    @Test
    void addingASourceNeedsALoginAndTheFormsCsrfToken() throws Exception {
        String url = "https://news.example.cn/feed.xml";
        assertThat(post("/sources", "url=" + enc(url), null).statusCode()).isEqualTo(403);
        assertThat(post("/login", "user=admin&password=wrong", null).statusCode()).isEqualTo(401);
        HttpResponse<String> login = post("/login", "user=admin&password=s3cret-pass", null);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AdminAuth.COOKIE))
                .findFirst().orElseThrow().split(";")[0];
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(post("/sources", "url=" + enc(url), cookie).statusCode()).isEqualTo(403);
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(site.base() + "/sources"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> added = post("/sources", "csrf=" + enc(csrf) + "&url=" + enc(url), cookie);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("已添加新闻源 #").contains(url);
        assertThat(site.installation().store().listSources()).anyMatch(s -> s.url().equals(url));
        HttpResponse<String> hostileUrl = post("/sources", "csrf=" + enc(csrf) + "&url=" + enc("javascript:alert(1)"), cookie);
        assertThat(hostileUrl.body()).contains("只有 http 和 https 网址可以作为新闻源");
    }

    @Test
    void healthAndMetricsReport() throws Exception {
        JsonNode health = JSON.readTree(get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("articles").asLong()).isEqualTo(site.installation().store().count());
        get("/");
        assertThat(get("/metrics").body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void frontPageShowsLeadsWithSummariesAndLatestNews() throws Exception {
        String page = get("/").body();
        assertThat(page).contains("要闻").contains("最新").contains("class=\"story\"").contains("class=\"summary\"");
        String english = get("/?lang=en").body();
        assertThat(english).contains("Top stories").contains("Latest");
    }

    @Test
    void anApiTokenOpensTheApiButNotThePages() throws Exception {
        var admin = site.installation().store().readers().account("admin").orElseThrow();
        String token = AdminAuth.issueToken(site.installation().store().readers(), admin, Clock.systemUTC());
        java.util.function.BiFunction<String, String, HttpResponse<String>> as = (path, header) -> {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path));
                if (header != null) {
                    b.header("Authorization", header);
                }
                return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> ok = as.apply("/api/sources", "Bearer " + token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"sources\"");
        assertThat(as.apply("/api/sources", "bearer " + token).statusCode()).isEqualTo(200);
        assertThat(as.apply("/api/sources", "Bearer " + token + "x").statusCode()).isEqualTo(401);
        assertThat(as.apply("/api/sources", "Basic " + token).statusCode()).isEqualTo(401);
        assertThat(as.apply("/api/sources", null).statusCode()).isEqualTo(401);
        assertThat(as.apply("/sources", "Bearer " + token).statusCode()).as("pages need a browser login").isEqualTo(303);
        String replaced = AdminAuth.issueToken(site.installation().store().readers(), admin, Clock.systemUTC());
        assertThat(as.apply("/api/sources", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(as.apply("/api/sources", "Bearer " + replaced).statusCode()).isEqualTo(200);
    }
}
