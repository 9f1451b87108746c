package io.huixun.text.charset;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What is valid UTF-8, in one place: the charset detector's byte check, strict decoding for the text fixers and feed
 * readers ({@code E5 A5 BD} → "好", {@code E5 A5} → empty), and the strict decoder for streams that must say at
 * which byte they broke. Valid means RFC 3629: no overlong forms ({@code C0 AF}), no surrogates
 * ({@code ED A0 80}), nothing above U+10FFFF; the JDK's UTF-8 decoder with {@link CodingErrorAction#REPORT} means
 * the same, and a test holds the two together. Stateless, thread-safe (each {@link #strictDecoder} is new).
 */
public final class Utf8 {
    /** What a run of bytes is: pure ASCII, valid UTF-8 with at least one multi-byte sequence, or not UTF-8. */
    public enum Check { ASCII, VALID, INVALID }

    private Utf8() {}

    /**
     * Classifies {@code bytes[0, n)} without allocating (it runs on every fetched page).
     *
     * @param complete false when {@code bytes[0, n)} is a prefix of a longer input, so that a multi-byte sequence
     *                 cut at the end does not count against UTF-8
     */
    public static Check check(byte[] bytes, int n, boolean complete) {
        boolean multiByte = false;
        int i = 0;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return Check.INVALID;
            }
            if (i + len > n) {
                return complete ? Check.INVALID : (multiByte ? Check.VALID : Check.ASCII);
            }
            int cp = b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return Check.INVALID;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return Check.INVALID;
            }
            multiByte = true;
            i += len;
        }
        return multiByte ? Check.VALID : Check.ASCII;
    }

    /** True when all of {@code bytes} is valid UTF-8 (ASCII included). */
    public static boolean isValid(byte[] bytes) {
        return check(bytes, bytes.length, true) != Check.INVALID;
    }

    /** The text when all of {@code bytes} is valid UTF-8, else empty: malformed input is an answer, not an error. */
    public static Optional<String> decode(byte[] bytes) {
        return isValid(bytes) ? Optional.of(new String(bytes, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** A new UTF-8 decoder that reports malformed input instead of replacing it (for readers that name the byte). */
    public static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Length of an unfinished UTF-8 sequence at the end ({@code E5 A5} of 好 cut short), else 0. */
    public static int incompleteTail(byte[] b) {
        for (int k = 1; k <= 3 && k <= b.length; k++) {
            int c = b[b.length - k] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
            return need > k ? k : 0;
        }
        return 0;
    }
}
