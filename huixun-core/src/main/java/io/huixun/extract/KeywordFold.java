package io.huixun.extract;

import io.huixun.text.TextFold;

/**
 * Folds the few characters that the extract stage's patterns look for into one form, char for char, so that a match
 * in the folded text has the same offsets in the original. The folding itself is {@link TextFold}'s
 * ({@link TextFold#simplified} and {@link TextFold#width}); this class only chooses which characters.
 *
 * <p>Why: extraction runs on raw text, before repair, and raw Chinese text arrives in traditional script and with
 * full-width digits ({@code 當地時間２０２５年４月２６日}). A full t2s conversion is not needed to find dates and bylines:
 * folding the keywords' own characters ({@code 時→时}, {@code 電→电}, {@code 記→记}…) and the width of digits and
 * colons is enough, and keeps offsets exact. Other full-width punctuation ({@code ，（）}) stays: the patterns look
 * for it as it is. Example: {@code 新華社北京4月27日電} → {@code 新华社北京4月27日电}.
 */
final class KeywordFold {
    /** Traditional (or variant) characters that occur, simplified, in the patterns of this package. */
    static final String KEYWORDS = "時間鐘點週號電記訊華網報臺視聞來編輯責發佈聯播錄薦導圖攝據當簡稱兩會後個這條鳳凰國際軍們";
    /** Full-width digits and separators, and the ideographic space, that the patterns look for in ASCII. */
    static final String WIDE = "０１２３４５６７８９：／－．\u3000";
    private static final char[] TABLE = new char[0x10000];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            TABLE[c] = (char) c;
        }
        for (char c : KEYWORDS.toCharArray()) {
            TABLE[c] = TextFold.simplified(c);
        }
        for (char c : WIDE.toCharArray()) {
            TABLE[c] = TextFold.width(c);
        }
        TABLE['\u00A0'] = ' ';
    }

    private KeywordFold() {}

    /** The folded text; same length as {@code s}, so offsets carry over. */
    static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TABLE[s.charAt(i)];
        }
        return new String(out);
    }
}
