package io.huixun.dedup;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds away what must not make two copies of a story look different: width, script, spam pinyin, whitespace and
 * punctuation. Used only to compare texts; the stored text is never changed by it.
 *
 * <p>Example: {@code "中國經濟當(dāng)前，ＧＤＰ增長 5%。"} → {@code "中国经济当前gdp增长5"}.
 *
 * <p>Steps: NFKC (full-width Latin/digits → half-width, compatibility forms folded); OpenCC t2s; optionally drop a
 * parenthesised lower-case Latin run right after a Han character when it carries a tone mark or a tone digit (the
 * pinyin spam of some portals; an upper-case {@code (WHO)} stays); keep only letters and digits; lower-case.
 * Thread-safe.
 */
final class DedupNormalizer {
    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    /** A Han character followed by (pinyin): the pinyin must contain a tone mark or end with a tone digit. */
    private static final Pattern PINYIN_SPAM = Pattern.compile(
            "(?<=\\p{IsHan})\\s?\\(\\s?(?:[a-zü" + TONED + "]*[" + TONED + "][a-zü" + TONED + "]*|[a-zü]{1,6}[1-5])\\s?\\)");

    private final ChineseConverter t2s = ChineseConverter.of(ConversionConfig.T2S);
    private final boolean stripPinyin;

    DedupNormalizer(boolean stripPinyin) {
        this.stripPinyin = stripPinyin;
    }

    String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String simplified = t2s.convert(folded);
        if (stripPinyin && simplified.indexOf('(') >= 0) {
            simplified = PINYIN_SPAM.matcher(simplified).replaceAll("");
        }
        StringBuilder out = new StringBuilder(simplified.length());
        simplified.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
