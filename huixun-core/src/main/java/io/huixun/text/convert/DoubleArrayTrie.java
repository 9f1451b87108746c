package io.huixun.text.convert;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An immutable double-array trie over UTF-16 code units, mapping each key to one replacement string.
 *
 * <p>Design note: the conversion hot loop asks one question per text position, "what is the longest key that
 * starts here?". A double-array trie answers it with two array reads per character and no allocation:
 * from state {@code s}, the child for character {@code c} is {@code t = base[s] + code(c)}, valid when
 * {@code check[t] == s}. Characters are first mapped to dense codes ({@link #codeOf}) so that the arrays stay
 * small although keys use a few thousand distinct Han characters out of 65,536 code units. Supplementary
 * characters are simply two code units, so a surrogate pair is never split inside a key.
 *
 * <p>Replacement strings live in one {@code char[]} pool; {@code valueStart[v]..valueStart[v+1]} is value {@code v}.
 * Instances are built by {@code TrieBuilder} (at build time, from the test sources) and read back with {@link #read}; they are thread-safe.
 */
final class DoubleArrayTrie {
    private static final int MAGIC = 0x48584454; // "HXDT"
    static final int NONE = -1;

    private final char[] codeOf;      // UTF-16 unit -> dense code, 0 = not in any key
    private final int[] base;
    private final int[] check;
    private final int[] valueOf;      // state -> value index, NONE when no key ends here
    private final char[] valuePool;
    private final int[] valueStart;   // length = values + 1
    private final int maxKeyLength;

    DoubleArrayTrie(char[] codeOf, int[] base, int[] check, int[] valueOf, char[] valuePool, int[] valueStart,
                    int maxKeyLength) {
        this.codeOf = codeOf;
        this.base = base;
        this.check = check;
        this.valueOf = valueOf;
        this.valuePool = valuePool;
        this.valueStart = valueStart;
        this.maxKeyLength = maxKeyLength;
    }

    /**
     * Finds the longest key that is a prefix of {@code text[from, to)}.
     *
     * @return {@code (length << 32) | valueIndex} of the longest match, or 0 when no key starts at {@code from}
     */
    long longestMatch(char[] text, int from, int to) {
        int state = 0;
        long best = 0;
        final int[] base = this.base, check = this.check;
        for (int i = from; i < to; i++) {
            int code = codeOf[text[i]];
            if (code == 0) {
                break;
            }
            int next = base[state] + code;
            if (next >= check.length || check[next] != state) {
                break;
            }
            state = next;
            int value = valueOf[state];
            if (value != NONE) {
                best = ((long) (i + 1 - from) << 32) | value;
            }
        }
        return best;
    }

    /** Appends replacement {@code valueIndex} to {@code out}. */
    void appendValue(int valueIndex, StringBuilder out) {
        int start = valueStart[valueIndex];
        out.append(valuePool, start, valueStart[valueIndex + 1] - start);
    }

    String value(int valueIndex) {
        int start = valueStart[valueIndex];
        return new String(valuePool, start, valueStart[valueIndex + 1] - start);
    }

    /** True when {@code c} occurs in at least one key: a character that does not can never be inside a match. */
    boolean occursInKeys(char c) {
        return codeOf[c] != 0;
    }

    /**
     * Marks, for every key whose replacement differs from it, one character the key cannot match without: the first
     * position where key and replacement differ (every character of the key when their lengths differ). A text that
     * holds no marked character can only match keys that replace themselves. Example ({@code t2s}): 國 for
     * 中國 → 中国; nothing for 乾隆 → 乾隆.
     */
    void markChangingKeys(boolean[] marked) {
        char[] charOf = new char[65536];
        for (int c = 0; c < codeOf.length; c++) {
            if (codeOf[c] != 0) {
                charOf[codeOf[c]] = (char) c;
            }
        }
        char[] key = new char[Math.max(1, maxKeyLength)];
        for (int state = 1; state < valueOf.length; state++) {
            if (valueOf[state] == NONE) {
                continue;
            }
            // Walk up to the root: the code of a state is its offset from its parent's base.
            int length = 0;
            boolean whole = true;
            for (int s = state; s != 0 && length < key.length; s = check[s]) {
                key[length++] = charOf[s - base[check[s]]];
                whole = check[s] == 0;
            }
            if (!whole) {
                throw new IllegalStateException("corrupt compiled dictionary: a key longer than its maximum");
            }
            int start = valueStart[valueOf[state]];
            int valueLength = valueStart[valueOf[state] + 1] - start;
            // key[] holds the key backwards
            int differs = -1;
            for (int i = 0; i < length && valueLength == length; i++) {
                if (key[length - 1 - i] != valuePool[start + i]) {
                    differs = i;
                    break;
                }
            }
            if (valueLength != length) {
                for (int i = 0; i < length; i++) {
                    marked[key[i]] = true;
                }
            } else if (differs >= 0) {
                marked[key[length - 1 - differs]] = true;
            }
        }
    }

    int maxKeyLength() {
        return maxKeyLength;
    }

    int valueCount() {
        return valueStart.length - 1;
    }

    /** Bytes used by the arrays, for the heap budget in docs/benchmarks.md. */
    long footprintBytes() {
        return 2L * codeOf.length + 4L * (base.length + check.length + valueOf.length + valueStart.length)
                + 2L * valuePool.length;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(maxKeyLength);
        writeChars(out, codeOf);
        writeInts(out, base);
        writeInts(out, check);
        writeInts(out, valueOf);
        writeChars(out, valuePool);
        writeInts(out, valueStart);
    }

    static DoubleArrayTrie read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a compiled Huixun dictionary (bad magic number)");
        }
        int maxKeyLength = in.readInt();
        char[] codeOf = readChars(in);
        int[] base = readInts(in);
        int[] check = readInts(in);
        int[] valueOf = readInts(in);
        char[] pool = readChars(in);
        int[] valueStart = readInts(in);
        if (codeOf.length != 65536 || base.length != check.length || valueOf.length != check.length) {
            throw new IOException("corrupt compiled dictionary: array lengths disagree");
        }
        return new DoubleArrayTrie(codeOf, base, check, valueOf, pool, valueStart, maxKeyLength);
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * a.length).order(ByteOrder.BIG_ENDIAN);
        buf.asIntBuffer().put(a);
        out.writeInt(a.length);
        out.write(buf.array());
    }

    private static void writeChars(DataOutputStream out, char[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(2 * a.length).order(ByteOrder.BIG_ENDIAN);
        buf.asCharBuffer().put(a);
        out.writeInt(a.length);
        out.write(buf.array());
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] bytes = new byte[Math.multiplyExact(n, 4)];
        in.readFully(bytes);
        int[] a = new int[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(a);
        return a;
    }

    private static char[] readChars(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] bytes = new byte[Math.multiplyExact(n, 2)];
        in.readFully(bytes);
        char[] a = new char[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asCharBuffer().get(a);
        return a;
    }
}
