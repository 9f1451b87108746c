package io.huixun.text.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The converter copies a text that holds none of the characters its changing keys need ({@code ConversionPlan
 * .changing}) without running the passes. The shortcut must give exactly what the passes give, for every
 * configuration: texts are drawn mostly from the characters that do occur in keys but are not marked (the ones
 * identity keys such as 乾隆 are made of), with a few marked ones mixed in, and both ways are compared.
 */
class UnchangedShortcutTest {

    @Test
    void theShortcutGivesWhatEveryPassGivesInEveryConfiguration() {
        Random random = new Random(20261203);
        for (ConversionConfig config : ConversionConfig.values()) {
            ChineseConverter converter = ChineseConverter.of(config);
            ConversionPlan plan = ConversionPlan.load(config);
            List<Character> quiet = new ArrayList<>();
            List<Character> marked = new ArrayList<>();
            for (int c = 0x2E80; c < 0xFFFF; c++) {
                if (!Character.isSurrogate((char) c) && plan.inSomeKey[c]) {
                    (plan.changing[c] ? marked : quiet).add((char) c);
                }
            }
            assertThat(marked).as(config + ": some characters start a change").isNotEmpty();
            int shortcuts = 0;
            for (int n = 0; n < 3000; n++) {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(12);
                boolean withMarked = n % 3 == 0;
                for (int i = 0; i < length; i++) {
                    List<Character> from = withMarked && random.nextInt(4) == 0 ? marked : quiet;
                    text.append(from.get(random.nextInt(from.size())));
                }
                char[] chars = text.toString().toCharArray();
                StringBuilder viaShortcut = new StringBuilder();
                converter.convert(chars, 0, chars.length, viaShortcut);
                StringBuilder viaPasses = new StringBuilder();
                converter.convertAll(chars, 0, chars.length, viaPasses);
                assertThat(viaShortcut.toString()).as(config + " on " + text).isEqualTo(viaPasses.toString());
                if (!withMarked) {
                    shortcuts++;
                    assertThat(viaPasses.toString()).as(config + " keeps " + text).isEqualTo(text.toString());
                }
            }
            assertThat(shortcuts).isEqualTo(2000);
        }
    }

    /**
     * The riskiest texts are the dictionary keys themselves: every key of every source dictionary that holds no
     * marked character must convert to itself under every configuration, by the full passes.
     */
    @Test
    void everyDictionaryKeyWithoutAMarkedCharacterConvertsToItself() throws IOException {
        List<String> keys = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/opencc/dictionary"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                keys.addAll(RawDictionary.read(f).entries().keySet());
            }
        }
        assertThat(keys).hasSizeGreaterThan(50_000);
        for (ConversionConfig config : ConversionConfig.values()) {
            ChineseConverter converter = ChineseConverter.of(config);
            ConversionPlan plan = ConversionPlan.load(config);
            int quietKeys = 0;
            for (String key : keys) {
                if (key.chars().anyMatch(c -> plan.changing[c])) {
                    continue;
                }
                quietKeys++;
                char[] chars = key.toCharArray();
                StringBuilder viaPasses = new StringBuilder();
                converter.convertAll(chars, 0, chars.length, viaPasses);
                assertThat(viaPasses.toString()).as(config + " on key " + key).isEqualTo(key);
            }
            assertThat(quietKeys).as(config + ": keys that take the shortcut").isPositive();
        }
    }

    @Test
    void simplifiedNewsTakesTheShortcutUnderT2sAndStillConvertsWhereItMust() {
        ConversionPlan plan = ConversionPlan.load(ConversionConfig.T2S);
        String simplified = "当地时间4月26日，中国—中亚外长第六次会晤在阿拉木图举行。";
        assertThat(simplified.chars().noneMatch(c -> plan.changing[c])).isTrue();
        ChineseConverter t2s = ChineseConverter.of(ConversionConfig.T2S);
        assertThat(t2s.convert(simplified)).isEqualTo(simplified);
        assertThat(t2s.convert("中國外長會晤")).isEqualTo("中国外长会晤");
        assertThat(t2s.convert("乾隆年間")).isEqualTo("乾隆年间");
    }
}
