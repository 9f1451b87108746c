package io.huixun.text;

import java.util.Arrays;

/**
 * Where the words of one text are: found once by the understanding stage's segmenter and reused by the search index,
 * so that a text is segmented by HanLP once, not twice (issue 12: the two passes were a quarter of ingest CPU).
 * Offsets are UTF-16 indices into {@link #text()}, increasing and never overlapping; punctuation and spaces may lie
 * between words or be words of their own. Example: {@code 外长王毅。} → {@code [0,2) [2,4) [4,5)}, the words
 * 外长, 王毅 and 。.
 *
 * <p>Immutable (the arrays are copied in and never handed out).
 */
public final class Words {
    private final String text;
    private final int[] starts;
    private final int[] ends;

    /**
     * @throws IllegalArgumentException when the spans do not fit {@code text}, overlap or go backwards: the caller's
     *                                  segmentation was of another text
     */
    public Words(String text, int[] starts, int[] ends) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException("as many word starts as ends are needed");
        }
        int previousEnd = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < previousEnd || ends[i] <= starts[i] || ends[i] > text.length()) {
                throw new IllegalArgumentException("word " + i + " at [" + starts[i] + ", " + ends[i]
                        + ") does not fit a text of " + text.length() + " characters after the word before it");
            }
            previousEnd = ends[i];
        }
        this.text = text;
        this.starts = starts.clone();
        this.ends = ends.clone();
    }

    /** The text the offsets are about. */
    public String text() {
        return text;
    }

    public int size() {
        return starts.length;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** True when these are the words of exactly {@code other} (the index checks before it trusts them). */
    public boolean isOf(String other) {
        return text.equals(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Words w && text.equals(w.text) && Arrays.equals(starts, w.starts)
                && Arrays.equals(ends, w.ends);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return "Words[" + starts.length + " in " + text.length() + " characters]";
    }
}
