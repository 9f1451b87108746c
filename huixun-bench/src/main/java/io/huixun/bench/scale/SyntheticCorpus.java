package io.huixun.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic news corpus of any size, made by recombining paragraphs of a pool of real articles (the
 * CCTV pool), so that the text has the vocabulary, length and entity density of real news while every article is
 * distinct (issue 12: "recombined paragraphs of different articles, new titles and dates").
 *
 * <p>Design: the corpus is written day by day, {@code perDay} articles a day from 2020-01-01 on. A day holds events;
 * an event is one pool article (its anchor) reported 1–6 times by different synthetic sources. A report is the
 * anchor's lead (its first two sentences), one further paragraph of the anchor (a different one per report of an
 * event, from a random offset per event), and two paragraphs of two other random pool articles; its title is the
 * anchor's title, with a rubric before it for follow-up reports. So reports of one event share names and headline words (stories form, as
 * they do for real news) but share only the lead, far below the near-duplicate threshold (dedup must not fold them;
 * {@link ScaleBenchmark} prints how many were folded). The day's reports are shuffled with the seed.
 *
 * <p>Example (seed 42): day 0, event anchored on "【领航中国】共护一江水 万里长江焕发新活力" gives 3 reports by 合成来源07,
 * 合成来源21, 合成来源33, each beginning "央视网消息（新闻联播）：长江是中华民族的母亲河，…" and going on differently.
 *
 * <p>When the pool is absent, a pool of generated articles (sentences from a fixed word list, seeded) stands in.
 * Stateless apart from the pool it holds (immutable after construction).
 */
