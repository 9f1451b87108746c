package io.huixun.bench.common;

/** Phrase queries cut from article text, shared by the benchmarks that make their own queries. Stateless. */
public final class HanRuns {
    private HanRuns() {}

    /**
     * A run of exactly {@code length} Han characters inside the Han run around {@code at}, or null when there is no
     * such run. {@code around("今天北京晴", 2, 3)} → "北京晴"; {@code around("今天 晴", 3, 2)} → null.
     */
    public static String around(String s, int at, int length) {
        if (at >= s.length() || !isHan(s.charAt(at))) {
            return null;
        }
        int from = at;
        int to = at;
        while (from > 0 && isHan(s.charAt(from - 1))) {
            from--;
        }
        while (to < s.length() && isHan(s.charAt(to))) {
            to++;
        }
        if (to - from < length) {
            return null;
        }
        int start = Math.max(from, Math.min(at, to - length));
        return s.substring(start, start + length);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
