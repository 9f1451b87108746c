package io.huixun.search;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Display text with the spans that matched the query. Offsets are UTF-16 indexes into {@link #text}, start
 * inclusive, end exclusive, sorted and not overlapping. Escaping is the caller's business: see {@link #render}.
 */
public record HighlightedText(String text, List<Span> marks) {

    /** A highlighted range {@code [start, end)} of {@link HighlightedText#text}. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("span needs 0 <= start < end, got [" + start + ", " + end + ")");
            }
        }
    }

    public HighlightedText {
        Objects.requireNonNull(text, "text");
        marks = List.copyOf(marks);
        int last = 0;
        for (Span s : marks) {
            if (s.start() < last || s.end() > text.length()) {
                throw new IllegalArgumentException("marks must be sorted, disjoint and inside the text: " + marks);
            }
            last = s.end();
        }
    }

    public static HighlightedText plain(String text) {
        return new HighlightedText(text, List.of());
    }

    /**
     * The text with each mark wrapped in {@code open}/{@code close}, every piece of text passed through
     * {@code escape} first. Example: {@code render(Html::escape, "<mark>", "</mark>")}.
     */
    public String render(UnaryOperator<String> escape, String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()));
        int at = 0;
        for (Span s : marks) {
            out.append(escape.apply(text.substring(at, s.start()))).append(open)
                    .append(escape.apply(text.substring(s.start(), s.end()))).append(close);
            at = s.end();
        }
        return out.append(escape.apply(text.substring(at))).toString();
    }
}
