package io.huixun.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash signature: for each of {@code n} hash functions, the minimum (unsigned 32-bit) hash over a text's
 * shingles. The fraction of equal positions between two signatures estimates the Jaccard similarity of the two
 * shingle sets. A text with no shingles has the {@linkplain #isEmpty() empty} signature (all positions
 * {@code 0xFFFFFFFF}), which matches nothing.
 *
 * <p>Immutable: the array is copied in and out.
 */
public record MinHashSignature(int[] values) {

    static final int EMPTY_VALUE = -1; // 0xFFFFFFFF, the largest unsigned value

    public MinHashSignature {
        if (values.length == 0) {
            throw new IllegalArgumentException("a signature needs at least one hash");
        }
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    int size() {
        return values.length;
    }

    int at(int i) {
        return values[i];
    }

    /** True when the text had no shingle at all. */
    public boolean isEmpty() {
        for (int v : values) {
            if (v != EMPTY_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Estimated Jaccard similarity in [0, 1]; 0 when either side is empty. */
    public double similarity(MinHashSignature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures differ in length: " + values.length + " vs "
                    + other.values.length);
        }
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        return (double) agreements(other) / values.length;
    }

    /** Number of positions where the two signatures (of the same length) hold the same hash. */
    int agreements(MinHashSignature other) {
        int equal = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        return equal;
    }

    /** Big-endian 4 bytes per hash, for storage. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    /** Reverses {@link #toBytes()}. */
    public static MinHashSignature fromBytes(byte[] bytes) {
        if (bytes.length == 0 || bytes.length % 4 != 0) {
            throw new IllegalArgumentException("a stored signature is a non-empty multiple of 4 bytes, was "
                    + bytes.length);
        }
        int[] values = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return new MinHashSignature(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + values.length + " hashes]";
    }
}
