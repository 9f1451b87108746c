package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.fetch.Fetcher;
import io.huixun.store.Source;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source added on the web page is named by the feed's own title (a real loopback feed), else by its host. */
class SourceNamingTest {
    @TempDir
    Path dir;

    @Test
    void aSourceAddedWithoutANameTakesTheFeedsTitle() throws Exception {
        HttpServer feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>  新华网 国际频道 </title>
                <link>https://www.news.cn/world/</link><description>国际新闻</description></channel></rss>""";
        feeds.createContext("/world.xml", ex -> {
            byte[] bytes = rss.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        feeds.createContext("/gone.xml", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        feeds.start();
        String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
        try (Installation installation = TestInstallations.openForLoopback(dir.resolve("data"));
             Fetcher fetcher = Fetcher.create(TestInstallations.loopbackFetchSettings())) {
            LocalNewsDesk desk = new LocalNewsDesk(installation, Optional.of(fetcher));
            Notice titled = desk.addSource(base + "/world.xml", Optional.empty(), Duration.ofMinutes(20));
            assertThat(titled.failed()).isFalse();
            assertThat(titled.text(Messages.of(Lang.ZH_HANS))).endsWith("：新华网 国际频道");
            Notice named = desk.addSource(base + "/gone.xml", Optional.of("我起的名字"), Duration.ofMinutes(20));
            assertThat(named.text(Messages.of(Lang.EN))).endsWith(": 我起的名字");
            Notice fallback = desk.addSource(base + "/gone.xml?again", Optional.empty(), Duration.ofMinutes(20));
            assertThat(fallback.text(Messages.of(Lang.ZH_HANS))).endsWith("：127.0.0.1");
            assertThat(installation.store().listSources()).extracting(Source::name)
                    .containsExactly("新华网 国际频道", "我起的名字", "127.0.0.1");
            assertThat(installation.store().listSources()).allMatch(s -> s.refreshInterval().equals(Duration.ofMinutes(20)));
        } finally {
            feeds.stop(0);
        }
    }
}
