package io.huixun.search.semantics;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;

/**
 * Folds text for matching: full-width ASCII to ASCII, ideographic space to space, letters to lower case, traditional
 * to simplified (OpenCC t2s, phrase level). Example: {@code 「ＡＢＣ」與一帶一路} → {@code 「abc」与一带一路}.
 *
 * <p>Folding keeps a map from folded offsets back to the original, so that highlights found in folded text land on the
 * displayed text. Width and case folding are one char for one char; t2s almost always is too, and when it is not
 * (a phrase entry of another length, a supplementary character) the text is converted run by run of Han characters
 * and offsets inside a run whose length changed are interpolated. Stateless and thread-safe.
 */
final class TextFolder {
    private static final ChineseConverter T2S = ChineseConverter.of(ConversionConfig.T2S);

    private TextFolder() {}

    /** Folded text with its offset map; {@code toOriginal == null} means offsets are unchanged. */
    record Folded(String text, int[] toOriginal) {
        /** The original offset of folded offset {@code i} ({@code 0 <= i <= text.length()}). */
        int original(int i) {
            return toOriginal == null ? i : toOriginal[i];
        }
    }

    static String foldText(String s) {
        return fold(s).text();
    }

    static Folded fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            if (Character.isUpperCase(c) && !Character.isSurrogate(c)) {
                char lower = Character.toLowerCase(c);
                if (!Character.isSurrogate(lower)) {
                    c = lower;
                }
            }
            chars[i] = c;
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
                map = java.util.Arrays.copyOf(map, Math.max(map.length * 2, text.length() + 1));
            }
            for (int k = 0; k < produced; k++) {
                map[before + k] = produced == i - start ? start + k : start + (int) ((long) k * (i - start) / produced);
            }
        }
        map[text.length()] = chars.length;
        return new Folded(text.toString(), java.util.Arrays.copyOf(map, text.length() + 1));
    }

    private static boolean isHan(char[] chars, int i) {
        return Character.UnicodeScript.of(Character.codePointAt(chars, i)) == Character.UnicodeScript.HAN;
    }
}
