package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.reader.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader's subscriptions leave and come back as OPML with their folders, over real HTTP on a real SQLite store:
 * an administrator imports a file with two folders, exports it, and a reader importing that export ends up following
 * the same sources in the same folders; a reader cannot add sources by importing.
 */
class FollowingOpmlTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static FormClient web;

    static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>订阅</title></head><body>
              <outline text="财经" title="财经">
                <outline type="rss" text="新华财经" xmlUrl="https://finance.example.cn/rss.xml"/>
                <outline type="rss" text="经济日报" xmlUrl="https://economy.example.cn/feed"/>
              </outline>
              <outline text="科技">
                <outline type="rss" text="科技日报" xmlUrl="https://tech.example.cn/atom.xml"/>
              </outline>
              <outline type="rss" text="人民网" xmlUrl="https://people.example.cn/rss"/>
            </body></opml>
            """;

    @BeforeAll
    static void start() throws Exception {
        Installation installation = Installation.open(dir.resolve("data"));
        site = TestSite.start(installation, Optional.empty(), (desk, auth) -> List.of(new LoginGuard(auth),
                new ReaderRoutes(installation.store(), desk, auth), new FollowingOpml(installation.store(), auth)));
        site.auth().accounts().add("boss", Role.ADMIN, "boss-password");
        site.auth().accounts().add("reader1", Role.READER, "reader1-password");
        web = new FormClient(site.server(), site.auth());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void exportThenImportKeepsEverySourceAndFolder() throws Exception {
        FormClient.Login boss = login("boss");
        HttpResponse<String> imported = post("/following/import", "opml=" + enc(OPML), boss);
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(imported.headers().firstValue("Location")).hasValue("/following?opml=4,4,2,0,0");
        assertThat(get("/following?opml=4,4,2,0,0", boss).body()).contains("已关注 OPML 中 4 个订阅里的 4 个（2 个文件夹）");

        String exported = get("/following/export.opml", boss).body();
        Set<String> expected = Set.of("财经|https://finance.example.cn/rss.xml", "财经|https://economy.example.cn/feed",
                "科技|https://tech.example.cn/atom.xml", "|https://people.example.cn/rss");
        assertThat(placed(exported)).isEqualTo(expected);

        // a reader brings the exported file: every source is already gathered, so all four are followed, in place
        FormClient.Login reader = login("reader1");
        HttpResponse<String> again = post("/following/import", "opml=" + enc(exported), reader);
        assertThat(again.headers().firstValue("Location")).hasValue("/following?opml=4,4,2,0,0");
        assertThat(placed(get("/following/export.opml", reader).body())).isEqualTo(expected);

        // moving a follow to another folder shows in the next export
        long followId = site.installation().store().readers().follows(reader.userId()).stream()
                .filter(f -> f.title().equals("人民网")).findFirst().orElseThrow().id();
        post("/following/" + followId + "/folder", "folder=" + enc("时政"), reader);
        assertThat(placed(get("/following/export.opml", reader).body())).contains("时政|https://people.example.cn/rss")
                .doesNotContain("|https://people.example.cn/rss");
    }

    @Test
    void aReaderCannotAddSourcesByImportingAndABrokenFileChangesNothing() throws Exception {
        FormClient.Login reader = login("reader1");
        int sources = site.installation().store().listSources().size();
        String unknown = "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"新源\""
                + " xmlUrl=\"https://new.example.cn/rss\"/></body></opml>";
        HttpResponse<String> r = post("/following/import", "opml=" + enc(unknown), reader);
        assertThat(r.headers().firstValue("Location")).hasValue("/following?opml=0,1,0,1,0");
        assertThat(site.installation().store().listSources()).hasSize(sources);
        assertThat(get("/following?opml=0,1,0,1,0", reader).body()).contains("1 个新闻源尚未收录，需管理员添加");

        HttpResponse<String> broken = post("/following/import", "opml=" + enc("<html>不是 OPML</html>"), reader);
        assertThat(broken.headers().firstValue("Location")).hasValue("/following?opml=unreadable");
        assertThat(get("/following?opml=unreadable", reader).body()).contains("这不是可读的 OPML 文件");
        assertThat(post("/following/import", "opml=" + enc(OPML), null).statusCode()).isEqualTo(403);
    }

    /** "folder|url" for each subscription of an OPML document ("" for no folder). */
    private static Set<String> placed(String opml) {
        ParseResult<List<Subscription>> parsed = SourceParser.opml(opml.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<List<Subscription>>) parsed).value().stream()
                .map(s -> (s.folders().isEmpty() ? "" : s.folders().get(s.folders().size() - 1)) + "|" + s.feedUrl())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String enc(String s) {
        return FormClient.enc(s);
    }

    static HttpResponse<String> post(String path, String form, FormClient.Login login) throws Exception {
        return web.post(path, form, login);
    }

    static HttpResponse<String> get(String path, FormClient.Login login) throws Exception {
        return web.get(path, login);
    }

    static FormClient.Login login(String user) throws Exception {
        return web.login(user);
    }
}
