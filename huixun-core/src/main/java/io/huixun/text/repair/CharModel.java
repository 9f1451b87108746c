package io.huixun.text.repair;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The plausibility model that arbitrates every repair: character unigram, bigram and trigram statistics of clean simplified news text
 * (CCTV 新闻联播 and Fuyao news, see {@code charmodel.bin} and the builder {@code io.huixun.bench.repair.CharModelBuilder}).
 *
 * <p>Design note: probabilities are interpolated Witten–Bell style, {@code P(b|a) = (C(ab) + T(a)·Pu(b)) / (C(a) + T(a))},
 * where T(a) is the number of distinct successors of a; unseen characters get a small floor so that scores stay finite.
 * Callers fold traditional text to simplified before asking (the statistics are simplified), and digits and Latin
 * letters are folded into one class each ({@code 2025年} scores like {@code 0000年}).
 *
 * <p>Immutable after loading and safe to share between threads. Scores are natural-log probabilities.
 */
final class CharModel {
    private static final CharModel INSTANCE = load();
    /** '\n' frames each training paragraph: P(c | BOUNDARY) is the chance that c starts a paragraph. */
    static final char BOUNDARY = '\n';

    private final int[] unigram = new int[65536];
    private final int[] distinctSuccessors = new int[65536];
    /** Bigram keys {@code a << 16 | b} XOR sign bit, ascending; counts in the same order. */
    private final int[] keys;
    private final int[] counts;
    /** The same bigrams keyed {@code b << 16 | a}, for predecessor lists. */
    private final int[] reverseKeys;
    private final int[] reverseCounts;
    /**
     * Open-addressing table of the bigrams, two longs per slot so that one cache line answers a lookup: {@code
     * key << 32 | count} (count ≥ 1 marks a used slot), then {@code first << 32 | types}, the trigrams that continue
     * the bigram ({@code trigramKeys[first, first + types)}), so that a trigram costs no search over the whole list.
     */
    private final long[] table;
    private final int tableMask;
    /**
     * Which bigrams exist, as a bit matrix over the characters that occur in any bigram (ids from {@link #denseId},
     * 1-based, 0 = none). Most candidate pairs the fixers try were never seen: the row of a fixed left character is
     * a few hundred bytes that stay in cache, where the table above costs a cache miss per question. Example: 當 after
     * 的 is answered by one bit.
     */
    private final char[] denseId = new char[65536];
    private final int dense;
    private final long[] seen;
    /**
     * The same bits transposed (row = the right character): a loop over left characters before one fixed right
     * character reads one row, where {@link #seen} would cost a cache miss per question. Example: the 126 GBK lead
     * bytes tried before 的 read 的's row of 4,176 bits.
     */
    private final long[] seenBefore;
    /**
     * The number of bits set in {@link #seen} before each of its words (and the same for {@link #seenBefore}). The
     * ids of {@link #denseId} ascend with the characters, so the bits of the matrix, read in order, are the bigrams
     * in {@link #keys} order: the bits set before the bit of {@code a b} count the keys before it, and that is its
     * position, found with no search (a popcount). The transposed bits give the positions in the columns ({@link
     * #colChars}) the same way. Example: 的 then 国: the position of 的国 in {@code keys} = seenRank[word] + the bits
     * set below it in that word.
     */
    private final int[] seenRank;
    private final int[] seenBeforeRank;
    /**
     * The table slot of each bigram, in {@link #keys} order: a caller that walked a row already knows where a
     * bigram's trigram range is, with no hash probe.
     */
    private final int[] slotOfBigram;
    /** The same for {@link #reverseKeys} order: the slot of {@code c b} for each predecessor entry. */
    private final int[] reverseSlot;
    /** The table slot of each column entry's bigram ({@link #colChars} order), for {@link #columnSlot}. */
    private final int[] colSlot;
    /**
     * The number of trigram types that follow each bigram (0 when none), in {@link #keys}, {@link #reverseKeys} and
     * {@link #colChars} order: read with the walk that brings the slot, so that scoring a candidate's trigram does
     * not touch the hash table, whose entries are scattered (one cache miss each). Example: for 中国, the number of
     * distinct x in 中国x.
     */
    private final int[] rowTypes;
    private final int[] reverseTypes;
    private final int[] colTypes;
    /** The trigram counts grouped by their last two characters, and by their outer two. */
    private final TrigramGroups byLastTwo;
    private final TrigramGroups byOuterTwo;
    /**
     * Where each row ({@code keys[rowStart[a], rowStart[a + 1])}, the bigrams a·) and each column (the bigrams ·b:
     * {@code colChars/colCounts[colStart[b], colStart[b + 1])}, a ascending) starts. A loop that asks about many
     * pairs sharing one character searches that one row or column, a few kilobytes that stay in cache: 126 lead
     * bytes tried before 的 cost 126 short searches in 的's column, not 126 cache misses in the table.
     */
    private final int[] rowStart;
    private final int[] colStart;
    private final char[] colChars;
    private final int[] colCounts;
    /**
     * The largest bigram count (as the table keeps it) in each row and in each column, 0 when empty: a bound on
     * count(a b) that needs no search, for pruning candidates that cannot win even with it. Example: rowMax[华] is
     * count(华 x) for the x most often after 华, so count(华 r) is at most that for every r.
     */
    private final int[] rowMax = new int[65536];
    private final int[] colMax = new int[65536];
    /** Trigram keys {@code a << 32 | b << 16 | c}, ascending, and their counts. */
    private final long[] trigramKeys;
    private final int[] trigramCounts;
    private final double logTotal;
    private final double unseenLog;
    private final double[] unigramLog = new double[65536];
    /** {@code exp(unigramLog)}, and T(a) with its floor of 1, precomputed: the hot path of every score. */
    private final double[] unigramProb = new double[65536];
    private final int[] successorTypes = new int[65536];

