package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.SourceRefresher;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real feed server on loopback, a real installation: refreshing sources stores their articles and their health. */
class SourceRefresherTest {
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger pageHits = new AtomicInteger();
    final java.util.List<String> conditionalAsks = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger feedHits = new AtomicInteger();

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>测试新闻</title><link>http://127.0.0.1/</link><description>d</description>
            <item><title>長江生態保護取得新進展</title><link>%1$s/news/1.html</link><pubDate>Sun, 27 Apr 2025 10:00:00 +0800</pubDate>
            <description>長江經濟帶生態環境持續改善。</description></item>
            <item><title>新能源汽车产销两旺</title><link>%1$s/news/2.html</link><pubDate>Sun, 27 Apr 2025 11:00:00 +0800</pubDate>
            <description>新能源汽车产销量同比增长。</description></item>
            </channel></rss>""";

    static final String PAGE = """
            <html><head><meta charset="gbk"><title>%s</title></head><body><h1>%s</h1>
            <div class="article"><p>新华社北京4月27日电 记者从有关部门获悉，%s相关工作取得了积极进展，各方面反映良好。</p>
            <p>据介绍，今年以来，相关部门认真贯彻落实部署要求，扎实推进各项任务，取得了明显成效，为下一步工作打下了坚实基础。</p>
            <p>有关负责人表示，下一步将继续加大工作力度，推动各项政策措施落地见效，更好满足人民群众的需要。</p></div></body></html>""";

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/feed.xml", ex -> {
            feedHits.incrementAndGet();
            try {
                Thread.sleep(30); // a fetch takes time, so two nodes' rounds overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = String.format(FEED, base).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/news/", ex -> {
            pageHits.incrementAndGet();
            String title = ex.getRequestURI().getPath().endsWith("1.html") ? "长江生态保护取得新进展" : "新能源汽车产销两旺";
            byte[] body = String.format(PAGE, title, title, title).getBytes("GBK");
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=gbk");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/section/", ex -> {
            byte[] body = ("<html><head><meta charset=\"utf-8\"><title>要闻</title></head><body><ul>"
                    + "<li><a href=\"/news/1.html\">长江生态保护取得新进展</a></li>"
                    + "<li><a href=\"/news/2.html\">新能源汽车产销两旺</a></li>"
                    + "<li><a href=\"https://elsewhere.example/x.html\">别的网站的一篇很长的新闻</a></li>"
                    + "</ul></body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/etag-feed.xml", ex -> {
            conditionalAsks.add(String.valueOf(ex.getRequestHeaders().getFirst("If-None-Match")));
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            byte[] body = String.format(FEED, base).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/broken.xml", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aDueFeedIsFetchedWithItsPagesAndItsHealthRecorded() {
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            long id = ((SourceAddResult.Added) inst.store().addSource(new NewSource("测试", url("/feed.xml"),
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)))).source().id();
            SourceRefresher refresher = new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC());
            assertThat(refresher.refreshDue()).isEqualTo(1);
            assertThat(inst.store().count()).isEqualTo(2);
            assertThat(pageHits.get()).isEqualTo(2); // the full pages, not only the feed's summaries
            assertThat(inst.store().findByUrl(url("/news/1.html")).orElseThrow().canonicalText())
                    .contains("记者从有关部门获悉");
            Source source = inst.store().findSource(id).orElseThrow();
            assertThat(source.health().lastSuccess()).isPresent();
            assertThat(source.health().consecutiveFailures()).isZero();
            // New articles were found: it comes back after half its interval, not before.
            assertThat(source.health().nextDue().orElseThrow()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
            assertThat(refresher.refreshDue()).as("not due again yet").isZero();
        }
    }

    @Test
    void aSourceThatIsAnHtmlListPageBringsTheArticlesItLinksTo() {
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            inst.store().addSource(new NewSource("要闻", url("/section/index.html"), SourceKind.PAGE, Optional.empty(),
                    Duration.ofMinutes(30)));
            new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC()).refreshDue();
            assertThat(inst.store().count()).isEqualTo(2);
            assertThat(inst.store().findByUrl(url("/news/2.html"))).isPresent();
            assertThat(inst.store().findByUrl(url("/section/index.html"))).as("the list page is no article").isEmpty();
        }
    }

    @Test
    void aRefreshIsConditionalAndA304WritesNothing() {
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            long id = ((SourceAddResult.Added) inst.store().addSource(new NewSource("条件", url("/etag-feed.xml"),
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)))).source().id();
            SourceRefresher refresher = new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC());
            refresher.refresh(inst.store().findSource(id).orElseThrow());
            assertThat(inst.store().count()).isEqualTo(2);
            assertThat(inst.store().findSource(id).orElseThrow().health().etag()).contains("\"v1\"");
            int pagesBefore = pageHits.get();
            var second = refresher.refresh(inst.store().findSource(id).orElseThrow());
            assertThat(conditionalAsks).containsExactly("null", "\"v1\"");
            assertThat(second.seen()).isZero();
            assertThat(pageHits.get()).isEqualTo(pagesBefore);
            assertThat(inst.store().count()).isEqualTo(2);
            assertThat(inst.store().findSource(id).orElseThrow().health().consecutiveFailures()).isZero();
        }
    }

    @Test
    void aFailingSourceBacksOffAndAPausedOneIsSkipped() {
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            long broken = ((SourceAddResult.Added) inst.store().addSource(new NewSource("坏", url("/broken.xml"),
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(10)))).source().id();
            long paused = ((SourceAddResult.Added) inst.store().addSource(new NewSource("停", url("/feed.xml"),
                    SourceKind.FEED, Optional.empty(), Duration.ofMinutes(10)))).source().id();
            inst.store().setSourcePaused(paused, true);
            SourceRefresher refresher = new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC());
            assertThat(refresher.refreshDue()).isEqualTo(1);
            Source failed = inst.store().findSource(broken).orElseThrow();
            assertThat(failed.health().consecutiveFailures()).isEqualTo(1);
            assertThat(failed.health().lastError()).hasValueSatisfying(e -> assertThat(e).contains("500"));
            assertThat(failed.health().nextDue().orElseThrow()).isAfter(Instant.now().plus(Duration.ofMinutes(19)));
            assertThat(inst.store().count()).isZero();
        }
    }

    @Test
    void twoNodesRefreshingAtOnceFetchEachSourceOnce() throws Exception {
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            for (int i = 0; i < 6; i++) {
                inst.store().addSource(new NewSource("源" + i, url("/feed.xml?copy=" + i), SourceKind.FEED,
                        Optional.empty(), Duration.ofMinutes(30)));
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var start = new java.util.concurrent.CyclicBarrier(2);
            try {
                var a = pool.submit(() -> {
                    start.await();
                    return new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC(), "a").refreshDue();
                });
                var b = pool.submit(() -> {
                    start.await();
                    return new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC(), "b").refreshDue();
                });
                assertThat(a.get() + b.get()).isEqualTo(6);
            } finally {
                pool.shutdownNow();
            }
            assertThat(feedHits.get()).as("each source fetched by one node").isEqualTo(6);
            assertThat(inst.store().count()).isEqualTo(2);
            assertThat(inst.store().listSources()).allSatisfy(s -> assertThat(s.health().lastSuccess()).isPresent());
        }
    }
}
