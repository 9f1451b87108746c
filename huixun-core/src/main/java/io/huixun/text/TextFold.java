package io.huixun.text;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The one text folder: width, case and script folded away so that two spellings of the same text compare equal. The
 * stages fold for different ends, so there are named variants built from the same three rules:
 * <ul>
 *   <li>{@link #width(char)}: full-width ASCII forms to ASCII, ideographic space to space ({@code Ａ１（} →
 *       {@code A1(}); one char for one.</li>
 *   <li>{@link #lower(char)}: upper case to lower case, one char for one.</li>
 *   <li>{@link #simplified(char)}: traditional to simplified, one character alone (OpenCC t2s without its phrases);
 *       one char for one.</li>
 *   <li>{@link #forMatching(String)} (search: the index, queries, snippets, facets): width, case, then t2s with its
 *       phrases, keeping a map back to the original offsets so highlights land on the displayed text.</li>
 *   <li>{@link #forComparing(String)} (de-duplication, which never shows its folded text): NFKC, which folds width
 *       and every other compatibility form, then t2s with its phrases. Dedup fingerprints are stored, so this variant
 *       must not move.</li>
 * </ul>
 * Extraction folds only the characters its patterns look for, char for char, with {@link #width} and
 * {@link #simplified} ({@code extract.KeywordFold}).
 *
 * <p>Example: {@code forMatching("「ＡＢＣ」與一帶一路").text()} → {@code 「abc」与一带一路}. Stateless (immutable tables,
 * a shared converter); thread-safe.
 */
public final class TextFold {
    private static final ChineseConverter T2S = ChineseConverter.of(ConversionConfig.T2S);
    private static final char[] SIMPLIFIED = T2S.charTable();

    private TextFold() {}

    /** Full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the ideographic space to a space; anything else as it is. */
    public static char width(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    /**
     * An upper-case letter to lower case, one char for one ({@code Q} → {@code q}, {@code İ} → {@code i}); a title-case
     * letter ({@code ǅ}) and anything else as it is.
     */
    public static char lower(char c) {
        if (Character.isUpperCase(c) && !Character.isSurrogate(c)) {
            char lower = Character.toLowerCase(c);
            if (!Character.isSurrogate(lower)) {
                return lower;
            }
        }
        return c;
    }

    /** The simplified form of one character alone ({@code 當} → {@code 当}); a non-Han char as it is. */
    public static char simplified(char c) {
        return SIMPLIFIED[c];
    }

    /** Folded text with its offset map; {@code toOriginal == null} means offsets are unchanged. */
    public record Folded(String text, int[] toOriginal) {
        /** The original offset of folded offset {@code i} ({@code 0 <= i <= text.length()}). */
        public int original(int i) {
            return toOriginal == null ? i : toOriginal[i];
        }
    }

    /**
     * Width, case and script folded for matching, with offsets back to {@code s}. Width and case are one char for
     * one; t2s almost always is too, and when it is not (a phrase entry of another length, a supplementary
     * character) the text is converted run by run of Han characters and offsets inside a run whose length changed
     * are interpolated.
     */
    public static Folded forMatching(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = lower(width(chars[i]));
        }
        StringBuilder out = new StringBuilder(chars.length);
        T2S.convert(chars, 0, chars.length, out);
        if (out.length() == chars.length) {
            return new Folded(out.toString(), null);
        }
        // Rare: a conversion changed the length. Convert run by run to keep offsets close.
        StringBuilder text = new StringBuilder(chars.length);
        int[] map = new int[chars.length * 2 + 2];
        int i = 0;
        while (i < chars.length) {
            int start = i;
            boolean han = isHan(chars, i);
            while (i < chars.length && isHan(chars, i) == han) {
                i += Character.charCount(Character.codePointAt(chars, i));
            }
            int before = text.length();
            if (han) {
                T2S.convert(chars, start, i, text);
            } else {
                text.append(chars, start, i - start);
            }
            int produced = text.length() - before;
            if (map.length < text.length() + 1) {
                map = Arrays.copyOf(map, Math.max(map.length * 2, text.length() + 1));
            }
            for (int k = 0; k < produced; k++) {
                map[before + k] = produced == i - start ? start + k : start + (int) ((long) k * (i - start) / produced);
            }
        }
        map[text.length()] = chars.length;
        return new Folded(text.toString(), Arrays.copyOf(map, text.length() + 1));
    }

    /** {@link #forMatching(String)}'s text alone: for values that are compared, never highlighted. */
    public static String forMatchingText(String s) {
        return forMatching(s).text();
    }

    /** NFKC, then t2s with its phrases: {@code 中國ＧＤＰ①} → {@code 中国GDP1}. Case is left to the caller. */
    public static String forComparing(String s) {
        return T2S.convert(Normalizer.normalize(s, Normalizer.Form.NFKC));
    }

    private static boolean isHan(char[] chars, int i) {
        return Character.UnicodeScript.of(Character.codePointAt(chars, i)) == Character.UnicodeScript.HAN;
    }
}
