package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylineParserTest {

    @Test
    void xinhuaDatelineWithReporters() {
        assertThat(BylineParser.dateline("新华社北京4月27日电（记者杨维汉、罗沙）法律制度如何让天更蓝？")).hasValueSatisfying(d -> {
            assertThat(d.text()).isEqualTo("新华社北京4月27日电");
            assertThat(d.agency()).contains("新华社");
            assertThat(d.place()).contains("北京");
            assertThat(d.monthDay()).contains("4月27日");
            assertThat(d.reporters()).contains("杨维汉、罗沙");
        });
    }

    @Test
    void datelineInTraditionalScriptAfterAHeadline() {
        assertThat(BylineParser.dateline("新華鮮報丨第二部法律!新華社北京4月27日電(記者楊維漢、羅沙)法律制度"))
                .hasValueSatisfying(d -> {
                    assertThat(d.text()).isEqualTo("新華社北京4月27日電");
                    assertThat(d.reporters()).contains("楊維漢、羅沙");
                });
    }

    @Test
    void datelinesWithoutPlaceOrFromOtherAgencies() {
        assertThat(BylineParser.dateline("中新网4月27日电 据报道，")).hasValueSatisfying(d -> {
            assertThat(d.agency()).contains("中新网");
            assertThat(d.place()).isEmpty();
        });
        assertThat(BylineParser.dateline("本报讯（记者 王小明）昨天，")).hasValueSatisfying(d ->
                assertThat(d.reporters()).contains("王小明"));
        assertThat(BylineParser.dateline("今天天气很好，我们去公园。")).isEmpty();
    }

    @Test
    void sourcesFromLabelsAndOpenings() {
        assertThat(BylineParser.source("2005-04-27 14:32更新 来源：千龙新闻网")).contains("千龙新闻网");
        assertThat(BylineParser.source("来源: 新华社 作者: 张三")).contains("新华社");
        assertThat(BylineParser.source("央视网消息（新闻联播）：今天下午，")).contains("央视网");
        assertThat(BylineParser.source("他说来的人很多")).isEmpty();
    }

    @Test
    void authorsFromLabelsButNotPlaceholders() {
        assertThat(BylineParser.author("作者：茉莉 发布时间：2005-5-7")).contains("茉莉");
        assertThat(BylineParser.author("文/李四")).contains("李四");
        assertThat(BylineParser.author("作者：佚名")).isEmpty();
    }
}
