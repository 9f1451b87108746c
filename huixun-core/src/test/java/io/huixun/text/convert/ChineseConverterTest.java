package io.huixun.text.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChineseConverterTest {
    private final ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
    private final ChineseConverter t2s = ChineseConverter.of(ConversionConfig.T2S);

    @Test
    void phrasesWinOverSingleCharacters() {
        assertThat(s2t.convert("干燥的头发")).isEqualTo("乾燥的頭髮");
        assertThat(s2t.convert("树干")).isEqualTo("樹幹");
    }

    @Test
    void leavesNonChineseTextAlone() {
        String text = "Hello, world! 123 ÄÖÜ ½ 😀 \t\r\n日本語のテキスト";
        assertThat(t2s.convert(text)).isEqualTo("Hello, world! 123 ÄÖÜ ½ 😀 \t\r\n日本语のテキスト");
        assertThat(s2t.convert("")).isEmpty();
    }

    @Test
    void normalizesCompatibilityIdeographsFirst() {
        // U+F900 豈 (CJK compatibility ideograph) is normalised to U+8C48 豈 before conversion.
        assertThat(t2s.convert("\uF900")).isEqualTo(t2s.convert("\u8C48"));
        assertThat(t2s.convert("\uF900")).doesNotContain("\uF900");
    }

    @Test
    void keepsIdeographicDescriptionSequencesWhole() {
        // 钅 and 只 would each be converted on their own; inside ⿰钅只 they describe one unencoded character.
        assertThat(s2t.convert("⿰钅只")).isEqualTo("⿰钅只");
        assertThat(s2t.convert("⿰钅只钅")).isEqualTo("⿰钅只釒");
        assertThat(s2t.convert("⿰钅")).isEqualTo("⿰釒");
    }

    @Test
    void keepsSurrogatePairsWhole() {
        String text = "𠮷野家的𩸽鱼";
        String converted = s2t.convert(text);
        assertThat(converted.codePoints().filter(Character::isSupplementaryCodePoint).count()).isEqualTo(2);
        assertThat(converted).startsWith("𠮷").contains("𩸽");
    }

    @Test
    void streamingEqualsWholeTextConversionAcrossChunkCuts() throws IOException {
        // Long lines with and without punctuation force cuts in the middle of phrases' neighbourhoods.
        String sample = "中华人民共和国国务院总理在人民大会堂会见了来访的外国元首双方就发展两国关系交换意见"
                + "头发干燥的问题以及软件开发和计算机网络的建设";
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 5 * ChineseConverter.CHUNK) {
            int from = random.nextInt(sample.length() - 10);
            text.append(sample, from, from + 1 + random.nextInt(sample.length() - from - 1));
            text.append(random.nextInt(8) == 0 ? "，" : "");
            if (random.nextInt(500) == 0) {
                text.append('\n');
            }
        }
        for (ConversionConfig config : new ConversionConfig[] {ConversionConfig.S2T, ConversionConfig.S2TWP}) {
            ChineseConverter converter = ChineseConverter.of(config);
            StringWriter out = new StringWriter();
            converter.convert(new StringReader(text.toString()), out);
            assertThat(out.toString()).isEqualTo(converter.convert(text.toString()));
        }
    }

    @Test
    void streamingHandlesAChunkOfHanWithoutAnyCutPointWithoutSplittingSurrogates() throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < 3 * ChineseConverter.CHUNK) {
            text.append("𠮷汉字");
        }
        StringWriter out = new StringWriter();
        s2t.convert(new StringReader(text.toString()), out);
        assertThat(out.toString()).hasSameSizeAs(text).doesNotContain("\uFFFD");
        assertThat(out.toString().codePoints().filter(cp -> cp == 0x20BB7).count())
                .isEqualTo(text.toString().codePoints().filter(cp -> cp == 0x20BB7).count());
    }

    @Test
    void preservesLineStructure() {
        String text = "第一行\n第二行\r\n\n最后一行没有换行";
        String converted = s2t.convert(text);
        assertThat(converted.split("\n", -1)).hasSize(text.split("\n", -1).length);
        assertThat(converted).contains("\r\n");
    }

    @Test
    void roundTripOfNewsTextIsNearlyLossless() {
        String news = "新华社北京4月27日电 国家主席习近平日前同来华进行国事访问的外国领导人举行会谈。双方一致同意，"
                + "进一步深化经贸、投资、科技、人文等领域合作，推动两国关系发展。会谈后，两国元首共同见证了合作文件的签署。";
        assertThat(t2s.convert(s2t.convert(news))).isEqualTo(news);
    }

    @Test
    void parsesConfigNamesLikeOpenCc() {
        assertThat(ConversionConfig.fromName("s2twp.json")).isEqualTo(ConversionConfig.S2TWP);
        assertThat(ConversionConfig.fromName(" T2S ")).isEqualTo(ConversionConfig.T2S);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConversionConfig.fromName("s2x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s2x").hasMessageContaining("s2t");
    }
}
