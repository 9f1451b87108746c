package io.huixun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prefix that understanding reads: whole sentences within the limit, the text itself when it is short. */
class ArticlePreparerPrefixTest {
    @Test
    void aShortTextIsReadWhole() {
        assertThat(ArticlePreparer.prefix("甲。乙。丙", 5)).isEqualTo("甲。乙。丙");
    }

    @Test
    void aLongTextIsCutAfterItsLastSentenceWithinTheLimit() {
        assertThat(ArticlePreparer.prefix("甲。乙。丙丁戊", 5)).isEqualTo("甲。乙。");
        assertThat(ArticlePreparer.prefix("第一段\n第二段很长很长", 6)).isEqualTo("第一段\n");
    }

    @Test
    void aTextWithoutSentenceEndsIsCutAtTheLimitButNeverInsideASurrogatePair() {
        assertThat(ArticlePreparer.prefix("一二三四五六七八", 4)).isEqualTo("一二三四");
        String withRareChar = "一二三\uD840\uDC00五六"; // 𠀀 takes two chars at 3 and 4
        assertThat(ArticlePreparer.prefix(withRareChar, 4)).isEqualTo("一二三");
    }

    @Test
    void theAnalysisLimitIsBelowTheArticleLimit() {
        assertThat(ArticlePreparer.ANALYSIS_PREFIX_CHARS).isLessThan(ArticlePreparer.MAX_ARTICLE_CHARS);
    }
}
