package io.huixun.text.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptDetectorTest {

    @Test
    void recognisesSimplifiedAndTraditionalNews() {
        ScriptGuess simplified = ScriptDetector.detect("当地时间2025年4月26日，中国—中亚外长第六次会晤在阿拉木图举行。");
        assertThat(simplified.script()).isEqualTo(Script.SIMPLIFIED);
        assertThat(simplified.confidence()).isGreaterThan(0.9);

        ScriptGuess traditional = ScriptDetector.detect("當地時間2025年4月26日，中國—中亞外長第六次會晤在阿拉木圖舉行。");
        assertThat(traditional.script()).isEqualTo(Script.TRADITIONAL);
        assertThat(traditional.confidence()).isGreaterThan(0.9);
    }

    @Test
    void everyConvertedTextIsDetectedAsItsTarget() {
        String text = "国务院新闻办公室发表白皮书，介绍了经济发展的历史进程和对外开放的重要经验。";
        String converted = ChineseConverter.of(ConversionConfig.S2T).convert(text);
        assertThat(ScriptDetector.detect(converted).script()).isEqualTo(Script.TRADITIONAL);
        assertThat(ScriptDetector.detect(text).script()).isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void halfConvertedTextIsMixed() {
        ScriptGuess mixed = ScriptDetector.detect("国务院新闻办公室发表白皮书。國務院新聞辦公室發表白皮書。");
        assertThat(mixed.script()).isEqualTo(Script.MIXED);
        assertThat(mixed.simplifiedOnly()).isPositive();
        assertThat(mixed.traditionalOnly()).isPositive();
    }

    @Test
    void sharedCharactersAndNonChineseCarryNoEvidence() {
        assertThat(ScriptDetector.detect("中文").script()).isEqualTo(Script.NEUTRAL);
        assertThat(ScriptDetector.detect("plain English, 123").script()).isEqualTo(Script.NONE);
        assertThat(ScriptDetector.detect("").script()).isEqualTo(Script.NONE);
    }

    @Test
    void oneDistinguishingCharacterIsOnlyAWeakHint() {
        ScriptGuess weak = ScriptDetector.detect("中国");
        ScriptGuess strong = ScriptDetector.detect("中国经济发展进入新阶段，这对世界来说意义重大");
        assertThat(weak.script()).isEqualTo(Script.SIMPLIFIED);
        assertThat(weak.confidence()).isLessThan(strong.confidence());
    }
}
