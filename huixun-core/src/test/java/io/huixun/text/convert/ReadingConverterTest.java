package io.huixun.text.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.text.convert.ReadingConverter.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadingConverterTest {
    static final String SENTENCE = "联合国秘书长在峰会上会见塔吉克斯坦外长穆赫里丁，他说这里的人心里有数。";

    @ParameterizedTest
    @EnumSource(Region.class)
    void namesKeep里AndCommonWordsUseTheCommonForm(Region region) {
        String shown = ReadingConverter.of(region).convert(SENTENCE);
        assertThat(shown).contains("穆赫里丁").contains("秘書長").contains("峰會")
                .doesNotContain("穆赫裏丁").doesNotContain("穆赫裡丁").doesNotContain("祕").doesNotContain("峯");
        // 里 meaning "inside" is still converted: the name rule does not leak into words.
        assertThat(shown).containsAnyOf("這裏", "這裡").containsAnyOf("心裏", "心裡");
        assertThat(shown).contains("聯合國");
    }

    @Test
    void plainOpenCcOverConvertsWhatTheReadingConverterKeeps() {
        // The reason the class exists: OpenCC's s2t writes the rare variants and converts 里 inside the name.
        String s2t = ChineseConverter.of(ConversionConfig.S2T).convert(SENTENCE);
        assertThat(s2t).contains("祕書長").contains("峯會").contains("穆赫裏丁");
    }

    @Test
    void regionalFormsStayRegional() {
        assertThat(ReadingConverter.of(Region.TW).convert("软件里面")).isEqualTo("軟體裡面");
        assertThat(ReadingConverter.of(Region.HANT).convert("软件里面")).isEqualTo("軟件裏面");
        assertThat(ReadingConverter.of(Region.HK).convert("加里宁格勒·里")).startsWith("加里");
    }

    @Test
    void textWithoutHanIsUnchanged() {
        assertThat(ReadingConverter.of(Region.HANT).convert("G20 & <b>API</b> 2026")).isEqualTo("G20 & <b>API</b> 2026");
        assertThat(ReadingConverter.of(Region.HK).convert("")).isEmpty();
    }
}
