package io.huixun.text.convert;

import java.util.List;

/**
 * Answers "which dictionary entry starts at this position?" for one dictionary or a group of them.
 *
 * <p>A match is packed into a {@code long} so that the hot loop allocates nothing:
 * bits 48–63 hold the matched length in UTF-16 units, bits 32–47 the leaf dictionary's index in its
 * {@link ConversionPlan}, bits 0–31 the value index inside that dictionary. 0 means no match.
 */
sealed interface PrefixMatcher {

    long match(char[] text, int from, int to);

    static int length(long match) {
        return (int) (match >>> 48);
    }

    static int leaf(long match) {
        return (int) (match >>> 32) & 0xFFFF;
    }

    static int value(long match) {
        return (int) match;
    }

    /** One compiled dictionary: the longest key starting at the position. */
    record Trie(int leaf, DoubleArrayTrie trie) implements PrefixMatcher {
        @Override
        public long match(char[] text, int from, int to) {
            long m = trie.longestMatch(text, from, to);
            if (m == 0) {
                return 0;
            }
            return ((m >>> 32) << 48) | ((long) leaf << 32) | (m & 0xFFFFFFFFL);
        }
    }

    /** OpenCC's {@code short_circuit} group: the first member that matches at all wins. */
    record FirstMatch(List<PrefixMatcher> members) implements PrefixMatcher {
        @Override
        public long match(char[] text, int from, int to) {
            for (PrefixMatcher m : members) {
                long found = m.match(text, from, to);
                if (found != 0) {
                    return found;
                }
            }
            return 0;
        }
    }

    /** OpenCC's {@code union} group: the longest match over all members; on a tie the earlier member wins. */
    record LongestMatch(List<PrefixMatcher> members) implements PrefixMatcher {
        @Override
        public long match(char[] text, int from, int to) {
            long best = 0;
            for (PrefixMatcher m : members) {
                long found = m.match(text, from, to);
                if (PrefixMatcher.length(found) > PrefixMatcher.length(best)) {
                    best = found;
                }
            }
            return best;
        }
    }
}
