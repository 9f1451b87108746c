package io.huixun.text.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One specification per fixer, through the public entry point with the script kept. */
class FixerTest {
    private static final TextRepairer KEEP = TextRepairer.create(new RepairOptions(RepairOptions.TargetScript.KEEP));
    private static final TextRepairer SIMPLIFIED = TextRepairer.create(RepairOptions.DEFAULT);

    private static String keep(String s) {
        return KEEP.repair(s).repaired();
    }

    @Test
    void utf8ReadAsGbkIsDecodedAgain() {
        String clean = "科技创新推动高质量发展";
        String mojibake = new String(clean.getBytes(StandardCharsets.UTF_8), Charset.forName("GBK"));
        assertThat(keep(mojibake)).isEqualTo(clean);
        assertThat(keep("鍒涙柊")).isEqualTo("创新");
    }

    @Test
    void lossyGbkMojibakeRestoresTheCharacterBehindTheQuestionMark() {
        assertThat(keep("鐧诲綍鎴愬姛銆?")).isEqualTo("登录成功。");
    }

    @Test
    void utf8ReadAsCp1252IsDecodedAgain() {
        assertThat(keep("CafÃ© dÃ©jÃ\u00A0 vu")).isEqualTo("Café déjà vu");
        assertThat(keep("ç®€ä½“ä¸­æ–‡")).isEqualTo("简体中文");
    }

    @Test
    void doubleLayersAreUndone() {
        Charset gbk = Charset.forName("GBK");
        // both layers lossless (an even number of bytes that all pair up); lossy double layers are a known gap
        String clean = "将推动长江经济带发展上升";
        String once = new String(clean.getBytes(StandardCharsets.UTF_8), gbk);
        String twice = new String(once.getBytes(StandardCharsets.UTF_8), gbk);
        assertThat(keep(twice)).isEqualTo(clean);
    }

    @Test
    void replacementCharacterMojibakeBecomesVisibleMarkers() {
        assertThat(keep("中锟斤拷国")).isEqualTo("中\uFFFD\uFFFD国");
    }

    @Test
    void pinyinIsRemovedOnlyWhenItIsAReadingOfTheCharacterBefore() {
        assertThat(keep("當(dāng)前,世界")).isEqualTo("當前，世界");
        assertThat(keep("电(记者杨维汉、罗沙)法律")).isEqualTo("电(记者杨维汉、罗沙)法律");
        assertThat(keep("人工智能(AI)技术")).isEqualTo("人工智能(AI)技术");
        assertThat(keep("当(shù)地")).isEqualTo("当(shù)地");
    }

    @Test
    void misalignedGbkIsRealignedAndTheCharacterLostAtTheCutRestored() {
        // 。”在传承中创新 in GBK, its first byte lost: "?" then pairs one byte out of step; '(' resyncs it.
        Charset gbk = Charset.forName("GBK");
        byte[] bytes = "文化。”在传承中创(chuàng)新".getBytes(gbk);
        assertThat(SIMPLIFIED.repair("文化?！痹谒承中创(chuàng)新").repaired()).isNotNull();
        String damaged = misalignAfter(bytes, "文化".getBytes(gbk).length, gbk);
        assertThat(keep(damaged)).isEqualTo("文化。”在传承中创新");
    }

    /** Replace the byte at {@code at} by '?', decode the rest one byte out of step (invalid pair → one '?'). */
    static String misalignAfter(byte[] bytes, int at, Charset gbk) {
        StringBuilder out = new StringBuilder(new String(bytes, 0, at, gbk)).append('?');
        int i = at + 1;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append(new String(bytes, i, bytes.length - i, gbk));
                break;
            }
            char c = i + 1 < bytes.length ? DoubleByteCodec.GBK.decode(b, bytes[i + 1]) : 0;
            out.append(c == 0 ? '?' : c);
            i += 2;
        }
        return out.toString();
    }

    @Test
    void aLostCharacterIsRestoredWhenTheModelIsSureAndARealQuestionMarkStays() {
        assertThat(keep("中华人民共和国国务院总理李强")).isEqualTo("中华人民共和国国务院总理李强");
        assertThat(keep("中华人民共\uFFFD国国务院")).isEqualTo("中华人民共和国国务院");
        assertThat(keep("这是为什么呢?他说")).isEqualTo("这是为什么呢？他说");
    }

    @Test
    void anUncertainLostCharacterStaysVisible() {
        assertThat(keep("他叫王\uFFFD。")).isEqualTo("他叫王\uFFFD。");
    }

    @Test
    void punctuationIsWidenedOnlyInLinesWhosePunctuationWasFolded() {
        assertThat(keep("今天,我们在北京(中国)开会:时间10:30,人数1,000!")).isEqualTo("今天，我们在北京（中国）开会：时间10:30，人数1,000！");
        String clean = "2022中国(曲阜)国际孔子文化节在山东曲阜举行，来自不同国家的学者相聚。";
        assertThat(keep(clean)).isEqualTo(clean);
        assertThat(keep("转载请注明出处...")).isEqualTo("转载请注明出处...");
    }

    @Test
    void fullWidthLettersAndDigitsAreNarrowedButALoneOneStays() {
        assertThat(keep("２０２５年４月，ＡＩ大会")).isEqualTo("2025年4月，AI大会");
        String lone = "新能源汽车３月份产销同比分别增长44.8%和34.6%。";
        assertThat(keep(lone)).isEqualTo(lone);
    }

    @Test
    void invisibleCharactersAndEntitiesGo() {
        assertThat(keep("中\u200B国&ldquo;创新&rdquo;&#21457;展")).isEqualTo("中国“创新”发展");
        assertThat(keep("AT&amp;T\u200B")).isEqualTo("AT&amp;T\u200B");
    }
}
