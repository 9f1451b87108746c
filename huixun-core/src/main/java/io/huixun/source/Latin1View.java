package io.huixun.source;

/**
 * Bytes seen as ISO-8859-1 characters without copying them: enough to find ASCII markup ({@code <}, {@code >},
 * names) in any ASCII-compatible charset. Immutable view over an array the caller must not change meanwhile.
 */
final class Latin1View implements CharSequence {
    private final byte[] bytes;
    private final int start;
    private final int end;

    Latin1View(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[start + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new Latin1View(bytes, start + from, start + to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
