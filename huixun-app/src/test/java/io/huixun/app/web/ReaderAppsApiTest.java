package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.app.account.PasswordHasher;
import io.huixun.dedup.Deduplicator;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import io.huixun.store.reader.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google Reader and Fever APIs over real HTTP on loopback against a real SQLite store, each test replaying the
 * requests a reader app sends in the order it sends them (NetNewsWire/Reeder with a FreshRSS-style Google Reader
 * account; Reeder/Fluent Reader with a Fever account) and asserting each answer.
 */
class ReaderAppsApiTest {
    @TempDir
    static Path dir;
    static Installation installation;
    static TestSite site;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static long xinhua;
    static long cctv;
    static final String XINHUA_URL = "https://feeds.example.cn/xinhua.xml";
    static final List<Long> XINHUA_ARTICLES = new ArrayList<>();
    static long cctvArticle;
    static long copyInCctv;

    @BeforeAll
    static void start() {
        installation = Installation.open(dir.resolve("data"));
        xinhua = source("新华网", XINHUA_URL);
        cctv = source("央视网", "https://feeds.example.cn/cctv.xml");
        for (int i = 1; i <= 3; i++) {
            XINHUA_ARTICLES.add(save(xinhua, "新华网", i, OptionalLong.empty()));
        }
        cctvArticle = save(cctv, "央视网", 4, OptionalLong.empty());
        copyInCctv = save(cctv, "央视网", 5, OptionalLong.of(XINHUA_ARTICLES.get(0)));
        site = TestSite.start(installation, Optional.of("admin-password"), (desk, auth) -> List.of(new LoginGuard(auth),
                new GoogleReaderApi(installation.store(), auth), new FeverApi(installation.store())));
        site.auth().accounts().add("reader1", Role.READER, "reader1-password");
        site.auth().accounts().add("reader2", Role.READER, "reader2-password");
    }

    static long source(String name, String url) {
        return ((SourceAddResult.Added) installation.store().addSource(new NewSource(name, url, SourceKind.FEED,
                Optional.empty(), Duration.ofMinutes(30)))).source().id();
    }