    private CharModel(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
            if (in.readInt() != 0x48584C4D || in.readInt() != 2) {
                throw new IOException("not a Huixun character model (bad magic or version)");
            }
            long total = in.readLong();
            int uniques = in.readInt();
            for (int i = 0; i < uniques; i++) {
                char c = in.readChar();
                unigram[c] = (int) Math.min(Integer.MAX_VALUE, readVarint(in));
            }
            int n = in.readInt();
            keys = new int[n];
            counts = new int[n];
            long key = 0;
            for (int i = 0; i < n; i++) {
                key += readVarint(in);
                keys[i] = (int) key ^ Integer.MIN_VALUE;
                counts[i] = (int) readVarint(in);
                distinctSuccessors[(int) (key >>> 16)]++;
            }
            long[] reverse = new long[n];
            for (int i = 0; i < n; i++) {
                int k = keys[i] ^ Integer.MIN_VALUE;
                long rk = ((long) (k & 0xFFFF) << 16) | (k >>> 16);
                reverse[i] = rk << 32 | i;
            }
            java.util.Arrays.sort(reverse);
            reverseKeys = new int[n];
            reverseCounts = new int[n];
            for (int i = 0; i < n; i++) {
                reverseKeys[i] = (int) (reverse[i] >>> 32) ^ Integer.MIN_VALUE;
                reverseCounts[i] = counts[(int) reverse[i]];
            }
            rowStart = new int[65537];
            colStart = new int[65537];
            for (int i = 0; i < n; i++) {
                int k = keys[i] ^ Integer.MIN_VALUE;
                rowStart[(k >>> 16) + 1]++;
                colStart[(k & 0xFFFF) + 1]++;
            }
            for (int c = 0; c < 65536; c++) {
                rowStart[c + 1] += rowStart[c];
                colStart[c + 1] += colStart[c];
            }
            colChars = new char[n];
            colCounts = new int[n];
            int[] fill = java.util.Arrays.copyOf(colStart, 65536);
            for (int i = 0; i < n; i++) { // keys ascend by (a, b): each column fills in ascending a
                int k = keys[i] ^ Integer.MIN_VALUE;
                int at = fill[k & 0xFFFF]++;
                colChars[at] = (char) (k >>> 16);
                colCounts[at] = Math.max(1, counts[i]);
                rowMax[k >>> 16] = Math.max(rowMax[k >>> 16], colCounts[at]);
                colMax[k & 0xFFFF] = Math.max(colMax[k & 0xFFFF], colCounts[at]);
            }
            int t = in.readInt();
            trigramKeys = new long[t];
            trigramCounts = new int[t];
            long tk = 0;
            for (int i = 0; i < t; i++) {
                tk += readVarint(in);
                trigramKeys[i] = tk;
                trigramCounts[i] = (int) readVarint(in);
            }
            byLastTwo = new TrigramGroups(trigramKeys, trigramCounts, TrigramGroups.Member.FIRST);
            byOuterTwo = new TrigramGroups(trigramKeys, trigramCounts, TrigramGroups.Member.MIDDLE);
            int size = Integer.highestOneBit(Math.max(16, n * 2)) << 1;
            tableMask = size - 1;
            table = new long[size * 2];
            boolean[] inBigram = new boolean[65536];
            for (int i = 0; i < n; i++) {
                int k = keys[i] ^ Integer.MIN_VALUE;
                int slot = mix(k) & tableMask;
                while (table[slot * 2] != 0) {
                    slot = (slot + 1) & tableMask;
                }
                table[slot * 2] = (long) k << 32 | Math.max(1, counts[i]);
                inBigram[k >>> 16] = true;
                inBigram[k & 0xFFFF] = true;
            }
            int ids = 0;
            for (int c = 0; c < 65536; c++) { // in character order: see seenRank
                if (inBigram[c]) {
                    denseId[c] = (char) ++ids;
                }
            }
            dense = ids;
            seen = new long[(int) (((long) ids * ids + 63) >>> 6)];
            seenBefore = new long[seen.length];
            for (int i = 0; i < n; i++) {
                int k = keys[i] ^ Integer.MIN_VALUE;
                long bit = bit(denseId[k >>> 16], denseId[k & 0xFFFF]);
                seen[(int) (bit >>> 6)] |= 1L << bit;
                long transposed = bit(denseId[k & 0xFFFF], denseId[k >>> 16]);
                seenBefore[(int) (transposed >>> 6)] |= 1L << transposed;
            }
            seenRank = ranks(seen);
            seenBeforeRank = ranks(seenBefore);
            slotOfBigram = new int[n];
            for (int i = 0; i < n; i++) {
                slotOfBigram[i] = slot(keys[i] ^ Integer.MIN_VALUE);
            }
            reverseSlot = new int[n];
            for (int i = 0; i < n; i++) {
                int rk = reverseKeys[i] ^ Integer.MIN_VALUE; // b << 16 | a
                reverseSlot[i] = slot((rk & 0xFFFF) << 16 | rk >>> 16);
            }
            colSlot = new int[n];
            for (int b = 0; b < 65536; b++) {
                for (int i = colStart[b]; i < colStart[b + 1]; i++) {
                    colSlot[i] = slot(colChars[i] << 16 | b);
                }
            }
            for (int i = 0; i < t; ) {
                long prefix = trigramKeys[i] >>> 16;
                int j = i;
                while (j < t && trigramKeys[j] >>> 16 == prefix) {
                    j++;
                }
                int slot = prefix <= 0xFFFFFFFFL ? slot((int) prefix) : -1;
                if (slot >= 0) {
                    table[slot * 2 + 1] = (long) i << 32 | (j - i);
                }
                i = j;
            }
            rowTypes = typesOf(slotOfBigram);
            reverseTypes = typesOf(reverseSlot);
            colTypes = typesOf(colSlot);
            logTotal = Math.log(total + 65536 * 0.01);
            unseenLog = Math.log(0.01) - logTotal;
            for (int c = 0; c < 65536; c++) {
                unigramLog[c] = unigram[c] == 0 ? unseenLog : Math.log(unigram[c] + 0.01) - logTotal;
                unigramProb[c] = Math.exp(unigramLog[c]);
                successorTypes[c] = Math.max(1, distinctSuccessors[c]);
            }
        }
    }

    static CharModel get() {
        return INSTANCE;
    }

    private static CharModel load() {
        try (InputStream in = CharModel.class.getResourceAsStream("charmodel.bin")) {
            if (in == null) {
                throw new IllegalStateException("charmodel.bin is missing from the class path");
            }
            return new CharModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the repair character model", e);
        }
    }

    /** How often {@code c} (already folded) occurs in the training text. */
    int count(char c) {
        return unigram[c];
    }

    double unigramLog(char c) {
        return unigramLog[fold(c)];
    }

    /** ln P(b | a) for folded characters. */
    double logProb(char a, char b) {
        a = fold(a);
        b = fold(b);
        int ca = unigram[a];
        if (ca == 0) {
            return unigramLog[b];
        }
        return witten(ca, successorTypes[a], bigram(a, b), unigramProb[b]);
    }

    /** {@link #logProb(char, char)}, the count found in the row of {@code a}: for loops over b with a fixed. */
    double logProbAfter(char a, char b) {
        a = fold(a);
        b = fold(b);
        int ca = unigram[a];
        if (ca == 0) {
            return unigramLog[b];
        }
        // Most pairs asked here were never seen: one bit in a's row says so; the bits before it give the position
        // of the others (see seenRank), where a search of a's row used to find it.
        int i = rowIndex(a, b);
        return witten(ca, successorTypes[a], i >= 0 ? Math.max(1, counts[i]) : 0, unigramProb[b]);
    }

    /** Where {@code a b} (folded) is in {@link #keys}, or -1 when never seen: by rank, see {@link #seenRank}. */
    int rowIndex(char a, char b) {
        return rank(seen, seenRank, a, b);
    }

    /** count(a b) at a row position from {@link #rowIndex}, as the table keeps it (at least 1), as {@link #row} gives it. */
    int rowCount(int i) {
        return Math.max(1, counts[i]);
    }

    /** The trigram types after the bigram at a row position from {@link #rowIndex}, as {@link #row} gives them. */
    int rowTypes(int i) {
        return rowTypes[i];
    }

    /** {@link #rowIndex} by a binary search of a's row: the slow path the rank must agree with (tests). */
    int rowIndexBySearch(char a, char b) {
        int i = java.util.Arrays.binarySearch(keys, rowStart[a], rowStart[a + 1], (a << 16 | b) ^ Integer.MIN_VALUE);
        return i >= 0 ? i : -1;
    }

    /**
     * exp of {@link #logProbAfter} up to rounding (no logarithm): for bounds, never for scores. Example: a loop
     * that keeps the best of 126 lead bytes compares this product with {@link #beatable} before two logarithms.
     */
    double probAfter(char a, char b) {
        a = fold(a);
        b = fold(b);
        int i = rowIndex(a, b);
        return prob(a, b, i >= 0 ? Math.max(1, counts[i]) : 0);
    }

    /** exp of {@link #logProbBefore} up to rounding, as {@link #probAfter}. */
    double probBefore(char a, char b) {
        a = fold(a);
        b = fold(b);
        int i = columnIndex(a, b);
        return prob(a, b, i >= 0 ? colCounts[i] : 0);
    }

    /** exp of {@link #unigramLog} up to rounding, as {@link #probAfter}. */
    double unigramProb(char c) {
        return unigramProb[fold(c)];
    }

    /**
     * The least product of this model's probabilities ({@link #probAfter} and the like) whose sum of logarithms can
     * still exceed {@code bestScore}: exp(bestScore) less a relative margin of 10^-9, far above what rounding of the
     * logarithms, exp and the product can shift (about 10^-14). A candidate of an argmax whose product is below it
     * would score below {@code bestScore}, so its logarithms can be skipped with the outcome unchanged; 0 while
     * there is no best ({@code -Infinity}). Example: best -12.5 nats, a candidate with product e^-20 is passed over.
     */
    static double beatable(double bestScore) {
        return Math.exp(bestScore) * (1 - 1e-9);
    }

    /** {@link #logProb(char, char)}, the count found in the column of {@code b}: for loops over a with b fixed. */
    double logProbBefore(char a, char b) {
        a = fold(a);
        b = fold(b);
        int ca = unigram[a];
        if (ca == 0) {
            return unigramLog[b];
        }
        int i = columnIndex(a, b);
        return witten(ca, successorTypes[a], i >= 0 ? colCounts[i] : 0, unigramProb[b]);
    }

    /**
     * {@link #logProb(char, char)} for characters already folded whose bigram count {@code cab} the caller holds
     * (from {@link #successors(char, BigramSink)}): the same number without the table lookup.
     */
    double logProb(char a, char b, int cab) {
        int ca = unigram[a];
        if (ca == 0) {
            return unigramLog[b];
        }
        return witten(ca, successorTypes[a], cab, unigramProb[b]);
    }

    /**
     * exp of {@link #logProb(char, char, int)} up to rounding (no logarithm): for bounds, never for scores.
     * Example: a candidate loop compares products of these with a threshold before paying for two logarithms.
     */
    double prob(char a, char b, int cab) {
        int ca = unigram[a];
        if (ca == 0) {
            return unigramProb[b];
        }
        int t = successorTypes[a];
        return (cab + t * unigramProb[b]) / (ca + t);
    }

    /** {@code P(b|a) = (C(ab) + T(a)·Pu(b)) / (C(a) + T(a))}, in natural log. */
    private static double witten(int ca, int t, int cab, double pu) {
        return Math.log((cab + t * pu) / (ca + t));
    }

    /**
     * ln P(c | a b), the trigram interpolated with the bigram as Witten–Bell does:
     * {@code (C(abc) + T(ab)·P(c|b)) / (C(ab) + T(ab))}, T(ab) the distinct continuations of ab in the table.
     */
    double logProb(char a, char b, char c) {
        a = fold(a);
        b = fold(b);
        c = fold(c);
        return trigram(a, b, c, Math.exp(logProb(b, c)));
    }

    /**
     * {@link #logProb(char, char, char)} for folded characters when the caller already holds {@code backoff =
     * exp(logProb(b, c))} (a candidate loop has scored the bigram): the same number.
     */
    double trigram(char a, char b, char c, double backoff) {
        return trigramAt(slot(a << 16 | b), a, b, c, backoff);
    }

    /**
     * {@link #trigram} when the caller already holds the table slot of {@code a b} ({@link #bigramSlot}, or -1 when
     * the pair was never seen, as {@link #slot} answers): the same number without the hash probe.
     */
    double trigramAt(int slot, char a, char b, char c, double backoff) {
        if (slot < 0) {
            return Math.log(backoff); // C(ab) = 0
        }
        long range = table[slot * 2 + 1];
        int types = (int) range;
        if (types == 0) {
            return Math.log(backoff);
        }
        int lo = (int) (range >>> 32);
        int i = java.util.Arrays.binarySearch(trigramKeys, lo, lo + types, (long) a << 32 | (long) b << 16 | c);
        return trigramWith(slot, i >= 0 ? trigramCounts[i] : 0, backoff);
    }

    /**
     * {@link #trigramAt} when the caller also holds the trigram's count {@code cabc} (from {@link #byLastTwo} or
     * {@link #byOuterTwo}, 0 when never seen): the same number without a search in the trigram list.
     */
    double trigramWith(int slot, int cabc, double backoff) {
        if (slot < 0) {
            return Math.log(backoff);
        }
        int types = (int) table[slot * 2 + 1];
        if (types == 0) {
            return Math.log(backoff);
        }
        int cab = (int) table[slot * 2];
        return Math.log((cabc + types * backoff) / (cab + types));
    }

    /**
     * {@link #trigramWith} when the caller holds the bigram's count {@code cab} (as the table keeps it, at least 1,
     * or 0 when never seen) and its trigram {@code types} (0 when never seen) from a row, predecessor or column walk
     * instead of its slot: the same number, without reading the hash table.
     */
    double trigramCounted(int cab, int types, int cabc, double backoff) {
        if (types == 0) {
            return Math.log(backoff);
        }
        return Math.log((cabc + types * backoff) / (cab + types));
    }

    /** The trigram type count of each slot in {@code slots} (0 for -1 or a bigram no trigram follows). */
    private int[] typesOf(int[] slots) {
        int[] types = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            types[i] = slots[i] < 0 ? 0 : (int) table[slots[i] * 2 + 1];
        }
        return types;
    }

    /** The trigrams {@code x b c} for every x, grouped ({@link TrigramGroups.Member#FIRST}). */
    TrigramGroups byLastTwo() {
        return byLastTwo;
    }

    /** The trigrams {@code a x c} for every x, grouped ({@link TrigramGroups.Member#MIDDLE}). */
    TrigramGroups byOuterTwo() {
        return byOuterTwo;
    }

    /**
     * Where the bigram {@code a b} (folded) is in b's column, or -1 when never seen. As in logProbAfter, one bit
     * from b's row of the transposed matrix, and its rank (see {@link #seenRank}).
     */
    int columnIndex(char a, char b) {
        return rank(seenBefore, seenBeforeRank, b, a);
    }

    /** {@link #columnIndex} by a binary search of b's column: the slow path the rank must agree with (tests). */
    int columnIndexBySearch(char a, char b) {
        int i = java.util.Arrays.binarySearch(colChars, colStart[b], colStart[b + 1], a);
        return i >= 0 ? i : -1;
    }

    /** The bigram count at a column position from {@link #columnIndex}, as the table keeps it (at least 1). */
    int columnCount(int i) {
        return colCounts[i];
    }

    /** The largest count(a x) over every x (folded a), 0 when a has no successor: count(a b) is at most that. */
    int rowMax(char a) {
        return rowMax[a];
    }

    /** The largest count(x b) over every x (folded b), 0 when b has no predecessor: count(a b) is at most that. */
    int columnMax(char b) {
        return colMax[b];
    }

    /** The table slot of the bigram at a column position from {@link #columnIndex}, for {@link #trigramAt}. */
    int columnSlot(int i) {
        return colSlot[i];
    }

    /** The trigram types after the bigram at a column position from {@link #columnIndex}, for {@link #trigramCounted}. */
    int columnTypes(int i) {
        return colTypes[i];
    }

    /**
     * The number of bits set before bit (row, column) of {@code matrix} ({@link #seen} or {@link #seenBefore}, with
     * {@code ranks} its word counts), or -1 when that bit is not set.
     */
    private int rank(long[] matrix, int[] ranks, char row, char column) {
        int ir = denseId[row];
        int ic = denseId[column];
        if (ir == 0 || ic == 0) {
            return -1;
        }
        long bit = bit(ir, ic);
        int w = (int) (bit >>> 6);
        long word = matrix[w];
        long mask = 1L << bit;
        return (word & mask) == 0 ? -1 : ranks[w] + Long.bitCount(word & (mask - 1));
    }

    /** Per word of {@code bits}: how many bits are set in the words before it. */
    private static int[] ranks(long[] bits) {
        int[] ranks = new int[bits.length];
        int total = 0;
        for (int w = 0; w < bits.length; w++) {
            ranks[w] = total;
            total += Long.bitCount(bits[w]);
        }
        return ranks;
    }

    /**
     * count(a b) as the table keeps it (at least 1), 0 when never seen: from {@link #counts} at the rank position,
     * a 1 MB array that mostly stays in cache, where the 16 MB hash table costs a miss per pair.
     */
    int bigram(char a, char b) {
        int i = rowIndex(a, b);
        return i < 0 ? 0 : Math.max(1, counts[i]);
    }

    /** {@link #bigram} read from the hash table: the slow path it must agree with (tests). */
    int bigramByTable(char a, char b) {
        int slot = slot(a << 16 | b);
        return slot < 0 ? 0 : (int) table[slot * 2];
    }

    /** The table slot of bigram {@code key}, or -1; the bit matrix answers first, for the pairs never seen. */
    private int slot(int key) {
        int ia = denseId[key >>> 16];
        int ib = denseId[key & 0xFFFF];
        if (ia == 0 || ib == 0) {
            return -1;
        }
        long bit = bit(ia, ib);
        if ((seen[(int) (bit >>> 6)] & 1L << bit) == 0) {
            return -1;
        }
        for (int slot = mix(key) & tableMask; ; slot = (slot + 1) & tableMask) {
            long entry = table[slot * 2];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == key) {
                return slot;
            }
        }
    }

    private long bit(int ia, int ib) {
        return (long) (ia - 1) * dense + (ib - 1);
    }

    /** Murmur3's finaliser: every key bit reaches the low bits that pick the slot. */
    private static int mix(int key) {
        int h = key ^ (key >>> 16);
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** Sum of ln P over consecutive pairs of {@code left + text + right} (left/right may be absent: pass 0). */
    double score(char left, CharSequence text, char right) {
        double s = 0;
        char prev = left;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (prev != 0) {
                s += logProb(prev, c);
            } else {
                s += unigramLog(c);
            }
            prev = c;
        }
        if (right != 0 && prev != 0) {
            s += logProb(prev, right);
        }
        return s;
    }

    /**
     * exp of {@link #score} up to rounding, as a product of probabilities (no logarithm per pair), or 0 when the
     * product comes near the smallest normal double (long text), where it would lose precision: for bounds, never
     * for scores (see {@link #surelyBelow}).
     */
    double scoreProb(char left, CharSequence text, char right) {
        double p = 1;
        char prev = left;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            p *= prev != 0 ? probAfter(prev, c) : unigramProb(c);
            if (p < TINY) {
                return 0;
            }
            prev = c;
        }
        if (right != 0 && prev != 0) {
            p *= probAfter(prev, right);
        }
        return p < TINY ? 0 : p;
    }

    /** Products below this are not trusted by {@link #surelyBelow} (far above the subnormal range). */
    private static final double TINY = 1e-280;

    /**
     * Whether {@code score(after) - score(before)} is surely below {@code threshold}, judged from their {@link
     * #scoreProb} products with one logarithm: the sums of logarithms and the logarithm of the products' ratio
     * differ by rounding only (far below 10^-9 nats for any text short enough for its product to stay normal), so
     * a ratio below the threshold by a margin of 10^-6 nats means the sums are below it too. False when either
     * product is 0 (not known): then the caller scores. Example: a stretch that gains 2.1 nats where it needs 3
     * per character is rejected without its two scores.
     */
    static boolean surelyBelow(double afterProb, double beforeProb, double threshold) {
        return afterProb > 0 && beforeProb > 0 && Math.log(afterProb / beforeProb) < threshold - 1e-6;
    }

    /** Receives a character and the count of its bigram with the fixed one. */
    @FunctionalInterface
    interface BigramSink {
        void accept(char c, int count);
    }

    /** Characters seen after {@code a} in training with the counts of {@code a c}, for candidate generation. */
    void successors(char a, BigramSink sink) {
        range(keys, counts, fold(a), sink);
    }

    /**
     * Characters seen before {@code b} in training with the counts of {@code c b}. Known gap, kept so that repair
     * output stays as it was: {@link #reverseKeys} is sorted as signed keys, not in the unsigned order that
     * {@link #range} searches, so the list is incomplete (often empty) for some characters.
     */
    void predecessors(char b, BigramSink sink) {
        range(reverseKeys, reverseCounts, fold(b), sink);
    }

    /**
     * {@link #predecessors(char, BigramSink)} (the same list, with its gap) with the slot of {@code c b} for each,
     * for {@link #trigramAt}.
     */
    void predecessors(char b, SlottedBigramSink sink) {
        char first = fold(b);
        for (int i = runStart(reverseKeys, first); i < reverseKeys.length; i++) {
            int k = reverseKeys[i] ^ Integer.MIN_VALUE;
            if ((k >>> 16) != first) {
                break;
            }
            sink.accept((char) (k & 0xFFFF), Math.max(1, reverseCounts[i]), reverseSlot[i],
                    reverseTypes[i]);
        }
    }

    /** Where the search for the keys whose high half is {@code first} lands in {@code sorted} (see predecessors). */
    private static int runStart(int[] sorted, char first) {
        int lo = java.util.Arrays.binarySearch(sorted, (first << 16) ^ Integer.MIN_VALUE);
        return lo < 0 ? -lo - 1 : lo;
    }

    private static void range(int[] sorted, int[] counts, char first, BigramSink sink) {
        for (int i = runStart(sorted, first); i < sorted.length; i++) {
            int k = sorted[i] ^ Integer.MIN_VALUE;
            if ((k >>> 16) != first) {
                break;
            }
            sink.accept((char) (k & 0xFFFF), Math.max(1, counts[i])); // as the table keeps them
        }
    }

    /** Every character seen before {@code b} with the count of {@code c b}, from b's column (complete). */
    void column(char b, BigramSink sink) {
        b = fold(b);
        for (int i = colStart[b]; i < colStart[b + 1]; i++) {
            sink.accept(colChars[i], colCounts[i]);
        }
    }

    /**
     * Receives a character, the count of its bigram with the fixed one, that bigram's table slot and the number of
     * trigram types that follow the bigram (for {@link #trigramCounted}).
     */
    @FunctionalInterface
    interface SlottedBigramSink {
        void accept(char c, int count, int slot, int types);
    }

    /**
     * The row of {@code a} (already folded): every c seen after it, with count(a c) and the slot of {@code a c} for
     * {@link #trigramAt}. The same characters and counts as {@link #successors(char, BigramSink)}, which finds the
     * row by a search where this reads {@link #rowStart}.
     */
    void row(char a, SlottedBigramSink sink) {
        for (int i = rowStart[a]; i < rowStart[a + 1]; i++) {
            sink.accept((char) (keys[i] ^ Integer.MIN_VALUE), Math.max(1, counts[i]), slotOfBigram[i], rowTypes[i]);
        }
    }

    /** The table slot of {@code a b} (folded), or -1 when never seen: for {@link #trigramAt}. */
    int bigramSlot(char a, char b) {
        return slot(a << 16 | b);
    }

    /** Characters seen after {@code a} in training, for candidate generation. */
    void successors(char a, java.util.function.IntConsumer sink) {
        range(keys, fold(a), sink);
    }

    /** Characters seen before {@code b} in training. */
    void predecessors(char b, java.util.function.IntConsumer sink) {
        range(reverseKeys, fold(b), sink);
    }

    private static void range(int[] sorted, char first, java.util.function.IntConsumer sink) {
        for (int i = runStart(sorted, first); i < sorted.length; i++) {
            int k = sorted[i] ^ Integer.MIN_VALUE;
            if ((k >>> 16) != first) {
                break;
            }
            sink.accept(k & 0xFFFF);
        }
    }

    /** Must match the builder's folding. */
    static char fold(char c) {
        if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
            return '0';
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 'ａ' && c <= 'ｚ') || (c >= 'Ａ' && c <= 'Ｚ')) {
            return 'a';
        }
        if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000') {
            return ' ';
        }
        return c;
    }

    private static long readVarint(DataInputStream in) throws IOException {
        long value = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
