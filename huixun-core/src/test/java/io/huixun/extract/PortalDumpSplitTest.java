package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalDumpSplitTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(
            new ExtractOptions(ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, SHANGHAI), SHANGHAI));

    private static List<Article> extract(byte[] bytes, String name) {
        Extraction e = EXTRACTOR.extract(RawDocument.ofFile(name, bytes));
        assertThat(e).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) e).articles();
    }

    private static byte[] seed() throws IOException {
        try (InputStream in = PortalDumpSplitTest.class.getResourceAsStream("/extract/seed-portal-dump.txt")) {
            return in.readAllBytes();
        }
    }

    @Test
    void seedSplitsIntoLeadAndSixTeasers() throws IOException {
        List<Article> items = extract(seed(), "seed.txt");

        assertThat(items).hasSize(7);
        Article lead = items.get(0);
        assertThat(lead.title()).isEqualTo("中國—中亞外長舉行第六次會晤"); // raw; repair turns it into 中国—中亚…
        assertThat(lead.teaser()).isFalse();
        assertThat(lead.paragraphs()).hasSizeGreaterThan(5);
        assertThat(lead.paragraphs().get(0)).startsWith("當(dāng)?shù)貢r間2025年4月26日");
        assertThat(lead.published()).contains(ZonedDateTime.of(2025, 4, 26, 0, 0, 0, 0, SHANGHAI));
        assertThat(items.subList(1, 7)).allSatisfy(a -> {
            assertThat(a.teaser()).isTrue();
            assertThat(a.title()).isNotBlank();
            assertThat(a.paragraphs()).hasSize(1);
        });
        assertThat(items.subList(1, 7)).extracting(Article::title).containsExactly(
                "交流互鑒 科技賦能!第四屆全球媒體創(chuàng)新論壇在山東曲阜舉行",
                "第二部以“法典”命名的法律!生態(tài)環(huán)境法典編纂邁出“關(guān)鍵步”",
                "孩子不能又親又抱 當(dāng)心“親吻病”→",
                "核電開閘!國常會核準(zhǔn)10臺新機組,拉動超2000億投資,新項目花落誰家?",
                "習(xí)近平:光榮屬于勞動者,幸福屬于勞動者",
                "微視頻|出圈出海出彩!看中華文化魅力");
    }

    @Test
    void teaserDatelineGivesSourceAuthorAndADateNearTheLeads() throws IOException {
        Article law = extract(seed(), "seed.txt").get(2);

        assertThat(law.dateline()).hasValueSatisfying(d -> {
            assertThat(DatelineParser.heading(d)).isEqualTo("新華社北京4月27日電");
            assertThat(d.place()).contains("北京");
            assertThat(d.reporters()).containsExactly("楊維漢", "羅沙");
        });
        assertThat(law.source()).contains("新華社");
        assertThat(law.author()).contains("楊維漢、羅沙");
        // "4月27日" has no year: read beside the lead's 2025-04-26, not against the clock (2026 here)
        assertThat(law.published()).contains(ZonedDateTime.of(2025, 4, 27, 0, 0, 0, 0, SHANGHAI));
    }

    @Test
    void otherDumpsSplitOnAnyDashRuleAndKeepFullItemsFull() {
        String dump = """
                北京今日发布暴雨蓝色预警

                北京市气象台2024年7月30日10时发布暴雨蓝色预警。预计今天午后至夜间，全市有大雨，局地暴雨。

                市民出行请注意安全。
                ---
                全国夏粮收购进度过半
                据国家粮食和物资储备局消息，主产区夏粮收购进度已经过半，各地收购秩序良好。
                ———
                新能源汽车下乡活动启动
                活动将持续到年底，覆盖全国多个县市……
                """;
        List<Article> items = extract(dump.getBytes(StandardCharsets.UTF_8), "dump.txt");

        assertThat(items).extracting(Article::title)
                .containsExactly("北京今日发布暴雨蓝色预警", "全国夏粮收购进度过半", "新能源汽车下乡活动启动");
        assertThat(items).extracting(Article::teaser).containsExactly(false, false, true);
        assertThat(items.get(0).paragraphs()).hasSize(2);
        assertThat(items.get(0).published()).contains(ZonedDateTime.of(2024, 7, 30, 10, 0, 0, 0, SHANGHAI));
    }

    @Test
    void dumpInGbkDecodesTheSameAsInUtf8() throws IOException {
        Charset gbk = Charset.forName("GB18030");
        String text = new String(seed(), StandardCharsets.UTF_8);
        // the seed carries a few characters outside GBK's repertoire? GB18030 covers all of Unicode, so none are lost
        List<Article> fromGbk = extract(text.getBytes(gbk), "seed-gbk.txt");
        List<Article> fromUtf8 = extract(seed(), "seed.txt");

        assertThat(fromGbk).extracting(Article::title).isEqualTo(fromUtf8.stream().map(Article::title).toList());
        assertThat(fromGbk.get(0).body()).isEqualTo(fromUtf8.get(0).body());
    }

    @Test
    void plainTextWithoutRulesIsOneArticle() {
        String text = "一篇普通的文章\n第一段，正文。\n第二段，正文。\n";
        List<Article> items = extract(text.getBytes(StandardCharsets.UTF_8), "a.txt");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).title()).isEqualTo("一篇普通的文章");
        assertThat(items.get(0).paragraphs()).containsExactly("第一段，正文。", "第二段，正文。");
        assertThat(items.get(0).teaser()).isFalse();
    }
}
