package io.huixun.text.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PinyinSpamTest {
    /** The pattern de-duplication used before PinyinSpam: the oracle that TONED must equal to the letter. */
    private static final String FORMER_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    private static final Pattern FORMER_DEDUP = Pattern.compile("(?<=\\p{IsHan})\\s?\\(\\s?(?:[a-zü" + FORMER_TONED
            + "]*[" + FORMER_TONED + "][a-zü" + FORMER_TONED + "]*|[a-zü]{1,6}[1-5])\\s?\\)");

    @Test
    void readingRuleRemovesOnlyReadingsOfTheCharacterBefore() {
        assertThat(PinyinSpam.remove("中國當(dāng)前經(jīng)濟", PinyinSpam.Rule.READING)).isEqualTo("中國當前經濟");
        assertThat(PinyinSpam.remove("我们（men）的", PinyinSpam.Rule.READING)).isEqualTo("我们的");
        assertThat(PinyinSpam.remove("当(dang)地", PinyinSpam.Rule.READING)).isEqualTo("当(dang)地");
        assertThat(PinyinSpam.remove("北京(běijīng)", PinyinSpam.Rule.READING)).isEqualTo("北京(běijīng)");
        assertThat(PinyinSpam.remove("会议(AI)和(记者杨维汉)", PinyinSpam.Rule.READING)).isEqualTo("会议(AI)和(记者杨维汉)");
        assertThat(PinyinSpam.remove("当 (dāng)", PinyinSpam.Rule.READING)).isEqualTo("当 (dāng)");
    }

    @Test
    void tonedRuleRemovesAnyTonedSyllableOrToneDigit() {
        assertThat(PinyinSpam.remove("北京(běijīng)今天(tian1)下雨", PinyinSpam.Rule.TONED)).isEqualTo("北京今天下雨");
        assertThat(PinyinSpam.remove("当 ( dāng )地", PinyinSpam.Rule.TONED)).isEqualTo("当地");
        assertThat(PinyinSpam.remove("世界卫生组织(WHO)和当(dang)地", PinyinSpam.Rule.TONED))
                .isEqualTo("世界卫生组织(WHO)和当(dang)地");
    }

    @Test
    void findGivesTheSpanAndWhetherTheSyllableIsToned() {
        PinyinSpam.Annotation a = PinyinSpam.find("中國當(dāng)前", 0, PinyinSpam.Rule.READING).orElseThrow();
        assertThat(List.of(a.start(), a.end())).containsExactly(3, 9);
        assertThat(a.syllable()).isEqualTo("dāng");
        assertThat(a.toned()).isTrue();
        assertThat(PinyinSpam.find("中國當(dāng)前", 9, PinyinSpam.Rule.READING)).isEmpty();
    }

    /**
     * Dedup fingerprints are stored: the TONED rule must give exactly what the former pattern gave, on text as dedup
     * passes it (after NFKC, so every parenthesis is ASCII).
     */
    @Test
    void tonedRuleEqualsTheFormerDedupPatternOnAdversarialText() {
        String[] pieces = {"当", "當", "北", "京", "〇", "々", "𠀀", "a", "(", ")", "（", "）", " ", "\t", "\u3000", "d",
            "ang", "ā", "ǎ", "ń", "ḿ", "ü", "ê", "ｄ", "A", "1", "5", "6", "0", "x", "zhuang"};
        Random random = new Random(14);
        for (int t = 0; t < 300_000; t++) {
            StringBuilder s = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int k = 0; k < len; k++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = Normalizer.normalize(s, Normalizer.Form.NFKC);
            assertThat(PinyinSpam.remove(text, PinyinSpam.Rule.TONED)).as(text)
                    .isEqualTo(FORMER_DEDUP.matcher(text).replaceAll(""));
        }
    }

    /** Repair's figures must not move: READING must find exactly the spans the former remover found. */
    @Test
    void readingRuleEqualsTheFormerRemoverOnAdversarialText() {
        String[] pieces = {"当", "當", "经", "經", "嗯", "欸", "〇", "𠀀", "a", "(", ")", "（", "）", " ", "dang", "dāng",
            "dàng", "jīng", "ń", "ê", "ｄａｎｇ", "DANG", "1", "ng", "ēi", "líng"};
        Random random = new Random(41);
        PinyinAnnotationRemover remover = new PinyinAnnotationRemover();
        for (int t = 0; t < 200_000; t++) {
            StringBuilder s = new StringBuilder();
            int len = 1 + random.nextInt(10);
            for (int k = 0; k < len; k++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = s.toString();
            List<Replacement> now = new ArrayList<>();
            remover.find(text, now);
            assertThat(now).as(text).isEqualTo(formerRemover(text));
        }
    }

    /** The remover as it was before PinyinSpam, the oracle of the test above. */
    private static List<Replacement> formerRemover(String line) {
        List<Replacement> out = new ArrayList<>();
        PinyinReadings readings = PinyinReadings.get();
        int n = line.length();
        for (int i = 1; i < n; i++) {
            char c = line.charAt(i - 1);
            if (!CharClasses.isOpenParen(line.charAt(i)) || !CharClasses.isHan(c)) {
                continue;
            }
            int j = i + 1;
            while (j < n && j - i <= 7 && CharClasses.isPinyinLetter(line.charAt(j))) {
                j++;
            }
            if (j == i + 1 || j >= n || !CharClasses.isCloseParen(line.charAt(j))) {
                continue;
            }
            String syllable = line.substring(i + 1, j);
            if (readings.isReading(c, syllable) || readings.isReading(CharClasses.toSimplified(c), syllable)
                    || readings.isReading(CharClasses.toTraditional(c), syllable)) {
                out.add(new Replacement(i, j + 1, "", RepairKind.PINYIN_ANNOTATION,
                        CharClasses.hasToneMark(syllable) ? 0.99 : 0.9));
                i = j;
            }
        }
        return out;
    }
}