final class SyntheticCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] RUBRICS = {"追踪：", "关注：", "快讯：", "评论：", "聚焦：", "现场："};
    static final int SOURCES = 40;

    /** One pool article: its title and paragraphs (at least one). */
    record PoolArticle(String title, List<String> paragraphs) {
    }

    private final List<PoolArticle> pool;
    private final boolean generatedPool;

    private SyntheticCorpus(List<PoolArticle> pool, boolean generatedPool) {
        this.pool = pool;
        this.generatedPool = generatedPool;
    }

    /** The pool from a JSONL file of {@code title, body}; bodies are split into paragraphs at line breaks. */
    static SyntheticCorpus fromJsonl(Path file) throws IOException {
        List<PoolArticle> pool = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = JSON.readTree(line);
                String title = a.path("title").asText("").strip();
                List<String> paragraphs = new ArrayList<>();
                for (String p : a.path("body").asText("").split("\n")) {
                    if (p.strip().length() >= 10) {
                        paragraphs.add(p.strip());
                    }
                }
                if (!title.isEmpty() && !paragraphs.isEmpty()) {
                    pool.add(new PoolArticle(title, List.copyOf(paragraphs)));
                }
            }
        }
        return new SyntheticCorpus(List.copyOf(pool), false);
    }

    /** A pool of {@code size} generated articles (when the shared data is absent). */
    static SyntheticCorpus generated(int size, long seed) {
        String[] words = ("经济 发展 合作 会议 城市 农村 科技 创新 企业 市场 政策 改革 教育 医疗 交通 能源 环境 保护 生态 文化 "
                + "旅游 体育 国际 外交 安全 人民 群众 干部 代表 委员 政府 部门 地方 项目 建设 投资 消费 贸易 出口 进口 "
                + "产业 制造 农业 粮食 水利 电力 铁路 公路 航空 港口 数字 网络 数据 平台 服务 社区 乡村 振兴 就业 收入 "
                + "增长 稳定 推进 加强 完善 提高 落实 举行 召开 发布 实施 开展 推动 促进 支持 保障 北京 上海 广东 四川 "
                + "湖北 浙江 江苏 山东 河南 云南 长江 黄河 联合国 委员会 研究院 大学 医院 公司 集团 银行 协会").split(" ");
        Random r = new Random(seed);
        List<PoolArticle> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 4 + r.nextInt(3); w++) {
                title.append(words[r.nextInt(words.length)]);
            }
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < 2 + r.nextInt(4); p++) {
                StringBuilder para = new StringBuilder();
                for (int s = 0; s < 2 + r.nextInt(4); s++) {
                    for (int w = 0; w < 6 + r.nextInt(10); w++) {
                        para.append(words[r.nextInt(words.length)]);
                        if (r.nextInt(6) == 0) {
                            para.append('，');
                        }
                    }
                    para.append('。');
                }
                paragraphs.add(para.toString());
            }
            pool.add(new PoolArticle(title.toString(), List.copyOf(paragraphs)));
        }
        return new SyntheticCorpus(List.copyOf(pool), true);
    }

    List<PoolArticle> pool() {
        return pool;
    }

    boolean generatedPool() {
        return generatedPool;
    }

    /**
     * Writes {@code count} articles as JSONL ({@code id, url, title, body, date, source}) to {@code file}.
     *
     * @return the number of days the dates span
     */
    int write(Path file, int count, int perDay, long seed) throws IOException {
        Random r = new Random(seed);
        LocalDate first = LocalDate.of(2020, 1, 1);
        int written = 0;
        int day = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < count) {
                List<ObjectNode> today = new ArrayList<>();
                int todayCount = Math.min(perDay, count - written);
                while (today.size() < todayCount) {
                    PoolArticle anchor = pool.get(r.nextInt(pool.size()));
                    int reports = Math.min(todayCount - today.size(), reportsOf(r));
                    List<Integer> sources = new ArrayList<>();
                    for (int s = 0; s < SOURCES; s++) {
                        sources.add(s);
                    }
                    Collections.shuffle(sources, r);
                    int offset = r.nextInt(1 << 16); // this event's first further paragraph
                    for (int j = 0; j < reports; j++) {
                        today.add(report(anchor, j, offset, sources.get(j), first.plusDays(day), r));
                    }
                }
                Collections.shuffle(today, r);
                for (ObjectNode a : today) {
                    String id = "syn-" + seed + "-" + written;
                    a.put("id", id);
                    a.put("url", "https://synthetic.huixun.invalid/" + seed + "/" + written);
                    out.write(JSON.writeValueAsString(a));
                    out.write('\n');
                    written++;
                }
                day++;
            }
        }
        return day;
    }

    /** 1 report (half the events), 2, 3 … up to 6, fewer the more there are. */
    private static int reportsOf(Random r) {
        int n = 1;
        while (n < 6 && r.nextInt(2) == 0) {
            n++;
        }
        return n;
    }

    /** Report {@code j} of an event; the event's {@code offset} + j picks its further anchor paragraph. */
    private ObjectNode report(PoolArticle anchor, int j, int offset, int source, LocalDate date, Random r) {
        List<String> body = new ArrayList<>();
        body.add(lead(anchor.paragraphs().get(0)));
        if (anchor.paragraphs().size() > 1) {
            // the event's offset + j: reports of one event differ, and two events on one anchor (days apart) start at
            // different paragraphs (with "report j takes paragraph j" 6.4% of a 114k corpus folded as copies)
            body.add(anchor.paragraphs().get(1 + (offset + j) % (anchor.paragraphs().size() - 1)));
        }
        for (int k = 0; k < 2; k++) {
            PoolArticle other = pool.get(r.nextInt(pool.size()));
            body.add(other.paragraphs().get(r.nextInt(other.paragraphs().size())));
        }
        ObjectNode a = JSON.createObjectNode();
        a.put("title", j == 0 ? anchor.title() : RUBRICS[r.nextInt(RUBRICS.length)] + anchor.title());
        a.put("body", String.join("\n", body));
        a.put("date", date.toString());
        a.put("source", String.format("合成来源%02d", source));
        return a;
    }

    /** The first two sentences of a paragraph (all of it when it has fewer). "甲。乙。丙。" → "甲。乙。" */
    static String lead(String paragraph) {
        int end = -1;
        for (int s = 0; s < 2; s++) {
            int next = paragraph.indexOf('。', end + 1);
            if (next < 0) {
                return paragraph;
            }
            end = next;
        }
        return paragraph.substring(0, end + 1);
    }
}
