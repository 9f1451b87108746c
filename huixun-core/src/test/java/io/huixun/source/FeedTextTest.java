package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {
    @Test
    void blocksAndBreaksEndLinesAndInlineMarkupDoesNot() {
        assertThat(FeedText.paragraphs("<p>第一段<b>加粗</b>继续</p><p>第二段<br>换行<br/><br/>再换</p>"
                + "<h2>小标题</h2><ul><li>要点一</li><li>要点二</li></ul><blockquote>引文</blockquote>"))
                .containsExactly("第一段加粗继续", "第二段", "换行", "再换", "小标题", "要点一", "要点二", "引文");
    }

    @Test
    void textOutsideBlocksAndNestedDivsKeepTheirOrder() {
        assertThat(FeedText.paragraphs("开头文字<div>块一<div>内层</div>块一的尾巴</div>结尾&amp;实体&nbsp;空格"))
                .containsExactly("开头文字", "块一", "内层", "块一的尾巴", "结尾&实体 空格");
    }

    @Test
    void scriptsStylesAndTemplatesAreDropped() {
        assertThat(FeedText.text("<style>.a{}</style><p>正文<script>alert('x')</script>继续</p>"
                + "<noscript>请启用脚本</noscript><template><p>模板</p></template>"))
                .isEqualTo("正文继续");
    }

    @Test
    void iframesInEveryFormKeepTheTextAfterThem() {
        assertThat(FeedText.paragraphs("<p>前</p><iframe src=\"v.html\"/><p>后一</p>"))
                .containsExactly("前", "后一");
        assertThat(FeedText.paragraphs("<p>前</p><iframe src=\"v.html\"><p>后二</p>"))
                .containsExactly("前", "后二");
        assertThat(FeedText.paragraphs("<p>前</p><iframe src=\"v.html\">不支持 iframe</iframe><p>后三</p>"
                + "<IFRAME src=x></IFRAME><p>后四</p>"))
                .containsExactly("前", "后三", "后四");
        assertThat(FeedText.paragraphs("<p>前</p><iframe src=\"v")).containsExactly("前");
    }

    @Test
    void preKeepsItsLinesAndTablesGiveOneLinePerRow() {
        assertThat(FeedText.paragraphs("<pre>第一行\n第二行</pre><table><tr><td>甲</td><td>乙</td></tr>"
                + "<tr><td>丙</td><td>丁</td></tr></table>"))
                .containsExactly("第一行", "第二行", "甲 乙", "丙 丁");
    }

    @Test
    void emptyAndBlankInputGiveNoParagraphs() {
        assertThat(FeedText.paragraphs("")).isEmpty();
        assertThat(FeedText.paragraphs(null)).isEmpty();
        assertThat(FeedText.paragraphs("<p> </p><br><div>\u3000</div>")).isEmpty();
    }
}
