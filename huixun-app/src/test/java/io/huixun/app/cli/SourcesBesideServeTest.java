package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code huixun sources …} run in-process against a data folder that a serve-like installation (the full one: store,
 * index writer, pipeline) holds open, as {@code huixun serve} would; what the CLI changes must be seen through that
 * installation's store, which serve's refresher leases from.
 */
class SourcesBesideServeTest {
    static final String TITLED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>  示例新闻网 · 要闻 </title><link>http://127.0.0.1/</link>
            <item><title>白鹤滩水电站全面投产</title><link>%1$s/news/1.html</link></item>
            </channel></rss>""";
    static final String UNTITLED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title></title><link>http://127.0.0.1/</link></channel></rss>""";

    @TempDir
    Path dir;
    Path data;
    Installation serve;
    HttpServer server;
    String base;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void serveTheFolder() throws Exception {
        data = dir.resolve("data");
        serve = TestInstallations.openForLoopback(data);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        respond("/titled.xml", 200, String.format(TITLED, base));
        respond("/untitled.xml", 200, UNTITLED);
        respond("/page.html", 200, "<html><head><title>一个网页</title></head><body><p>不是订阅源。</p></body></html>");
        respond("/missing.xml", 404, "not here");
        server.start();
    }

    private void respond(String path, int status, String body) {
        server.createContext(path, ex -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/rss+xml; charset=utf-8"
                    : "text/html; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serve.close();
    }

    /** The CLI with {@code sources add} allowed to fetch from loopback (the public default would refuse it). */
    private CliRun cli(String... args) {
        CommandLine.IFactory loopback = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SourcesCommand.Add.class) {
                    return cls.cast(new SourcesCommand.Add(TestInstallations.loopbackFetchSettings()));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data", data.toString())).toArray(String[]::new);
        return CliRun.run(loopback, new byte[0], withData);
    }

    private Source onlySource() {
        List<Source> all = serve.store().listSources();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void addWhileServingNamesTheSourceAfterTheFeedTitle() {
        CliRun r = cli("sources", "add", base + "/titled.xml", "--every", "15");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).contains("示例新闻网 · 要闻").contains("the feed's title");
        Source s = onlySource();
        assertThat(s.name()).isEqualTo("示例新闻网 · 要闻");
        assertThat(s.url()).isEqualTo(base + "/titled.xml");
        assertThat(s.refreshInterval()).isEqualTo(Duration.ofMinutes(15));
        // serve's refresher leases it on its next round
        assertThat(serve.store().leaseDueSource("serve-node", Instant.now(), Duration.ofMinutes(1)))
                .map(Source::id).contains(s.id());

        CliRun again = cli("sources", "add", base + "/titled.xml");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("already a source: #" + s.id());
        assertThat(serve.store().listSources()).hasSize(1);
    }

    @Test
    void withoutAUsableTitleTheHostNamesItAndTheReasonIsShown() {
        CliRun untitled = cli("sources", "add", base + "/untitled.xml");
        assertThat(untitled.exitCode()).isZero();
        assertThat(untitled.stdout()).contains("the feed has no title");
        CliRun missing = cli("sources", "add", base + "/missing.xml");
        assertThat(missing.exitCode()).isZero();
        assertThat(missing.stdout()).contains("HTTP 404");
        CliRun page = cli("sources", "add", base + "/page.html");
        assertThat(page.exitCode()).isZero();
        assertThat(page.stdout()).contains("not a feed");
        assertThat(serve.store().listSources()).extracting(Source::name).containsOnly("127.0.0.1");
    }

    @Test
    void anExplicitNameIsKeptAndNothingIsFetched() {
        CliRun r = cli("sources", "add", base + "/titled.xml", "--name", "我的要闻", "--charset", "gb18030");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(onlySource().name()).isEqualTo("我的要闻");
        assertThat(onlySource().charsetOverride()).contains("gb18030");
        assertThat(hits).doesNotContainKey("/titled.xml");
    }

    @Test
    void listPauseResumeRemoveWhileServing() {
        long id = added("新华网", "https://www.news.cn/rss.xml");
        CliRun list = cli("sources", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains("#" + id + "  新华网  https://www.news.cn/rss.xml");

        CliRun pause = cli("sources", "pause", String.valueOf(id));
        assertThat(pause.exitCode()).as(pause.stderr()).isZero();
        assertThat(pause.stdout()).isEqualTo("paused source #" + id + " 新华网\n");
        assertThat(serve.store().findSource(id)).map(Source::paused).contains(true);
        assertThat(serve.store().leaseDueSource("serve-node", Instant.now(), Duration.ofMinutes(1))).isEmpty();
        assertThat(cli("sources", "list").stdout()).contains("(paused)");

        CliRun resume = cli("sources", "resume", String.valueOf(id));
        assertThat(resume.exitCode()).isZero();
        assertThat(serve.store().findSource(id)).map(Source::paused).contains(false);
        assertThat(serve.store().leaseDueSource("serve-node", Instant.now(), Duration.ofMinutes(1)))
                .map(Source::id).contains(id);

        CliRun remove = cli("sources", "remove", String.valueOf(id));
        assertThat(remove.exitCode()).isZero();
        assertThat(serve.store().findSource(id)).isEmpty();

        for (String verb : List.of("pause", "resume", "remove")) {
            CliRun none = cli("sources", verb, "999");
            assertThat(none.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
            assertThat(none.stderr()).isEqualTo("huixun sources " + verb + ": no source #999 (see huixun sources list)\n");
        }
    }

    @Test
    void importKeepsTitlesCountsWhatWasPresentAndReportsProblems() throws Exception {
        added("已有的源", "https://www.chinanews.com.cn/rss/scroll-news.xml");
        Path opml = dir.resolve("feeds.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>我的订阅</title></head><body>
                  <outline text="新闻">
                    <outline type="rss" text="中新网滚动" xmlUrl="https://www.chinanews.com.cn/rss/scroll-news.xml"/>
                    <outline type="rss" text="人民网 &amp; 时政" title="人民网·时政" xmlUrl="http://www.people.com.cn/rss/politics.xml"/>
                  </outline>
                  <outline type="rss" text="" xmlUrl="https://feeds.bbci.co.uk/zhongwen/simp/rss.xml"/>
                  <outline type="rss" text="坏的" xmlUrl="ftp://example.org/feed.xml"/>
                  <outline text="没有 xmlUrl 的链接" htmlUrl="https://example.org/"/>
                </body></opml>
                """, StandardCharsets.UTF_8);
        CliRun r = cli("sources", "import", opml.toString(), "--every", "60");
        assertThat(r.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(r.stdout()).isEqualTo("imported 2 of 4 feeds from " + opml + "; 1 already present; 1 problem\n");
        assertThat(r.stderr().lines().toList()).singleElement().asString()
                .startsWith("huixun sources import: ").contains("坏的").contains("ftp://example.org/feed.xml");
        Map<String, String> byUrl = serve.store().listSources().stream()
                .collect(Collectors.toMap(Source::url, Source::name));
        assertThat(byUrl).containsExactlyInAnyOrderEntriesOf(Map.of(
                "https://www.chinanews.com.cn/rss/scroll-news.xml", "已有的源",
                "http://www.people.com.cn/rss/politics.xml", "人民网·时政",
                "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "feeds.bbci.co.uk"));
        assertThat(serve.store().listSources()).filteredOn(s -> !s.name().equals("已有的源"))
                .allSatisfy(s -> assertThat(s.refreshInterval()).isEqualTo(Duration.ofMinutes(60)));

        CliRun twice = cli("sources", "import", opml.toString());
        assertThat(twice.stdout()).startsWith("imported 0 of 4 feeds from " + opml + "; 3 already present; 1 problem");
    }

    @Test
    void anUnreadableOpmlFileIsOneLineAndAddsNothing() throws Exception {
        Path html = dir.resolve("not.opml");
        Files.writeString(html, "<html><body>hello</body></html>");
        CliRun r = cli("sources", "import", html.toString());
        assertThat(r.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(r.stderr().lines().toList()).singleElement().asString()
                .startsWith("huixun sources import: " + html + ": not a readable OPML file: ");
        CliRun missing = cli("sources", "import", dir.resolve("nope.opml").toString());
        assertThat(missing.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(missing.stderr()).contains("no such file").doesNotContain("Exception");
        assertThat(serve.store().listSources()).isEmpty();
    }

    @Test
    void exportIsOpmlThatImportsBackToTheSameSources() throws Exception {
        added("新华网 & <要闻> \"快讯\"", "https://www.news.cn/rss.xml?a=1&b=2");
        added("BBC 中文", "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml");
        added("联合早报", "https://www.zaobao.com.sg/rss/realtime/china");
        CliRun export = cli("sources", "export");
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<opml version=\"2.0\">");
        assertThat(export.stdout()).contains("&amp;").contains("&lt;要闻&gt;");
        Map<String, String> exported = subscriptions(export.stdoutBytes());
        Map<String, String> stored = serve.store().listSources().stream()
                .collect(Collectors.toMap(Source::url, Source::name));
        assertThat(exported).isEqualTo(stored);

        // import into a second folder, export that: the same sources
        Path file = dir.resolve("exported.opml");
        Files.write(file, export.stdoutBytes());
        Path other = dir.resolve("other");
        CliRun imported = CliRun.run("sources", "import", file.toString(), "--data", other.toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.stdout()).startsWith("imported 3 of 3 feeds");
        CliRun again = CliRun.run("sources", "export", "--data", other.toString());
        assertThat(subscriptions(again.stdoutBytes())).isEqualTo(stored);
    }

    private static Map<String, String> subscriptions(byte[] opml) {
        ParseResult<List<Subscription>> parsed = SourceParser.opml(opml);
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<List<Subscription>>) parsed).value().stream()
                .collect(Collectors.toMap(s -> s.feedUrl().toString(), Subscription::title));
    }

    private long added(String name, String url) {
        SourceAddResult r = serve.store().addSource(new NewSource(name, url, SourceKind.FEED, Optional.empty(),
                Duration.ofMinutes(30)));
        return ((SourceAddResult.Added) r).source().id();
    }
}
