package io.huixun.text.repair;

import java.util.Arrays;

/**
 * The model's trigram counts regrouped by two of their three characters, so that a loop where one character varies
 * and two stay fixed reads one short list: the lost-character restorer asks C(l c r) and C(c r r2) for forty
 * candidates c, which the model's own order ({@code a b c} ascending) scatters over forty places. Example: with
 * {@link Member#FIRST}, the group {@code (中, 国)} lists every {@code x} seen in {@code x中国} with its count.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
final class TrigramGroups {
    /** Which of the three characters varies inside a group. */
    enum Member {
        /** Groups {@code (b, c)}, members {@code a}: C(a b c) for varying a. */
        FIRST,
        /** Groups {@code (a, c)}, members {@code b}: C(a b c) for varying b. */
        MIDDLE
    }

    private final Member member;
    /** Regrouped keys {@code x << 32 | y << 16 | member}, ascending; counts in the same order. */
    private final long[] keys;
    private final int[] counts;
    /**
     * Where the keys of each first fixed character x start ({@code keys[start[x], start[x + 1])}): a group is searched
     * in x's block, a few thousand keys, not in the millions of the whole list, whose first search steps are a cache
     * miss each. Example: the group (中, 国) is searched among the keys that start with 中.
     */
    private final int[] start = new int[65537];

    /** Regroups {@code trigramKeys} ({@code a << 32 | b << 16 | c}, ascending) and their counts. */
    TrigramGroups(long[] trigramKeys, int[] trigramCounts, Member member) {
        this.member = member;
        int n = trigramKeys.length;
        keys = new long[n];
        for (int i = 0; i < n; i++) {
            long k = trigramKeys[i];
            keys[i] = regroup((char) (k >>> 32), (char) (k >>> 16), (char) k);
        }
        Arrays.sort(keys);
        counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = trigramCounts[Arrays.binarySearch(trigramKeys, original(keys[i]))];
            start[(int) (keys[i] >>> 32) + 1]++;
        }
        for (int x = 0; x < 65536; x++) {
            start[x + 1] += start[x];
        }
    }

    /** The group of the two fixed characters (for FIRST: b and c; for MIDDLE: a and c), as {@code lo << 32 | hi}. */
    long group(char x, char y) {
        return groupWithin(x, y, start[x], start[x + 1]);
    }

    /** {@link #group} searched in the whole list: the slow path the block search must agree with (tests). */
    long groupBySearch(char x, char y) {
        return groupWithin(x, y, 0, keys.length);
    }

    private long groupWithin(char x, char y, int from, int to) {
        long prefix = (long) x << 32 | (long) y << 16;
        int lo = Arrays.binarySearch(keys, from, to, prefix);
        lo = lo < 0 ? -lo - 1 : lo;
        int hi = Arrays.binarySearch(keys, lo, to, prefix | 0xFFFF);
        hi = hi < 0 ? -hi - 1 : hi + 1;
        return (long) lo << 32 | hi;
    }

    /** The count of the trigram made of {@code group}'s two characters and {@code c}, 0 when never seen. */
    int count(long group, char c) {
        int lo = (int) (group >>> 32);
        int hi = (int) group;
        if (lo == hi) {
            return 0;
        }
        int i = Arrays.binarySearch(keys, lo, hi, (keys[lo] & ~0xFFFFL) | c);
        return i >= 0 ? counts[i] : 0;
    }

    private long regroup(char a, char b, char c) {
        return switch (member) {
            case FIRST -> (long) b << 32 | (long) c << 16 | a;
            case MIDDLE -> (long) a << 32 | (long) c << 16 | b;
        };
    }

    private long original(long key) {
        char x = (char) (key >>> 32);
        char y = (char) (key >>> 16);
        char m = (char) key;
        return switch (member) {
            case FIRST -> (long) m << 32 | (long) x << 16 | y;
            case MIDDLE -> (long) x << 32 | (long) m << 16 | y;
        };
    }
}
