package io.huixun.store;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The input exactly as received: its bytes and the charset they were decoded with. Kept so that a repair can always
 * be re-done or undone. Immutable: the array is copied in and out.
 */
public record OriginalContent(byte[] bytes, Charset charset) {
    public OriginalContent {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(charset, "charset");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of original bytes. */
    public int length() {
        return bytes.length;
    }

    /** The bytes decoded with {@link #charset()} (malformed input replaced). */
    public String text() {
        return new String(bytes, charset);
    }

    /** SHA-256 of the bytes. */
    public ContentHash hash() {
        return ContentHash.of(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OriginalContent other && Arrays.equals(bytes, other.bytes)
                && charset.equals(other.charset);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + charset.hashCode();
    }

    @Override
    public String toString() {
        return "OriginalContent[" + bytes.length + " bytes, " + charset.name() + "]";
    }
}
