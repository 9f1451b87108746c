package io.huixun.extract;

import org.jsoup.nodes.Element;

/**
 * A run of text between two block boundaries of a page ({@code <p>}, {@code <div>}, {@code <br>}, {@code <li>}…).
 *
 * @param text      whitespace-normalised text
 * @param owner     the nearest block-level element that contains the run
 * @param linkChars non-space characters of the run inside {@code <a>}
 * @param heading   true when the run is inside {@code <h1>}–{@code <h6>}
 * @param index     position among the page's blocks, in document order
 */
record TextBlock(String text, Element owner, int linkChars, boolean heading, int index) {

    /** Non-space characters. */
    int chars() {
        return nonSpace(text);
    }

    double linkDensity() {
        int c = chars();
        return c == 0 ? 0 : Math.min(1.0, (double) linkChars / c);
    }

    /** Full-width punctuation that ends or splits clauses in running Chinese prose: the mark of an article body. */
    int punctuation() {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '，', '。', '；', '：', '！', '？', '、', '“', '”', '「', '」', '（', '）', '《', '》' -> n++;
                default -> { }
            }
        }
        return n;
    }

    /**
     * Clause punctuation only ({@code ，。；！？}): titles, award lists and captions use brackets and quotes
     * ({@code 《》（）“”}) too, but only sentences are cut by commas and full stops.
     */
    double clausePunctuation() {
        double n = 0;
        int hanRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '，', '。', '；', '！', '？' -> n++;
                case ' ', ',', '!', '?', ';' -> {
                    // Blogs (Taiwan's above all) cut clauses with spaces or ASCII marks between Han characters;
                    // a clause is long, while list entries ("第二十七届 台湾金曲奖 最佳作曲") have short parts.
                    if (hanRun >= 8 && i + 1 < text.length() && isHan(text.charAt(i + 1))) {
                        n += 0.5;
                    }
                }
                default -> { }
            }
            hanRun = isHan(c) ? hanRun + 1 : 0;
        }
        return n;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static int nonSpace(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                n++;
            }
        }
        return n;
    }
}
