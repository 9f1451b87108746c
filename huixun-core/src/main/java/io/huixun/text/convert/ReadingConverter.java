package io.huixun.text.convert;

import java.util.EnumMap;
import java.util.Map;

/**
 * Simplified news text shown to a reader of traditional characters: OpenCC's conversion for the region, then two
 * corrections where OpenCC's character tables over-convert what newspapers in Taiwan and Hong Kong actually print.
 *
 * <ol>
 *   <li><b>Rare variants back to the common form.</b> OpenCC's standard traditional set writes 秘 as 祕 and 峰 as 峯
 *   (and s2hk keeps 峯); papers in both regions print 秘書長 and 峰會. So {@code 秘书长 → 秘書長},
 *   {@code 峰会 → 峰會}.</li>
 *   <li><b>里 in transliterated names stays 里.</b> 里 is 裏/裡 ("inside") only in words; in a transliteration
 *   it is a sound (穆赫里丁, 加里宁格勒). OpenCC lists the common names (阿里, 伊里奇) but not every name in the news,
 *   so a 里 between two characters that are transliteration syllables, or next to the name dot ·, is kept:
 *   {@code 穆赫里丁 → 穆赫里丁} while {@code 这里 → 這裏} and {@code 心里 → 心裏}.</li>
 * </ol>
 *
 * <p>Immutable; one shared instance per {@link Region}, safe to use from any thread.
 */
public final class ReadingConverter {

    /** The traditional readings Huixun offers. */
    public enum Region {
        /** Traditional characters, OpenCC's standard set (s2t). */
        HANT(ConversionConfig.S2T),
        /** Taiwan forms and phrases (s2twp: 软件 → 軟體). */
        TW(ConversionConfig.S2TWP),
        /** Hong Kong forms (s2hk). */
        HK(ConversionConfig.S2HK);

        final ConversionConfig config;

        Region(ConversionConfig config) {
            this.config = config;
        }
    }

    /**
     * Characters common in Xinhua-style transliterations of foreign names and rare in ordinary words next to 里.
     * Deliberately without 这那哪家心城夜手村屋眼口 (the characters before a 里 that means "inside").
     */
    static final String TRANSLITERATION = "阿埃艾爱安奥巴拜班邦贝本比彼波伯博布查达戴丹道德迪蒂丁杜多厄恩尔法菲费芬"
            + "丰弗伏福盖冈戈哥格古瓜哈汉豪赫亨胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾利莉"
            + "列林琳隆卢鲁伦罗洛马玛迈麦曼梅蒙米敏明缪莫默姆穆纳娜奈南内妮尼涅宁纽努诺帕派潘佩蓬皮珀普奇齐恰乔切"
            + "萨塞赛桑瑟森沙莎舍什施斯松苏索塔泰坦汤特提图托瓦万威韦维温沃乌西希夏谢辛休雅亚扬耶伊因尤约泽扎詹兹";

    private static final Map<Region, ReadingConverter> SHARED = new EnumMap<>(Region.class);

    static {
        for (Region r : Region.values()) {
            SHARED.put(r, new ReadingConverter(r));
        }
    }

    private final Region region;

    private ReadingConverter(Region region) {
        this.region = region;
    }

    public static ReadingConverter of(Region region) {
        return SHARED.get(region);
    }

    public Region region() {
        return region;
    }

    /** {@code simplified} in the region's traditional forms; text without Han characters comes back unchanged. */
    public String convert(String simplified) {
        ChineseConverter converter = ChineseConverter.of(region.config);
        StringBuilder out = new StringBuilder(simplified.length() + 8);
        char[] text = simplified.toCharArray();
        int from = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '里' && inName(text, i)) {
                converter.convert(text, from, i, out);
                out.append('里');
                from = i + 1;
            }
        }
        converter.convert(text, from, text.length, out);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '祕') {
                out.setCharAt(i, '秘');
            } else if (c == '峯') {
                out.setCharAt(i, '峰');
            }
        }
        return out.toString();
    }

    /** 里 at {@code i} is a syllable of a transliterated name: 赫里丁, ·里, 里·. */
    static boolean inName(char[] text, int i) {
        char before = i > 0 ? text[i - 1] : 0;
        char after = i + 1 < text.length ? text[i + 1] : 0;
        boolean dotBefore = before == '·' || before == '•';
        boolean dotAfter = after == '·' || after == '•';
        boolean syllableBefore = TRANSLITERATION.indexOf(before) >= 0;
        boolean syllableAfter = TRANSLITERATION.indexOf(after) >= 0;
        return syllableBefore && syllableAfter || dotBefore && syllableAfter || syllableBefore && dotAfter;
    }
}
