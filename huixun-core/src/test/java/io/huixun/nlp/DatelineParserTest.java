package io.huixun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatelineParserTest {
    private final DatelineParser parser = new DatelineParser();
    private final LocalDate published = LocalDate.of(2025, 4, 28);

    @Test
    void agencyPlaceDateAndReporters() {
        Dateline d = parser.parse("新华社北京4月27日电（记者杨维汉、罗沙）最高人民法院27日发布报告。", published).orElseThrow();
        assertThat(d.agency()).contains("新华社");
        assertThat(d.place()).contains("北京");
        assertThat(d.date()).contains(LocalDate.of(2025, 4, 27));
        assertThat(d.reporters()).containsExactly("杨维汉", "罗沙");
        assertThat(d.text()).isEqualTo("新华社北京4月27日电（记者杨维汉、罗沙）");
        assertThat(d.start()).isZero();
    }

    @Test
    void otherAgenciesAndForeignPlaces() {
        Dateline d = parser.parse("中新网阿拉木图4月26日电 中国—中亚外长第六次会晤举行。", published).orElseThrow();
        assertThat(d.agency()).contains("中新网");
        assertThat(d.place()).contains("阿拉木图");
    }

    @Test
    void reportedByProgramme() {
        Dateline d = parser.parse("据新闻联播4月27日消息，国务院常务会议今天召开。", published).orElseThrow();
        assertThat(d.agency()).contains("新闻联播");
        assertThat(d.date()).contains(LocalDate.of(2025, 4, 27));
    }

    @Test
    void siteNewsWithProgramme() {
        Dateline d = parser.parse("央视网消息（新闻联播）：长江是中华民族的母亲河。", published).orElseThrow();
        assertThat(d.agency()).contains("央视网");
        assertThat(d.date()).isEmpty();
    }

    @Test
    void localTimeIsTheTimeOfAnEventNotADateline() {
        assertThat(parser.parse("当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。", published)).isEmpty();
        assertThat(parser.parse("北京时间4月26日晚，神舟二十号发射成功。", published)).isEmpty();
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
    }

    @Test
    void aDecemberDatelineOnAJanuaryArticleBelongsToTheYearBefore() {
        Dateline d = parser.parse("新华社北京12月31日电 年终报道。", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(d.date()).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void impossibleDatesAreDroppedNotGuessed() {
        Dateline d = parser.parse("新华社北京2月30日电 测试。", published).orElseThrow();
        assertThat(d.date()).isEmpty();
    }

    @Test
    void noDatelineInPlainText() {
        assertThat(parser.parse("今天天气很好，我们去公园散步。", published)).isEmpty();
        assertThat(parser.parse("", published)).isEmpty();
    }

    @Test
    void aDatelineQuotedDeepInTheBodyIsNotTheArticlesDateline() {
        String body = "这是一个很长的开头。".repeat(20) + "新华社北京4月27日电";
        assertThat(parser.parse(body, published)).isEmpty();
    }
}
