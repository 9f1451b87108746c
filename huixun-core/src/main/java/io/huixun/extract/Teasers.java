package io.huixun.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a teaser (an excerpt cut by the site, ending in {@code ...} or {@code …}) from a full text.
 *
 * <p>A full article may end in {@code ……} ("敬请期待……"), so length matters too: a teaser is short (at most
 * {@value #MAX_TEASER_CHARS} characters, about what portals and feeds show) and its last paragraph ends with an
 * ellipsis, possibly followed by a closing bracket or a "more" link text. Example: {@code 4月25日，由中央广播电视总台…约300人,...}
 * → teaser. Stateless and thread-safe.
 */
final class Teasers {
    static final int MAX_TEASER_CHARS = 600;
    private static final Pattern CUT = Pattern.compile(
            "(?:\\.{2,}|…+|。{3}|\\.\\s\\.\\s\\.)\\s*[)）\\]】]?\\s*(?:[\\[【(（]?\\s*(?:更多|详细|全文|阅读全文|查看全文|详情|more)"
                    + "\\s*[>》\\]】)）]*)?\\s*$", Pattern.CASE_INSENSITIVE);

    private Teasers() {}

    static boolean isTeaser(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return false;
        }
        int chars = 0;
        for (String p : paragraphs) {
            chars += TextBlock.nonSpace(p);
        }
        return chars <= MAX_TEASER_CHARS && endsCut(paragraphs.get(paragraphs.size() - 1));
    }

    static boolean endsCut(String text) {
        return CUT.matcher(text).find();
    }
}
