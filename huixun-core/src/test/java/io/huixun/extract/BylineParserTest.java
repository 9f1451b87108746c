package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylineParserTest {

    @Test
    void sourcesFromLabelsAndOpenings() {
        assertThat(BylineParser.source("2005-04-27 14:32更新 来源：千龙新闻网")).contains("千龙新闻网");
        assertThat(BylineParser.source("来源: 新华社 作者: 张三")).contains("新华社");
        assertThat(BylineParser.source("央视网消息（新闻联播）：今天下午，")).contains("央视网");
        assertThat(BylineParser.source("来源：人民网-文化频道 原创稿")).contains("人民网");
        assertThat(BylineParser.source("他说来的人很多")).isEmpty();
    }

    @Test
    void reportersCreditedAtTheEnd() {
        assertThat(BylineParser.closingCredit("推动云南工业高质量发展。（记者 胡晓蓉）")).contains("胡晓蓉");
        assertThat(BylineParser.closingCredit("都是利益再分配的过程吗？”（姚峰 上海报道）")).contains("姚峰");
        assertThat(BylineParser.closingCredit("廉洁的新春佳节。（常书香 马丹阳 ）")).contains("常书香 马丹阳");
        assertThat(BylineParser.closingCredit("起到极大推动作用。 （总台记者 张倩）")).contains("张倩");
        assertThat(BylineParser.closingCredit("这是一个很长的括号（它说明了一些事情，并不是署名）")).isEmpty();
        assertThat(BylineParser.closingCredit("会议决定如下（附件）")).isEmpty();
    }

    @Test
    void authorsFromLabelsButNotPlaceholders() {
        assertThat(BylineParser.author("作者：茉莉 发布时间：2005-5-7")).contains("茉莉");
        assertThat(BylineParser.author("文/李四")).contains("李四");
        assertThat(BylineParser.author("作者：佚名")).isEmpty();
        assertThat(BylineParser.author("作者单位：北京大学社会学系")).isEmpty();
    }
}
