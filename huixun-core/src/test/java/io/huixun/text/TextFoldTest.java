package io.huixun.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {
    @Test
    void charRulesFoldOneCharForOne() {
        assertThat(TextFold.width('Ａ')).isEqualTo('A');
        assertThat(TextFold.width('１')).isEqualTo('1');
        assertThat(TextFold.width('（')).isEqualTo('(');
        assertThat(TextFold.width('\u3000')).isEqualTo(' ');
        assertThat(TextFold.width('，')).isEqualTo(',');
        assertThat(TextFold.width('。')).isEqualTo('。'); // not a full-width ASCII form
        assertThat(TextFold.lower('Q')).isEqualTo('q');
        assertThat(TextFold.lower('İ')).isEqualTo('i');
        assertThat(TextFold.lower('ǅ')).isEqualTo('ǅ'); // title case, not upper case
        assertThat(TextFold.simplified('當')).isEqualTo('当');
        assertThat(TextFold.simplified('週')).isEqualTo('周');
        assertThat(TextFold.simplified('A')).isEqualTo('A');
    }

    @Test
    void matchingFoldsTraditionalFullWidthAndCaseWithoutMovingOffsets() {
        TextFold.Folded f = TextFold.forMatching("「ＡＢＣ」與一帶一路");
        assertThat(f.text()).isEqualTo("「abc」与一带一路");
        assertThat(f.toOriginal()).isNull();
        assertThat(f.original(5)).isEqualTo(5);
        assertThat(TextFold.forMatchingText("Ｇｏｏｇｌｅ\u3000搜尋")).isEqualTo("google 搜寻");
    }

    @Test
    void matchingMapsEveryFoldedOffsetBackInOrder() {
        String s = "𠮷野家與ＡＢＣ，乾燥的頭髮";
        TextFold.Folded f = TextFold.forMatching(s);
        assertThat(f.original(0)).isZero();
        assertThat(f.original(f.text().length())).isEqualTo(s.length());
        for (int i = 1; i <= f.text().length(); i++) {
            assertThat(f.original(i)).isGreaterThanOrEqualTo(f.original(i - 1));
        }
    }

    @Test
    void comparingFoldsCompatibilityFormsAndScriptButNotCase() {
        assertThat(TextFold.forComparing("中國ＧＤＰ①增長")).isEqualTo("中国GDP1增长");
    }
}
