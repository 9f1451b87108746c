package io.huixun.text.charset;

/** Classifies bytes as pure ASCII, valid UTF-8 with multi-byte sequences, or not UTF-8. */
enum Utf8Check {
    ASCII, VALID, INVALID;

    /**
     * @param complete false when {@code bytes[0, n)} is a prefix of a longer input, so that a multi-byte sequence
     *                 cut at the end does not count against UTF-8
     */
    static Utf8Check of(byte[] bytes, int n, boolean complete) {
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
                return INVALID;
            }
            if (i + len > n) {
                return complete ? INVALID : (multiByte ? VALID : ASCII);
            }
            int cp = b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return INVALID;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return INVALID;
            }
            multiByte = true;
            i += len;
        }
        return multiByte ? VALID : ASCII;
    }
}
