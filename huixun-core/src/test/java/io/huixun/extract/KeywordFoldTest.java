package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordFoldTest {
    @Test
    void foldsTheKeywordsDigitsAndSeparatorsAsTheFormerTableDid() {
        // The table written by hand before the fold moved to TextFold: the shared rules must give the same chars.
        String simplified = "时间钟点周号电记讯华网报台视闻来编辑责发布联播录荐导图摄据当简称两会后个这条凤凰国际军们";
        assertThat(KeywordFold.fold(KeywordFold.KEYWORDS)).isEqualTo(simplified);
        assertThat(KeywordFold.fold(KeywordFold.WIDE)).isEqualTo("0123456789:/-. ");
        assertThat(KeywordFold.fold("新華社北京４月２７日電\u00A0（記者）")).isEqualTo("新华社北京4月27日电 （记者）");
    }
}
