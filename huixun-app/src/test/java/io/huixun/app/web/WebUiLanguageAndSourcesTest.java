package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 over HTTP on loopback against a real installation: the sources page (paging, states, local times, errors
 * as sentences, OPML import without a URL, refresh interval, export), the interface language of notices and
 * errors, Jetty's own error answers, the traditional views of names, grouped repairs and the paged article API.
 */
class WebUiLanguageAndSourcesTest {
    @TempDir
    static Path dir;
    static Installation installation;
    static WebServer server;
    static String cookie;
    static String csrf;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final int SOURCES = 250;

    @BeforeAll
    static void start() throws Exception {
        Path in = TestInstallations.samples(dir, 30);
        installation = TestInstallations.ingested(dir, in);
        for (int i = 1; i <= SOURCES; i++) {
            installation.store().addSource(new NewSource("来源" + i, "https://feeds.example.cn/" + i + ".xml",
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)));
        }
        AdminAuth auth = AdminAuth.open(installation.store().readers(), "admin", Optional.of("ui-pass"),
                Clock.systemUTC());
        server = LoopbackServer.start(new LocalNewsDesk(installation), auth, new LoginGuard(auth));
        HttpResponse<String> login = send("POST", "/login", "user=admin&password=ui-pass", null, null);
        cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AdminAuth.COOKIE))
                .findFirst().orElseThrow().split(";")[0];
        String page = get("/sources").body();
        csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    }

    @AfterAll
    static void stop() {
        server.close();
        installation.close();
    }

    static HttpResponse<String> send(String method, String path, String body, String contentType, String cookie)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LoopbackServer.base(server) + path));
        if (body != null) {
            b.header("Content-Type", contentType != null ? contentType : "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, cookie);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body as a browser sends it, with one file part. */
    static HttpResponse<String> multipart(String path, List<String[]> fields, String fileField, String fileName,
                                          String fileContent) throws Exception {
        String boundary = "----huixun" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        for (String[] f : fields) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/x-opml\r\n\r\n")
                .append(fileContent).append("\r\n--").append(boundary).append("--\r\n");
        return send("POST", path, b.toString(), "multipart/form-data; boundary=" + boundary, cookie);
    }

    static List<Long> rowIds(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-id=\"(\\d+)\"").matcher(page);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void theSourcesPageIsPagedAndThePagesCoverEverySourceOnce() throws Exception {
        String first = get("/sources").body();
        assertThat(rowIds(first)).hasSize(WebServer.SOURCES_PAGE);
        assertThat(first.length()).as("one page, not every source").isLessThan(200_000);
        assertThat(first).contains("共 " + installation.store().countSources() + " 个新闻源");
        Set<Long> seen = new HashSet<>();
        String page = first;
        int pages = 1;
        seen.addAll(rowIds(page));
        Matcher next;
        while ((next = Pattern.compile("rel=\"next\" href=\"(/sources\\?after=\\d+)\"").matcher(page)).find()) {
            page = get(next.group(1)).body();
            List<Long> ids = rowIds(page);
            assertThat(ids).isNotEmpty().allMatch(seen::add);
            pages++;
        }
        assertThat(seen).hasSize(installation.store().countSources());
        assertThat(pages).isEqualTo((installation.store().countSources() + 99) / 100);
        Matcher prev = Pattern.compile("rel=\"prev\" href=\"(/sources\\?before=\\d+)\"").matcher(page);
        assertThat(prev.find()).isTrue();
        assertThat(rowIds(get(prev.group(1)).body())).hasSize(WebServer.SOURCES_PAGE);
        assertThat(get("/sources?after=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void statesTimesAndErrorsAreShownAsAReaderReadsThem() throws Exception {
        long never = added("从未抓取的源", "https://never.example.cn/rss");
        long ok = added("正常的源", "https://ok.example.cn/rss");
        long old = added("旧错误的源", "https://old.example.cn/rss");
        installation.store().recordFetchSuccess(ok, Instant.parse("2026-12-03T04:05:00Z"), Instant.now());
        // An error text as an older version stored it: a Java record's toString.
        installation.store().recordFetchFailure(old, Instant.parse("2026-12-02T16:30:00Z"),
                "Failed[requestedUrl=https://old.example.cn/rss, url=https://old.example.cn/rss, kind=CONNECTION_REFUSED,"
                        + " reason=connection refused by 203.0.113.5:443]", Instant.now());
        String page = get("/sources?after=" + (never - 1)).body();
        String neverRow = row(page, never);
        assertThat(neverRow).contains("从未抓取").doesNotContain("✔");
        assertThat(row(page, ok)).contains("正常").contains(">2026-12-03 12:05<").doesNotContain(">2026-12-03T")
                .doesNotContain("04:05<");
        String oldRow = row(page, old);
        assertThat(oldRow).contains("连接被拒绝：203.0.113.5:443").contains("2026-12-03 00:30")
                .doesNotContain("Failed[").doesNotContain("requestedUrl");
        String english = get("/sources?lang=en&after=" + (never - 1)).body();
        assertThat(row(english, old)).contains("connection refused by 203.0.113.5:443").doesNotContain("Failed[");
        assertThat(row(english, never)).contains("Never fetched");
        get("/sources?lang=zh-Hans");
    }

    @Test
    void anOpmlFileIsImportedWithoutAUrlAndNamedByItsTitles() throws Exception {
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>我的订阅</title></head><body>
                <outline text="人民网国际" title="人民网国际" type="rss" xmlUrl="https://opml-a.example.cn/world.xml"/>
                <outline text="财经频道" type="rss" xmlUrl="https://opml-b.example.cn/finance.xml"/>
                </body></opml>
                """;
        HttpResponse<String> r = multipart("/sources", List.of(new String[]{"csrf", csrf}, new String[]{"url", ""},
                new String[]{"name", ""}, new String[]{"every", "45"}), "opmlfile", "subs.opml", opml);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("已从 OPML 导入 2 个新闻源（共 2 个；0 个已存在；0 个有问题）");
        List<Source> all = installation.store().listSources();
        assertThat(all).anySatisfy(s -> {
            assertThat(s.url()).isEqualTo("https://opml-a.example.cn/world.xml");
            assertThat(s.name()).isEqualTo("人民网国际");
            assertThat(s.refreshInterval()).isEqualTo(Duration.ofMinutes(45));
        });
        assertThat(all).anyMatch(s -> s.name().equals("财经频道"));
        // Neither a URL nor a file: a sentence, not a browser's "required" bubble or an exception.
        HttpResponse<String> nothing = multipart("/sources", List.of(new String[]{"csrf", csrf},
                new String[]{"url", ""}), "opmlfile", "", "");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("请填写网址，或选择一个 OPML 文件。");
        HttpResponse<String> badEvery = send("POST", "/sources", "csrf=" + enc(csrf) + "&url="
                + enc("https://x.example.cn/a.xml") + "&every=0", null, cookie);
        assertThat(badEvery.body()).contains("刷新间隔须为 1 到 10080 分钟的整数");
        assertThat(installation.store().listSources()).noneMatch(s -> s.url().equals("https://x.example.cn/a.xml"));
    }

    @Test
    void addingRenamingTheIntervalAndPausingSpeakTheReadersLanguage() throws Exception {
        HttpResponse<String> zh = send("POST", "/sources", "csrf=" + enc(csrf) + "&url="
                + enc("https://lang.example.cn/rss.xml") + "&name=" + enc("语言测试源") + "&every=15", null, cookie);
        assertThat(zh.body()).containsPattern("已添加新闻源 #\\d+：语言测试源").doesNotContain("added source");
        long id = installation.store().listSources().stream().filter(s -> s.name().equals("语言测试源")).findFirst()
                .orElseThrow().id();
        assertThat(installation.store().findSource(id).orElseThrow().refreshInterval()).isEqualTo(Duration.ofMinutes(15));
        HttpResponse<String> again = send("POST", "/sources?lang=en", "csrf=" + enc(csrf) + "&url="
                + enc("https://lang.example.cn/rss.xml"), null, cookie);
        assertThat(again.body()).contains("Already a source: #" + id);
        get("/sources?lang=zh-Hans");
        HttpResponse<String> interval = send("POST", "/sources/" + id + "/interval", "csrf=" + enc(csrf)
                + "&every=120&after=" + (id - 1), null, cookie);
        assertThat(interval.statusCode()).isEqualTo(303);
        assertThat(interval.headers().firstValue("Location")).hasValue("/sources?after=" + (id - 1));
        assertThat(installation.store().findSource(id).orElseThrow().refreshInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(send("POST", "/sources/" + id + "/pause", "csrf=" + enc(csrf), null, cookie).statusCode())
                .isEqualTo(303);
        String page = get("/sources?after=" + (id - 1)).body();
        assertThat(row(page, id)).contains("已暂停").contains("每 120 分钟").contains(">恢复<");
        send("POST", "/sources/" + id + "/resume", "csrf=" + enc(csrf), null, cookie);
        assertThat(installation.store().findSource(id).orElseThrow().paused()).isFalse();
    }

    @Test
    void theOpmlExportListsEverySourceForTheAdministratorOnly() throws Exception {
        assertThat(send("GET", "/sources/export.opml", null, null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> r = get("/sources/export.opml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .contains("attachment"));
        ParseResult<List<Subscription>> parsed = SourceParser.opml(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        List<Subscription> subs = ((ParseResult.Parsed<List<Subscription>>) parsed).value();
        assertThat(subs).hasSize(installation.store().countSources());
        assertThat(subs).anyMatch(s -> s.title().equals("来源7") && s.feedUrl().toString().endsWith("/7.xml"));
    }

    @Test
    void errorsAreSentencesInTheInterfaceLanguage() throws Exception {
        assertThat(get("/search?q=a&page=x").body()).contains("参数 page 须为整数").doesNotContain("whole number");
        assertThat(get("/search?q=a&page=x&lang=en").body()).contains("Parameter page must be a whole number");
        get("/?lang=zh-Hans");
        assertThat(send("POST", "/sources", "url=x", null, cookie).body()).contains("表单令牌缺失或有误");
        assertThat(JSON.readTree(get("/api/search?q=a&limit=0").body()).path("error").path("message").asText())
                .isEqualTo("Parameter limit must be between 1 and 100.");
    }

    @Test
    void jettysOwnErrorAnswersAreHuixunsPageWithTheSecurityHeaders() throws Exception {
        // A malformed URI, a malformed escape, and a request without the Host header HTTP/1.1 requires.
        for (String request : List.of("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n", "GET /article/% HTTP/1.1\r\nHost: a\r\n",
                "GET / HTTP/1.1\r\n")) {
            String target = request.lines().findFirst().orElseThrow();
            String response = raw(request + "Connection: close\r\n\r\n");
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            assertThat(head).as(target).startsWith("HTTP/1.1 400");
            assertThat(head).as(target).contains("Content-Security-Policy: default-src 'self'")
                    .contains("X-Content-Type-Options: nosniff").contains("Referrer-Policy: no-referrer")
                    .contains("X-Frame-Options: DENY");
            assertThat(response).as(target).contains("汇讯").contains("请求格式有误")
                    .doesNotContain("HTTP ERROR").doesNotContain("jetty");
        }
    }

    @Test
    void traditionalViewsKeepNamesAndCommonForms() throws Exception {
        long id = JSON.readTree(get("/api/search?q=" + enc("中国—中亚外长举行第六次会晤") + "&limit=1").body())
                .path("hits").get(0).path("id").asLong();
        for (String lang : List.of("zh-Hant", "zh-HK", "zh-TW")) {
            String page = get("/article/" + id + "?lang=" + lang).body();
            assertThat(page).as(lang).contains("穆赫里丁").doesNotContain("穆赫裏丁").doesNotContain("穆赫裡丁");
        }
        get("/?lang=zh-Hans");
    }

    @Test
    void repairsAreGroupedByKindWithLabelsAndCounts() throws Exception {
        long id = JSON.readTree(get("/api/search?q=" + enc("中国—中亚外长举行第六次会晤") + "&limit=1").body())
                .path("hits").get(0).path("id").asLong();
        String page = get("/article/" + id + "?repairs=1").body();
        int edits = JSON.readTree(get("/api/articles/" + id).body()).path("repairs").size();
        assertThat(edits).isGreaterThan(3);
        Matcher groups = Pattern.compile("<details class=\"repair-group\" data-kind=\"([A-Z_]+)\"").matcher(page);
        int kinds = 0;
        while (groups.find()) {
            kinds++;
        }
        assertThat(kinds).isBetween(1, 9).isLessThan(edits);
        assertThat(page).contains("删去夹注的拼音").containsPattern("共修复 " + edits + " 处，分 " + kinds + " 类");
        String text = page.replaceAll("<[^>]*>", " ");
        assertThat(text).doesNotContain("PINYIN_ANNOTATION").doesNotContain("body ·");
    }

    @Test
    void theArticleApiPagesWithACursor() throws Exception {
        List<Long> seen = new ArrayList<>();
        String path = "/api/articles?limit=7";
        int pages = 0;
        while (path != null) {
            JsonNode page = JSON.readTree(get(path).body());
            page.path("articles").forEach(a -> seen.add(a.path("id").asLong()));
            pages++;
            path = page.path("next_before").isNull() ? null : "/api/articles?limit=7&before="
                    + page.path("next_before").asLong();
        }
        long canonical = installation.store().listRecent(true, 0, 1000).size();
        assertThat(seen).hasSize((int) canonical).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((int) ((canonical + 6) / 7) + (canonical % 7 == 0 ? 1 : 0));
        assertThat(get("/api/articles?limit=101").statusCode()).isEqualTo(400);
    }

    static long added(String name, String url) {
        return ((SourceAddResult.Added) installation.store().addSource(new NewSource(name, url, SourceKind.FEED,
                Optional.empty(), Duration.ofMinutes(30)))).source().id();
    }

    static String row(String page, long id) {
        int start = page.indexOf("<tr data-id=\"" + id + "\"");
        assertThat(start).as("row of source " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