    static long save(long source, String name, int n, OptionalLong copyOf) {
        String body = "第" + n + "篇报道的正文<有尖括号>，讲不同的事，编号" + n * 7919 + "。\n第二段。";
        return ((SaveResult.Inserted) installation.store().save(new NewArticle(
                Optional.of("https://news.example.cn/" + n + ".html"), OptionalLong.of(source), name, "报道" + n,
                Optional.of(ZonedDateTime.parse("2026-01-05T08:00:00+08:00").plusHours(n)), false,
                new OriginalContent(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), body, "[]",
                Deduplicator.standard().fingerprint(body), copyOf))).article().id();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    // ---------------------------------------------------------------- a client

    /** What an app sends: a form POST or a GET, with its GoogleLogin header once logged in. */
    record App(String auth) {
        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET(), auth);
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), auth);
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }
    }

    static URI uri(String path) {
        return URI.create(site.base() + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder b, String auth) throws Exception {
        if (auth != null) {
            b.header("Authorization", "GoogleLogin auth=" + auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static App clientLogin(String user, String password) throws Exception {
        HttpResponse<String> r = new App(null).post("/accounts/ClientLogin", "Email=" + enc(user) + "&Passwd=" + enc(password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("SID=").contains("\nLSID=null\n");
        String auth = r.body().replaceAll("(?s).*Auth=([^\\n]+)\\n.*", "$1");
        assertThat(auth).hasSizeGreaterThan(20);
        return new App(auth);
    }

    static List<String> ids(JsonNode refs) {
        List<String> out = new ArrayList<>();
        refs.path("itemRefs").forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    static final String API = "/reader/api/0";
    static final String UNREAD_ONLY = "&xt=" + enc(GoogleReaderApi.READ);

    // ---------------------------------------------------------------- Google Reader

    @Test
    void aGoogleReaderClientSession() throws Exception {
        assertThat(new App(null).post("/accounts/ClientLogin", "Email=reader1&Passwd=wrong").statusCode()).isEqualTo(401);
        assertThat(new App(null).get(API + "/user-info").statusCode()).isEqualTo(401);
        assertThat(new App("forged").get(API + "/user-info").statusCode()).isEqualTo(401);

        App app = clientLogin("reader1", "reader1-password");
        HttpResponse<String> token = app.get(API + "/token");
        assertThat(token.statusCode()).isEqualTo(200);
        String t = token.body().strip();
        assertThat(app.json(API + "/user-info?output=json").path("userName").asText()).isEqualTo("reader1");

        // Subscribe (by the feed's URL), file it in a folder, follow a second source by id.
        JsonNode added = JSON.readTree(app.post(API + "/subscription/quickadd", "quickadd=" + enc(XINHUA_URL) + "&T=" + t).body());
        assertThat(added.path("numResults").asInt()).isEqualTo(1);
        assertThat(added.path("streamId").asText()).isEqualTo("feed/" + xinhua);
        assertThat(app.post(API + "/subscription/edit", "ac=edit&s=feed/" + xinhua + "&a=" + enc("user/-/label/要闻")
                + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.post(API + "/subscription/edit", "ac=subscribe&s=feed/" + cctv + "&t=" + enc("央视") + "&T=" + t)
                .body()).isEqualTo("OK");
        assertThat(app.post(API + "/subscription/edit", "ac=edit&s=feed/" + xinhua + "&T=wrong").statusCode())
                .as("a wrong T token").isEqualTo(401);
        JsonNode unknown = JSON.readTree(app.post(API + "/subscription/quickadd", "quickadd="
                + enc("https://elsewhere.example.cn/rss") + "&T=" + t).body());
        assertThat(unknown.path("numResults").asInt()).as("a reader cannot add new sources").isZero();
        assertThat(unknown.path("error").asText()).contains("administrator");

        JsonNode subs = app.json(API + "/subscription/list?output=json").path("subscriptions");
        assertThat(subs.size()).isEqualTo(2);
        JsonNode x = subs.get(0).path("id").asText().equals("feed/" + xinhua) ? subs.get(0) : subs.get(1);
        assertThat(x.path("title").asText()).isEqualTo("新华网");
        assertThat(x.path("url").asText()).isEqualTo(XINHUA_URL);
        assertThat(x.path("htmlUrl").asText()).isEqualTo("https://feeds.example.cn/");
        assertThat(x.path("categories").get(0).path("label").asText()).isEqualTo("要闻");
        assertThat(app.json(API + "/tag/list?output=json").path("tags").toString())
                .contains(GoogleReaderApi.STARRED).contains("user/-/label/要闻");

        // Counts: 3 in 新华网, 2 in 央视网 (one a copy of a 新华网 report), 5 in the reading list.
        JsonNode counts = app.json(API + "/unread-count?output=json");
        assertThat(counts.toString()).contains("{\"id\":\"feed/" + xinhua + "\",\"count\":3")
                .contains("{\"id\":\"feed/" + cctv + "\",\"count\":2").contains("{\"id\":\"user/-/label/要闻\",\"count\":3")
                .contains("{\"id\":\"user/-/state/com.google/reading-list\",\"count\":5");

        // Unread ids in pages of 3, newest first, then their contents.
        JsonNode first = app.json(API + "/stream/items/ids?output=json&s=" + enc(GoogleReaderApi.READING_LIST)
                + UNREAD_ONLY + "&n=3");
        assertThat(ids(first)).containsExactly(String.valueOf(copyInCctv), String.valueOf(cctvArticle),
                String.valueOf(XINHUA_ARTICLES.get(2)));
        JsonNode second = app.json(API + "/stream/items/ids?output=json&s=" + enc(GoogleReaderApi.READING_LIST)
                + UNREAD_ONLY + "&n=3&c=" + first.path("continuation").asText());
        assertThat(ids(second)).containsExactly(String.valueOf(XINHUA_ARTICLES.get(1)), String.valueOf(XINHUA_ARTICLES.get(0)));
        assertThat(second.has("continuation")).isFalse();

        long a1 = XINHUA_ARTICLES.get(0);
        long a2 = XINHUA_ARTICLES.get(1);
        HttpResponse<String> contents = app.post(API + "/stream/items/contents?output=json", "i=" + a1 + "&i="
                + enc(GoogleReaderApi.longId(a2)) + "&T=" + t);
        JsonNode items = JSON.readTree(contents.body()).path("items");
        assertThat(items.size()).isEqualTo(2);
        JsonNode item = items.get(0);
        assertThat(item.path("id").asText()).isEqualTo(String.format("tag:google.com,2005:reader/item/%016x", a1));
        assertThat(item.path("title").asText()).isEqualTo("报道1");
        assertThat(item.path("origin").path("streamId").asText()).isEqualTo("feed/" + xinhua);
        assertThat(item.path("summary").path("content").asText()).startsWith("<p>第1篇报道的正文&lt;有尖括号&gt;")
                .contains("<p>第二段。</p>");
        assertThat(item.path("canonical").get(0).path("href").asText()).isEqualTo("https://news.example.cn/1.html");
        assertThat(item.path("categories").toString()).contains("user/-/label/要闻")
                .doesNotContain("\"" + GoogleReaderApi.READ + "\"");
        assertThat(item.path("published").asLong()).isEqualTo(ZonedDateTime.parse("2026-01-05T09:00:00+08:00").toEpochSecond());

        // Read one, star another: the copy in 央视网 is read too (its canonical is a1).
        assertThat(app.post(API + "/edit-tag", "i=" + a1 + "&a=" + enc(GoogleReaderApi.READ) + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.post(API + "/edit-tag", "i=" + enc(GoogleReaderApi.longId(a2)) + "&a=" + enc(GoogleReaderApi.STARRED)
                + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.json(API + "/unread-count?output=json").toString())
                .contains("{\"id\":\"feed/" + xinhua + "\",\"count\":2").contains("{\"id\":\"feed/" + cctv + "\",\"count\":1");
        assertThat(ids(app.json(API + "/stream/items/ids?s=" + enc(GoogleReaderApi.STARRED) + "&n=100")))
                .containsExactly(String.valueOf(a2));
        JsonNode starred = app.json(API + "/stream/contents/" + GoogleReaderApi.STARRED + "?n=20");
        assertThat(starred.path("items").get(0).path("categories").toString()).contains(GoogleReaderApi.STARRED);
        JsonNode feed = app.json(API + "/stream/contents/" + enc("feed/" + xinhua) + "?n=20" + UNREAD_ONLY);
        assertThat(feed.path("items").size()).isEqualTo(2);
        assertThat(app.json(API + "/stream/contents/user/-/label/" + enc("要闻") + "?n=20").path("items").size()).isEqualTo(3);
        assertThat(app.post(API + "/edit-tag", "i=" + a1 + "&r=" + enc(GoogleReaderApi.READ) + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.json(API + "/unread-count").toString()).contains("{\"id\":\"feed/" + xinhua + "\",\"count\":3");

        // Another reader sees none of it.
        App other = clientLogin("reader2", "reader2-password");
        assertThat(other.json(API + "/subscription/list").path("subscriptions").size()).isZero();
        assertThat(ids(other.json(API + "/stream/items/ids?s=" + enc(GoogleReaderApi.STARRED)))).isEmpty();
        assertThat(other.json(API + "/unread-count").toString()).contains("\"reading-list\"".replace("\"reading-list\"",
                "user/-/state/com.google/reading-list\",\"count\":0"));

        // Mark a feed read up to now, then everything; unsubscribe.
        String now = String.valueOf(System.currentTimeMillis() * 1000 + 1_000_000);
        assertThat(app.post(API + "/mark-all-as-read", "s=feed/" + xinhua + "&ts=" + now + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.json(API + "/unread-count").toString()).doesNotContain("\"feed/" + xinhua + "\"")
                .contains("{\"id\":\"feed/" + cctv + "\",\"count\":1");
        assertThat(app.post(API + "/mark-all-as-read", "s=" + enc(GoogleReaderApi.READING_LIST) + "&ts=" + now + "&T=" + t)
                .body()).isEqualTo("OK");
        assertThat(ids(app.json(API + "/stream/items/ids?s=" + enc(GoogleReaderApi.READING_LIST) + UNREAD_ONLY))).isEmpty();
        assertThat(app.post(API + "/subscription/edit", "ac=unsubscribe&s=feed/" + cctv + "&T=" + t).body()).isEqualTo("OK");
        assertThat(app.json(API + "/subscription/list").path("subscriptions").size()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- Fever

    static JsonNode fever(String query, String key, String extraForm) throws Exception {
        HttpResponse<String> r = new App(null).post("/fever/?api" + query, "api_key=" + key + extraForm);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void aFeverClientSession() throws Exception {
        assertThat(fever("", "0123456789abcdef0123456789abcdef", "").path("auth").asInt()).isZero();
        // reader2 follows 新华网 in a folder (as done in the web UI), then syncs with Fever.
        var readers = installation.store().readers();
        long user = readers.account("reader2").orElseThrow().id();
        var folder = readers.folder(user, "通讯社");
        readers.follow(user, io.huixun.store.reader.FollowKind.SOURCE, String.valueOf(xinhua), "新华网",
                OptionalLong.of(folder.id()));
        String key = PasswordHasher.feverKey("reader2", "reader2-password");

        JsonNode hello = fever("", key, "");
        assertThat(hello.path("api_version").asInt()).isEqualTo(3);
        assertThat(hello.path("auth").asInt()).isEqualTo(1);
        assertThat(hello.path("last_refreshed_on_time").asLong()).isPositive();

        JsonNode groups = fever("&groups", key, "");
        assertThat(groups.path("groups").get(0).path("title").asText()).isEqualTo("通讯社");
        assertThat(groups.path("feeds_groups").get(0).path("feed_ids").asText()).isEqualTo(String.valueOf(xinhua));
        JsonNode feeds = fever("&feeds", key, "");
        assertThat(feeds.path("feeds").size()).isEqualTo(1);
        assertThat(feeds.path("feeds").get(0).path("url").asText()).isEqualTo(XINHUA_URL);
        assertThat(fever("&favicons", key, "").path("favicons").isArray()).isTrue();

        String unread = fever("&unread_item_ids", key, "").path("unread_item_ids").asText();
        assertThat(unread.split(",")).containsExactlyInAnyOrder(XINHUA_ARTICLES.stream().map(String::valueOf).toArray(String[]::new));
        JsonNode items = fever("&items&since_id=0", key, "");
        assertThat(items.path("items").size()).isEqualTo(3);
        assertThat(items.path("items").get(0).path("id").asLong()).as("since_id goes up").isEqualTo(XINHUA_ARTICLES.get(0));
        assertThat(items.path("items").get(0).path("feed_id").asLong()).isEqualTo(xinhua);
        assertThat(items.path("items").get(0).path("is_read").asInt()).isZero();
        assertThat(items.path("items").get(0).path("html").asText()).contains("&lt;有尖括号&gt;");
        assertThat(fever("&items&since_id=" + XINHUA_ARTICLES.get(1), key, "").path("items").size()).isEqualTo(1);
        assertThat(fever("&items&max_id=" + XINHUA_ARTICLES.get(1), key, "").path("items").get(0).path("id").asLong())
                .isEqualTo(XINHUA_ARTICLES.get(0));
        assertThat(fever("&items&with_ids=" + XINHUA_ARTICLES.get(2), key, "").path("items").size()).isEqualTo(1);

        long a = XINHUA_ARTICLES.get(2);
        fever("&mark=item&as=read&id=" + a, key, "");
        fever("", key, "&mark=item&as=saved&id=" + a);
        assertThat(fever("&unread_item_ids", key, "").path("unread_item_ids").asText()).doesNotContain(String.valueOf(a));
        assertThat(fever("&saved_item_ids", key, "").path("saved_item_ids").asText()).isEqualTo(String.valueOf(a));
        assertThat(fever("&items&with_ids=" + a, key, "").path("items").get(0).path("is_saved").asInt()).isEqualTo(1);
        fever("&mark=feed&as=read&id=" + xinhua + "&before=" + (System.currentTimeMillis() / 1000 + 5), key, "");
        assertThat(fever("&unread_item_ids", key, "").path("unread_item_ids").asText()).isEmpty();
        assertThat(fever("&saved_item_ids", key, "").path("saved_item_ids").asText()).as("still starred")
                .isEqualTo(String.valueOf(a));

        String otherKey = PasswordHasher.feverKey("reader1", "reader1-password");
        assertThat(fever("&saved_item_ids", otherKey, "").path("saved_item_ids").asText()).as("reader1's stars are theirs")
                .doesNotContain(String.valueOf(a));
    }
}
