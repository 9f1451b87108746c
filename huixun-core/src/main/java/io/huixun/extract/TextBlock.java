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
