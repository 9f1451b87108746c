package io.huixun.extract;

/**
 * Folds the few characters that the extract stage's patterns look for into one form, char for char, so that a match
 * in the folded text has the same offsets in the original.
 *
 * <p>Why: extraction runs on raw text, before repair, and raw Chinese text arrives in traditional script and with
 * full-width digits ({@code 當地時間２０２５年４月２６日}). A full t2s conversion is not needed to find dates and bylines:
 * folding the keywords' own characters ({@code 時→时}, {@code 電→电}, {@code 記→记}…) and the width of digits and
 * colons is enough, and keeps offsets exact. Example: {@code 新華社北京4月27日電} → {@code 新华社北京4月27日电}.
 */
final class KeywordFold {
    // pairs: traditional (or variant) → simplified, only characters that occur in the patterns of this package
    private static final String FROM = "時間鐘點週號電記訊華網報臺視聞來編輯責發佈聯播錄薦導圖攝據當簡稱兩會後個這條鳳凰國際軍們";
    private static final String TO = "时间钟点周号电记讯华网报台视闻来编辑责发布联播录荐导图摄据当简称两会后个这条凤凰国际军们";
    private static final char[] TABLE = new char[0x10000];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            TABLE[c] = (char) c;
        }
        for (int i = 0; i < FROM.length(); i++) {
            TABLE[FROM.charAt(i)] = TO.charAt(i);
        }
        for (char c = '０'; c <= '９'; c++) {
            TABLE[c] = (char) ('0' + (c - '０'));
        }
        TABLE['：'] = ':';
        TABLE['\u3000'] = ' ';
        TABLE['\u00A0'] = ' ';
        TABLE['／'] = '/';
        TABLE['－'] = '-';
        TABLE['．'] = '.';
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
