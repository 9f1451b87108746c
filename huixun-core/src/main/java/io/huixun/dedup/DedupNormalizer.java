package io.huixun.dedup;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import io.huixun.text.repair.PinyinSpam;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds away what must not make two copies of a story look different: width, script, spam pinyin, whitespace and
 * punctuation. Used only to compare texts; the stored text is never changed by it.
 *
 * <p>Example: {@code "中國經濟當(dāng)前，ＧＤＰ增長 5%。"} → {@code "中国经济当前gdp增长5"}.
 *
 * <p>Steps: NFKC (full-width Latin/digits → half-width, compatibility forms folded); OpenCC t2s; optionally drop spam
 * pinyin by {@link PinyinSpam.Rule#TONED} (a parenthesised lower-case syllable after a Han character with a tone mark
 * or a tone digit; an upper-case {@code (WHO)} stays); keep only letters and digits; lower-case. The output is what
 * stored fingerprints were computed from: a change to any step changes the exact key of existing articles.
 * Thread-safe.
 */
final class DedupNormalizer {
    private final ChineseConverter t2s = ChineseConverter.of(ConversionConfig.T2S);
    private final boolean stripPinyin;

    DedupNormalizer(boolean stripPinyin) {
        this.stripPinyin = stripPinyin;
    }

    String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String simplified = t2s.convert(folded);
        if (stripPinyin) {
            simplified = PinyinSpam.remove(simplified, PinyinSpam.Rule.TONED);
        }
        StringBuilder out = new StringBuilder(simplified.length());
        simplified.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
