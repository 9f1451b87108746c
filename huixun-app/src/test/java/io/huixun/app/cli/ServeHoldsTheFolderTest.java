package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.SourceRefresher;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need the index: {@code search} reads it beside a serve-like installation that holds the writer
 * (and sees each commit), while {@code ingest} and {@code reindex} refuse with one sentence instead of Lucene's lock
 * error; a source added from the CLI is fetched by serve's refresher and becomes searchable from the CLI.
 */
class ServeHoldsTheFolderTest {
    @TempDir
    Path dir;

    private static long total(CliRun r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        return json.path("total").asLong();
    }

    @Test
    void searchSeesWhatServeCommittedAndWritersRefuseInOneSentence() throws Exception {
        Path data = dir.resolve("data");
        Path three = TestInstallations.sample(Files.createDirectories(dir.resolve("a")), "fuyao-news.jsonl", 3);
        Path eight = TestInstallations.sample(Files.createDirectories(dir.resolve("b")), "fuyao-news.jsonl", 8);
        try (Installation serve = TestInstallations.openForLoopback(data)) {
            serve.pipeline().ingest(three.toString(), (d, t, r) -> { });
            assertThat(total(CliRun.run("search", "海南", "--json", "--data", data.toString()))).isPositive();
            assertThat(total(CliRun.run("search", "反内卷", "--json", "--data", data.toString()))).isZero();

            serve.pipeline().ingest(eight.toString(), (d, t, r) -> { }); // commits: serve's writer stays open
            assertThat(total(CliRun.run("search", "反内卷", "--json", "--data", data.toString()))).isPositive();

            CliRun ingest = CliRun.run("ingest", eight.toString(), "--data", data.toString());
            assertThat(ingest.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
            assertThat(ingest.stderr()).isEqualTo("huixun ingest: huixun serve (or another huixun command) is running on "
                    + "the data folder " + data + ": stop it first, or add the feed with huixun sources add URL and let "
                    + "serve fetch it\n");
            CliRun reindex = CliRun.run("reindex", "--data", data.toString());
            assertThat(reindex.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
            assertThat(reindex.stderr().lines().toList()).singleElement().asString()
                    .startsWith("huixun reindex: huixun serve (or another huixun command) is running on the data folder")
                    .doesNotContain("Lock").doesNotContain("Exception");
            CliRun export = CliRun.run("export", "--data", data.toString());
            assertThat(export.exitCode()).as(export.stderr()).isZero();
            assertThat(export.stdout().lines()).hasSize((int) serve.store().count());
        }
        // serve stopped: the lock is free again (the refusals above were not spurious), and ingest works
        CliRun ingest = CliRun.run("ingest", eight.toString(), "--data", data.toString());
        assertThat(ingest.exitCode()).as(ingest.stderr()).isZero();
    }

    @Test
    void searchOnAFolderWithoutAnIndexBuildsItFromTheStore() throws Exception {
        // A folder with nothing in it is not an installation: said in one line (issue 14), nothing created there.
        CliRun fresh = CliRun.run("search", "海南", "--data", dir.resolve("fresh").toString());
        assertThat(fresh.exitCode()).as(fresh.stderr()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(fresh.stderr()).contains("no Huixun installation in");
        assertThat(dir.resolve("fresh")).doesNotExist();

        Path data = dir.resolve("data");
        Path three = TestInstallations.sample(dir, "fuyao-news.jsonl", 3);
        try (Installation full = Installation.open(data)) {
            full.pipeline().ingest(three.toString(), (d, t, r) -> { });
        }
        try (Stream<Path> index = Files.walk(data.resolve("index"))) {
            index.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(total(CliRun.run("search", "海南", "--json", "--data", data.toString()))).isPositive();
    }

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>测试要闻</title><link>%1$s/</link>
            <item><title>白鹤滩水电站全面投产发电</title><link>%1$s/news/1.html</link>
            <pubDate>Sun, 27 Apr 2025 10:00:00 +0800</pubDate>
            <description>白鹤滩水电站全部机组投产发电。</description></item>
            </channel></rss>""";

    static final String PAGE = """
            <html><head><meta charset="utf-8"><title>白鹤滩水电站全面投产发电</title></head><body>
            <h1>白鹤滩水电站全面投产发电</h1><div class="article">
            <p>新华社成都4月27日电 记者从有关部门获悉，白鹤滩水电站最后一台机组正式投产发电，标志着这座世界级工程全面建成。</p>
            <p>据介绍，白鹤滩水电站总装机容量一千六百万千瓦，是实施西电东送的国家重大工程，每年可减少大量的二氧化碳排放。</p>
            <p>有关负责人表示，下一步将做好电站运行管理，保障电力安全稳定供应，更好服务经济社会发展的需要。</p>
            </div></body></html>""";

    @Test
    void aSourceAddedFromTheCliIsFetchedByServeAndSearchableFromTheCli() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/feed.xml", ex -> send(ex, "application/rss+xml; charset=utf-8", String.format(FEED, base)));
        server.createContext("/news/", ex -> send(ex, "text/html; charset=utf-8", PAGE));
        server.start();
        Path data = dir.resolve("data");
        try (Installation serve = TestInstallations.openForLoopback(data);
             SourceRefresher refresher = new SourceRefresher(serve.store(), serve.pipeline(), Clock.systemUTC(),
                     "serve-under-test", 4)) {
            refresher.start(Duration.ofMillis(200));
            assertThat(total(CliRun.run("search", "白鹤滩", "--json", "--data", data.toString()))).isZero();
            CliRun add = CliRun.run("sources", "add", base + "/feed.xml", "--name", "测试要闻", "--data", data.toString());
            assertThat(add.exitCode()).as(add.stderr()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long found = 0;
            while (found == 0 && System.nanoTime() < deadline) {
                Thread.sleep(300);
                found = total(CliRun.run("search", "白鹤滩", "--json", "--data", data.toString()));
            }
            assertThat(found).as("the article serve fetched for the CLI's source, found by the CLI").isPositive();
        } finally {
            server.stop(0);
        }
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
