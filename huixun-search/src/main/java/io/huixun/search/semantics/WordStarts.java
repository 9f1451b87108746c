package io.huixun.search.semantics;

import java.util.List;

/**
 * Where the words of a folded text start, as the index segmented it: a bit set stored with the document, so that
 * snippets apply the word-boundary rule (a two-character match must lie inside one word) by reading bits instead of
 * segmenting the text again with HanLP (which took about a third of a busy server's CPU).
 *
 * <p>Encoding: bit {@code i} (byte {@code i / 8}, bit {@code i % 8}) is set when a word starts at folded offset
 * {@code i}; the array is {@code (length + 8) / 8} bytes. Example: {@code 我们和服务员} segmented {@code 我们|和|服务员}
 * → bits 0, 2, 3 → {@code [0b00001101]}; the pair 和服 at [2, 4) has a start at 3 inside it, so it is not one word,
 * while 服务 at [3, 5) has none and is.
 *
 * <p>Immutable (the array is never written after {@link #encode}); thread-safe.
 */
final class WordStarts {
    /** Unknown boundaries (a document indexed before they were stored): callers segment instead. */
    static final WordStarts UNKNOWN = new WordStarts(null);

    private final byte[] bits;

    private WordStarts(byte[] bits) {
        this.bits = bits;
    }

    static WordStarts of(byte[] bits) {
        return bits == null || bits.length == 0 ? UNKNOWN : new WordStarts(bits);
    }

    static byte[] encode(int foldedLength, List<ChineseAnalysis.Word> words) {
        byte[] bits = new byte[(foldedLength + 8) / 8];
        for (ChineseAnalysis.Word w : words) {
            bits[w.start() >> 3] |= (byte) (1 << (w.start() & 7));
        }
        return bits;
    }

    boolean known() {
        return bits != null;
    }

    /**
     * Whether {@code [start, end)} lies inside one word: no word starts strictly inside it. Only meaningful when
     * {@link #known()} and the range lies in a word (Han characters always do: only punctuation is left out).
     */
    boolean insideOneWord(int start, int end) {
        for (int i = start + 1; i < end; i++) {
            int b = i >> 3;
            if (b >= bits.length) {
                return false;
            }
            if ((bits[b] & (1 << (i & 7))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bit set covers offsets up to {@code length} (it was made from a fold of that length). */
    boolean covers(int length) {
        return bits != null && bits.length == (length + 8) / 8;
    }
}
