package io.huixun.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.bench.common.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Distinct Chinese news-like articles for the fleet: paragraphs of the CCTV 新闻联播 pool recombined (each paragraph
 * used once while the pool lasts, so de-duplication has nothing to fold) under new titles whose first six characters
 * are a phrase no other title has ({@code 海岸稻米钢铁：…}); generated sentences when the shared data is absent.
 *
 * <p>Immutable after construction.
 */
final class ArticleTexts {
    /** Two-character words; three of them make a title's unique phrase (40³ = 64,000 phrases). */
    private static final String[] WORDS = {"海岸", "稻米", "钢铁", "草原", "港口", "高铁", "书院", "茶园", "湿地", "桥梁",
        "渔村", "果园", "矿山", "码头", "林场", "古镇", "雪山", "盐湖", "峡谷", "河谷", "梯田", "牧场", "灯塔", "船坞",
        "窑厂", "绣坊", "药圃", "蚕房", "竹海", "沙洲", "冰川", "火山", "石窟", "驿站", "粮仓", "水库", "隧道", "风电",
        "光伏", "苗圃"};
    private static final String[] TOPICS = {"新变化", "走笔", "一线观察", "发展纪实", "见闻", "新气象", "调查", "特写"};

    /** One article's text. */
    record Text(String title, String phrase, List<String> paragraphs) {}

    private final List<String> pool;
    private final String origin;

    private ArticleTexts(List<String> pool, String origin) {
        this.pool = pool;
        this.origin = origin;
    }

    /** From the shared CCTV pool when present (enough paragraphs for {@code articles}), else generated. */
    static ArticleTexts load(int articles, long seed) throws IOException {
        Optional<Path> file = SharedData.root().map(r -> r.resolve("data/cctv-xwlb/articles.jsonl"))
                .filter(Files::exists);
        Random random = new Random(seed);
        int wanted = articles * 4;
        List<String> paragraphs = new ArrayList<>();
        String origin;
        if (file.isPresent()) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null && paragraphs.size() < wanted + wanted / 4; ) {
                    JsonNode a = json.readTree(line);
                    for (String p : a.path("body").asText().split("\n")) {
                        String t = p.strip().replaceFirst("^央视网消息（新闻联播）：", "");
                        if (t.length() >= 60 && t.length() <= 400) {
                            paragraphs.add(t);
                        }
                    }
                }
            }
            origin = "CCTV 新闻联播 paragraphs (" + file.get() + ") recombined";
        } else {
            origin = "generated sentences (shared data absent)";
        }
        if (paragraphs.size() < 40) {
            paragraphs = generated(Math.max(wanted, 400), random);
        }
        Collections.shuffle(paragraphs, random);
        return new ArticleTexts(List.copyOf(paragraphs), origin);
    }

    String origin() {
        return origin;
    }

    /** Article {@code i}: four paragraphs (never shared with another article while the pool lasts), a unique title. */
    Text article(int i) {
        if (i >= WORDS.length * WORDS.length * WORDS.length) {
            throw new IllegalArgumentException("at most 64000 distinct titles, asked for article " + i);
        }
        String phrase = WORDS[i % WORDS.length] + WORDS[(i / WORDS.length) % WORDS.length]
                + WORDS[i / (WORDS.length * WORDS.length)];
        List<String> ps = new ArrayList<>(4);
        int n = pool.size();
        for (int k = 0; k < 4; k++) {
            // beyond the pool, k-th paragraphs shift by a different stride so no two articles share two paragraphs
            int round = (i * 4 + k) / n;
            ps.add(pool.get((i * 4 + k + round * (k * 7 + 3)) % n));
        }
        String lead = ps.get(0);
        String gist = lead.length() > 12 ? lead.substring(0, 12).replaceAll("[，。、：；“”！？（）\\s]", "") : lead;
        String title = phrase + "：" + gist + TOPICS[i % TOPICS.length];
        return new Text(title, phrase, List.copyOf(ps));
    }

    private static List<String> generated(int count, Random random) {
        String[] subjects = {"当地", "企业", "科研团队", "村民", "基层干部", "志愿者", "学校", "合作社", "园区", "医院"};
        String[] verbs = {"推进", "完善", "探索", "加快", "落实", "优化", "建设", "升级", "拓展", "保障"};
        String[] objects = {"生态保护", "产业转型", "民生服务", "科技创新", "乡村振兴", "交通网络", "文化传承",
            "就业岗位", "医疗条件", "教育资源"};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder p = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                p.append(subjects[random.nextInt(subjects.length)]).append(verbs[random.nextInt(verbs.length)])
                        .append(objects[random.nextInt(objects.length)]).append("，今年以来累计投入")
                        .append(100 + random.nextInt(9900)).append("万元，惠及").append(1 + random.nextInt(999))
                        .append("户群众。");
            }
            out.add(p.toString());
        }
        return out;
    }
}
