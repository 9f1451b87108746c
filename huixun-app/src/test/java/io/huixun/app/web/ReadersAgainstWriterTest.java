package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.app.web.view.FrontPageView;
import io.huixun.app.web.view.TopStory;
import io.huixun.ingest.SourceRefresher;
import io.huixun.store.ArticleSummary;
import io.huixun.store.NewSource;
import io.huixun.store.SourceKind;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.StoryRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers (front page, story pages, articles, search) run while the refresher ingests several full-text feeds from a
 * loopback server: no reader may fail, every page it sees must be well formed, and once the writer is done every
 * stored story's counts must equal its members.
 */
class ReadersAgainstWriterTest {
    @TempDir
    Path dir;

    @Test
    void readersNeverFailAndStoryCountsMatchTheirMembers() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(TestInstallations.sample(dir, "fuyao-news.jsonl", 60))) {
            items.add(json.readTree(line));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] base = new String[1];
        int feeds = 4;
        for (int f = 0; f < feeds; f++) {
            int feed = f;
            server.createContext("/feed" + f + ".xml", ex -> {
                byte[] body = rss(items.subList(feed * 15, feed * 15 + 15), "源" + feed, base[0]).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        base[0] = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Installation inst = TestInstallations.openForLoopback(dir.resolve("data"))) {
            for (int f = 0; f < feeds; f++) {
                inst.store().addSource(new NewSource("源" + f, base[0] + "/feed" + f + ".xml", SourceKind.FEED,
                        Optional.empty(), Duration.ofMinutes(30)));
            }
            LocalNewsDesk desk = new LocalNewsDesk(inst);
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger pagesRead = new AtomicInteger();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            CountDownLatch started = new CountDownLatch(4);
            for (int r = 0; r < 4; r++) {
                int reader = r;
                readers.submit(() -> {
                    started.countDown();
                    do {
                        try {
                            readOnce(desk, reader);
                            pagesRead.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    } while (writing.get());
                });
            }
            started.await();
            try (SourceRefresher refresher = new SourceRefresher(inst.store(), inst.pipeline(), Clock.systemUTC(),
                    "test", 4)) {
                assertThat(refresher.refreshDue()).isEqualTo(feeds);
            } finally {
                writing.set(false);
                readers.shutdown();
                assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(failures).as("readers beside the writer").isEmpty();
            assertThat(pagesRead.get()).isPositive();
            assertThat(inst.store().count()).isEqualTo(feeds * 15L);
            assertThat(inst.index().count()).isEqualTo(inst.store().count());
            assertStoriesMatchTheirMembers(inst);
        } finally {
            server.stop(0);
        }
    }

    private static void readOnce(LocalNewsDesk desk, int reader) {
        FrontPageView front = desk.front(Optional.empty(), Optional.empty());
        Set<Long> leads = new HashSet<>();
        for (TopStory story : front.top()) {
            assertThat(leads.add(story.lead().id())).as("a lead appears once").isTrue();
            assertThat(story.related()).extracting(c -> c.id()).doesNotContain(story.lead().id());
            desk.story(story.id()).ifPresent(s -> {
                assertThat(s.timeline().size()).isLessThanOrEqualTo(Math.max(1, s.size()));
                assertThat(s.otherSources()).isEqualTo(Math.max(0, s.sourceCounts().size() - 1));
            });
        }
        front.latest().stream().limit(3).forEach(c -> assertThat(desk.article(c.id())).isPresent());
        desk.search(reader % 2 == 0 ? "中国" : "人工智能", "relevance", 0, 10);
    }

    private static void assertStoriesMatchTheirMembers(Installation inst) {
        Map<String, Integer> members = new HashMap<>();
        Map<String, Integer> reports = new HashMap<>();
        List<ArticleSummary> all = inst.store().listRecent(false, 0, 1000);
        Map<Long, StoredUnderstanding> u = inst.store().understandings(all.stream().map(ArticleSummary::id).toList());
        for (ArticleSummary a : all) {
            String story = u.get(a.id()).storyId().orElseThrow();
            reports.merge(story, 1, Integer::sum);
            if (a.duplicateOf().isEmpty()) {
                members.merge(story, 1, Integer::sum);
            }
        }
        Map<String, StoryRecord> stories = inst.store().stories(reports.keySet());
        assertThat(stories.keySet()).isEqualTo(reports.keySet());
        for (StoryRecord s : stories.values()) {
            assertThat(s.reports()).as("reports of " + s.id()).isEqualTo(reports.get(s.id()));
            assertThat(s.articles()).as("articles of " + s.id()).isEqualTo(members.getOrDefault(s.id(), 0));
            assertThat(inst.store().storySources(s.id()).values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(s.reports());
        }
    }

    /** A full-text feed; its links point at this loopback server, where no page exists (the feed's text is kept). */
    private static String rss(List<JsonNode> items, String title, String base) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>" + title
                + "</title><link>http://127.0.0.1/</link><description>d</description>");
        for (JsonNode item : items) {
            String body = item.get("body").asText();
            sb.append("<item><title>").append(escape(item.get("title").asText())).append("</title>")
                    .append("<link>").append(base).append("/a/").append(escape(item.get("id").asText())).append("</link>")
                    .append("<pubDate>Mon, 22 Dec 2025 10:00:00 +0800</pubDate>")
                    .append("<description>").append(escape(body.substring(0, Math.min(60, body.length()))))
                    .append("</description><content:encoded><![CDATA[");
            body.lines().forEach(p -> sb.append("<p>").append(p.replace("]]>", "")).append("</p>"));
            sb.append("]]></content:encoded></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
