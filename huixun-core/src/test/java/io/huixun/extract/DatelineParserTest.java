package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.model.Dateline;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cases of the two former parsers' tests (extract's BylineParserTest, nlp's DatelineParserTest) and the union. */
class DatelineParserTest {
    private final LocalDate published = LocalDate.of(2025, 4, 28);

    @Test
    void agencyPlaceDateAndReporters() {
        Dateline d = DatelineParser.opening("新华社北京4月27日电（记者杨维汉、罗沙）最高人民法院27日发布报告。", published)
                .orElseThrow();
        assertThat(d.agency()).contains("新华社");
        assertThat(d.place()).contains("北京");
        assertThat(d.date()).contains(LocalDate.of(2025, 4, 27));
        assertThat(d.reporters()).containsExactly("杨维汉", "罗沙");
        assertThat(d.text()).isEqualTo("新华社北京4月27日电（记者杨维汉、罗沙）");
        assertThat(d.start()).isZero();
        assertThat(DatelineParser.heading(d)).isEqualTo("新华社北京4月27日电");
        assertThat(DatelineParser.credit(d)).contains("杨维汉、罗沙");
    }

    @Test
    void xinhuaDatelineWithReportersAsExtractionReadsIt() {
        assertThat(DatelineParser.filed("新华社北京4月27日电（记者杨维汉、罗沙）法律制度如何让天更蓝？", published))
                .hasValueSatisfying(d -> {
                    assertThat(DatelineParser.heading(d)).isEqualTo("新华社北京4月27日电");
                    assertThat(d.agency()).contains("新华社");
                    assertThat(d.place()).contains("北京");
                    assertThat(d.date()).contains(LocalDate.of(2025, 4, 27));
                    assertThat(DatelineParser.credit(d)).contains("杨维汉、罗沙");
                });
    }

    @Test
    void datelineInTraditionalScriptAfterAHeadline() {
        assertThat(DatelineParser.filed("新華鮮報丨第二部法律!新華社北京4月27日電(記者楊維漢、羅沙)法律制度", published))
                .hasValueSatisfying(d -> {
                    assertThat(DatelineParser.heading(d)).isEqualTo("新華社北京4月27日電");
                    assertThat(d.text()).isEqualTo("新華社北京4月27日電(記者楊維漢、羅沙)");
                    assertThat(d.start()).isEqualTo(11);
                    assertThat(DatelineParser.credit(d)).contains("楊維漢、羅沙");
                });
    }

    @Test
    void everyKnownAgencyIsKnownInBothScripts() {
        ChineseConverter toTraditional = ChineseConverter.of(ConversionConfig.S2T);
        for (String name : NewsAgencies.spellings()) {
            for (String spelling : new String[] {name, toTraditional.convert(name)}) {
                // no date: only a known agency makes this a dateline
                assertThat(DatelineParser.filed(spelling + "讯 今天，", published)).as(spelling)
                        .hasValueSatisfying(d -> assertThat(d.agency()).contains(spelling));
            }
        }
    }

    @Test
    void otherAgenciesAndForeignPlaces() {
        Dateline d = DatelineParser.opening("中新网阿拉木图4月26日电 中国—中亚外长第六次会晤举行。", published).orElseThrow();
        assertThat(d.agency()).contains("中新网");
        assertThat(d.place()).contains("阿拉木图");
    }

    @Test
    void datelinesWithoutPlaceOrFromOtherAgencies() {
        assertThat(DatelineParser.filed("中新网4月27日电 据报道，", published)).hasValueSatisfying(d -> {
            assertThat(d.agency()).contains("中新网");
            assertThat(d.place()).isEmpty();
        });
        assertThat(DatelineParser.filed("本报讯（记者 王小明）昨天，", published)).hasValueSatisfying(d -> {
            assertThat(DatelineParser.credit(d)).contains("王小明");
            assertThat(d.agency()).contains("本报");
            assertThat(DatelineParser.heading(d)).isEqualTo("本报讯");
        });
        assertThat(DatelineParser.filed("本报讯 （实习记者 樊亮 张明超 记者惠禾）13岁，", published))
                .hasValueSatisfying(d -> assertThat(d.reporters()).containsExactly("樊亮", "张明超", "惠禾"));
        assertThat(DatelineParser.filed("今天天气很好，我们去公园。", published)).isEmpty();
    }

