package io.huixun.dedup;

import io.huixun.text.TextFold;
import io.huixun.text.repair.PinyinSpam;
import java.util.Locale;

/**
 * Folds away what must not make two copies of a story look different: width, script, spam pinyin, whitespace and
 * punctuation. Used only to compare texts; the stored text is never changed by it.
 *
 * <p>Example: {@code "中國經濟當(dāng)前，ＧＤＰ增長 5%。"} → {@code "中国经济当前gdp增长5"}.
 *
 * <p>Steps: {@link TextFold#forComparing} (NFKC: full-width Latin/digits → half-width, compatibility forms folded;
 * then OpenCC t2s); optionally drop spam pinyin by {@link PinyinSpam.Rule#TONED} (a parenthesised lower-case
 * syllable after a Han character with a tone mark or a tone digit; an upper-case {@code (WHO)} stays); keep only
 * letters and digits; lower-case. The output is what stored fingerprints were computed from: a change to any step
 * changes the exact key of existing articles.
 * Thread-safe.
 */
final class DedupNormalizer {
    private final boolean stripPinyin;

    DedupNormalizer(boolean stripPinyin) {
        this.stripPinyin = stripPinyin;
    }

    String normalize(String text) {
        String simplified = TextFold.forComparing(text);
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
