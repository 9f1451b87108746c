package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.ingest.IngestProgress;
import io.huixun.store.StoredUnderstanding;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/articles}: both cursors walk the whole listing once, in order; source and category filter. */
class ApiArticlesPagingTest {
    @TempDir
    static Path dir;
    static Installation installation;
    static WebServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String[] TOPICS = {"农业丰收", "航天发射", "足球联赛", "高校招生", "港口吞吐", "森林防火", "电影票房",
            "地铁开通", "桥梁建成", "茶叶出口", "冰雪旅游", "机器人大赛"};
    /** Bodies that share no sentence, so that none is folded as a copy of another. */
    static final String[] BODIES = {"今年小麦单产再创新高，种粮农民收入明显增加。", "运载火箭按计划升空，卫星顺利进入预定轨道。",
            "主队在最后时刻攻入制胜球，积分榜排名上升两位。", "多所大学公布新的录取规则，考生可以提前查询分数线。",
            "集装箱装卸效率提升，码头夜间作业照常进行。", "护林员加强巡查，山区禁止野外用火。", "春节档影片观众人次超过预期，动画片表现突出。",
            "新线路连接机场和火车站，早高峰发车间隔缩短。", "跨江大桥合龙通车，两岸居民出行时间减少一半。", "绿茶远销中亚和欧洲，订单比去年多三成。",
            "滑雪场迎来客流高峰，周边酒店入住率接近满员。", "中学生设计的机械臂获得一等奖，评委称赞其创意。"};

    @BeforeAll
    static void start() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < TOPICS.length; i++) {
            String source = i % 3 == 0 ? "甲报" : "乙台";
            lines.append("{\"title\":\"").append(TOPICS[i]).append("的新进展第").append(i).append("号\",\"body\":\"")
                    .append(BODIES[i]).append("\",\"source\":\"").append(source).append("\",\"date\":\"2026-03-")
                    .append(String.format("%02d", 1 + i)).append("T08:00:00+08:00\",\"url\":\"https://news.example.cn/")
                    .append(i).append("\"}\n");
        }
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("news.jsonl"), lines);
        installation = Installation.open(dir.resolve("data"));
        installation.pipeline().ingest(in.toString(), IngestProgress.NONE);
        server = LoopbackServer.start(new LocalNewsDesk(installation),
                AdminAuth.open(installation.store().readers(), "admin", Optional.empty(), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        server.close();
        installation.close();
    }

    @Test
    void cursorsWalkBackwardAndForwardOverEveryArticleOnce() throws Exception {
        List<Long> backward = new ArrayList<>();
        JsonNode page = get("/api/articles?limit=5");
        long newest = page.path("next_after").asLong();
        while (true) {
            page.path("articles").forEach(a -> backward.add(a.path("id").asLong()));
            if (page.path("next_before").isNull()) {
                break;
            }
            page = get("/api/articles?limit=5&before=" + page.path("next_before").asLong());
        }
        assertThat(backward).hasSize(TOPICS.length).doesNotHaveDuplicates();
        assertThat(newest).isEqualTo(backward.get(0));

        // forward from the oldest: the rest, oldest first, ending with the newest; then nothing new
        long cursor = backward.get(backward.size() - 1);
        List<Long> forward = new ArrayList<>();
        while (true) {
            JsonNode next = get("/api/articles?limit=4&after=" + cursor);
            next.path("articles").forEach(a -> forward.add(a.path("id").asLong()));
            cursor = next.path("next_after").asLong();
            if (!next.path("more").asBoolean()) {
                break;
            }
        }
        List<Long> expected = new ArrayList<>(backward.subList(0, backward.size() - 1));
        java.util.Collections.reverse(expected);
        assertThat(forward).isEqualTo(expected);
        assertThat(get("/api/articles?after=" + cursor).path("articles")).isEmpty();
        assertThat(status("/api/articles?after=1&before=2")).isEqualTo(400);
    }

    @Test
    void sourceAndCategoryFilter() throws Exception {
        JsonNode a = get("/api/articles?limit=100&source=" + enc("甲报"));
        assertThat(a.path("articles")).hasSize(4).allMatch(x -> x.path("source").asText().equals("甲报"));
        long someId = a.path("articles").get(0).path("id").asLong();
        StoredUnderstanding su = installation.store().understanding(someId).orElseThrow();
        String label = su.understanding().category().label();
        JsonNode byCategory = get("/api/articles?limit=100&category=" + enc(label));
        assertThat(byCategory.path("articles")).isNotEmpty();
        for (JsonNode x : byCategory.path("articles")) {
            assertThat(installation.store().understanding(x.path("id").asLong()).orElseThrow().understanding()
                    .category().label()).isEqualTo(label);
        }
        assertThat(get("/api/articles?category=" + enc("没有这个类别")).path("articles")).isEmpty();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(LoopbackServer.base(server) + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(LoopbackServer.base(server) + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