    @Test
    void anOutletNotInTheListNeedsADate() {
        assertThat(DatelineParser.filed("某某日报北京4月27日电 会议举行。", published))
                .hasValueSatisfying(d -> assertThat(d.agency()).contains("某某日报"));
        assertThat(DatelineParser.filed("某某网讯 会议举行。", published)).isEmpty();
    }

    @Test
    void aYearAndASpecialReportAreRead() {
        Dateline d = DatelineParser.filed("新华社北京2024年12月30日专电 年终报道。", published).orElseThrow();
        assertThat(d.date()).contains(LocalDate.of(2024, 12, 30));
        assertThat(d.text()).isEqualTo("新华社北京2024年12月30日专电");
    }

    @Test
    void reportedByProgramme() {
        Dateline d = DatelineParser.opening("据新闻联播4月27日消息，国务院常务会议今天召开。", published).orElseThrow();
        assertThat(d.agency()).contains("新闻联播");
        assertThat(d.date()).contains(LocalDate.of(2025, 4, 27));
        assertThat(DatelineParser.filed("据新闻联播4月27日消息，国务院常务会议今天召开。", published))
                .as("a cited report names no author").isEmpty();
    }

    @Test
    void siteNewsWithProgramme() {
        Dateline d = DatelineParser.opening("央视网消息（新闻联播）：长江是中华民族的母亲河。", published).orElseThrow();
        assertThat(d.agency()).contains("央视网");
        assertThat(d.date()).isEmpty();
        assertThat(d.text()).isEqualTo("央视网消息（新闻联播）：");
        assertThat(DatelineParser.heading(d)).isEqualTo(d.text());
    }

    @Test
    void localTimeIsTheTimeOfAnEventNotADateline() {
        assertThat(DatelineParser.opening("当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。", published)).isEmpty();
        assertThat(DatelineParser.opening("北京时间4月26日晚，神舟二十号发射成功。", published)).isEmpty();
    }

    @Test
    void stripLeadingRemovesExactlyTheDatelineTheBodyOpensWith() {
        assertThat(DatelineParser.stripLeading("新华社北京4月27日电（记者杨维汉、罗沙）十四届全国人大常委会第十五次会议27日举行。"))
                .isEqualTo("十四届全国人大常委会第十五次会议27日举行。");
        assertThat(DatelineParser.stripLeading("央视网消息（新闻联播）：全国基本完成烈士陵园不动产登记工作。"))
                .isEqualTo("全国基本完成烈士陵园不动产登记工作。");
        assertThat(DatelineParser.stripLeading("当地时间2025年4月26日，会晤举行。")).isEqualTo("当地时间2025年4月26日，会晤举行。");
        assertThat(DatelineParser.stripLeading("会议指出，新华社北京4月27日电的报道有误。"))
                .isEqualTo("会议指出，新华社北京4月27日电的报道有误。");
        assertThat(DatelineParser.stripLeading("新華社北京4月27日電(記者楊維漢)會議舉行。")).isEqualTo("會議舉行。");
    }

    @Test
    void aDecemberDatelineOnAJanuaryArticleBelongsToTheYearBefore() {
        Dateline d = DatelineParser.opening("新华社北京12月31日电 年终报道。", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(d.date()).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void impossibleDatesAreDroppedNotGuessed() {
        Dateline d = DatelineParser.opening("新华社北京2月30日电 测试。", published).orElseThrow();
        assertThat(d.date()).isEmpty();
    }

    @Test
    void noDatelineInPlainText() {
        assertThat(DatelineParser.opening("今天天气很好，我们去公园散步。", published)).isEmpty();
        assertThat(DatelineParser.opening("", published)).isEmpty();
    }

    @Test
    void aDatelineQuotedDeepInTheBodyIsNotTheArticlesDateline() {
        String body = "这是一个很长的开头。".repeat(20) + "新华社北京4月27日电";
        assertThat(DatelineParser.opening(body, published)).isEmpty();
    }

    @Test
    void headingOfAStoredDatelineWrittenBeforeTheMerge() {
        // what understanding stored before the parsers were merged: text with the credit, reporters as a list
        Dateline stored = new Dateline("新华社北京4月27日电 （记者杨维汉 罗沙）", 0, java.util.Optional.of("新华社"),
                java.util.Optional.of("北京"), java.util.Optional.of(LocalDate.of(2025, 4, 27)),
                java.util.List.of("杨维汉", "罗沙"));
        assertThat(DatelineParser.heading(stored)).isEqualTo("新华社北京4月27日电");
        assertThat(DatelineParser.credit(stored)).contains("杨维汉、罗沙");
    }
}
