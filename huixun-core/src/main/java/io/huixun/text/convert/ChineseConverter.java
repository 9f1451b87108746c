package io.huixun.text.convert;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Converts Chinese text between simplified, traditional and regional forms with OpenCC's semantics.
 *
 * <p>Per OpenCC: (1) an optional normalization pass over the whole text; (2) optional maximum-match segmentation
 * with the configuration's segmentation dictionary, where each dictionary match is a segment and each run of
 * unmatched characters is another; (3) every conversion step applied to each segment in turn: at each position
 * the longest dictionary entry starting there is replaced by its first value, otherwise one code point is copied.
 * Example with {@code s2t}: {@code 干燥的头发} → {@code 乾燥的頭髮} (the phrase 干燥 wins over the character 干).
 *
 * <p>Instances are immutable, cached per configuration and safe to share between threads.
 */
public final class ChineseConverter {
    private static final Map<ConversionConfig, ChineseConverter> CACHE = new EnumMap<>(ConversionConfig.class);
    /** Streaming chunk size in chars: bounds memory for a single 1 GB line. */
    static final int CHUNK = 1 << 16;

    private final ConversionConfig config;
    private final ConversionPlan plan;

    ChineseConverter(ConversionConfig config, ConversionPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    /** The shared converter for {@code config}; the first call loads its compiled dictionaries. */
    public static ChineseConverter of(ConversionConfig config) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(config, c -> new ChineseConverter(c, ConversionPlan.load(c)));
        }
    }

    public ConversionConfig config() {
        return config;
    }

    /**
     * Each BMP character converted alone, where it converts to exactly one char; every other char maps to itself.
     * For loops that fold one char at a time and must keep offsets (repair's scoring, extraction's keywords): phrase
     * entries are not applied. Example with {@code t2s}: {@code table['當'] == '当'}, {@code table['A'] == 'A'}.
     * A new array on each call: build it once.
     */
    public char[] charTable() {
        char[] table = new char[65536];
        char[] one = new char[1];
        StringBuilder out = new StringBuilder(4);
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
            if (c < 0x2E80 || Character.isSurrogate((char) c)) {
                continue; // nothing below the CJK radicals converts
            }
            one[0] = (char) c;
            out.setLength(0);
            convert(one, 0, 1, out);
            if (out.length() == 1) {
                table[c] = out.charAt(0);
            }
        }
        return table;
    }

    public String convert(String text) {
        char[] chars = text.toCharArray();
        StringBuilder out = new StringBuilder(chars.length + 16);
        convert(chars, 0, chars.length, out);
        return out.toString();
    }

    /** Converts {@code text[from, to)} and appends the result to {@code out}. */
    public void convert(char[] text, int from, int to, StringBuilder out) {
        if (unchanged(text, from, to)) {
            out.append(text, from, to - from); // no key that changes anything can match: the passes would copy it
            return;
        }
        convertAll(text, from, to, out);
    }

    /** True when {@code text[from, to)} holds no character that a changing key needs (one table read a char). */
    private boolean unchanged(char[] text, int from, int to) {
        boolean[] changing = plan.changing;
        for (int i = from; i < to; i++) {
            if (changing[text[i]]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #convert(char[], int, int, StringBuilder)} without the shortcut: every pass runs (tests compare). */
    void convertAll(char[] text, int from, int to, StringBuilder out) {
        if (plan.normalization.isPresent()) {
            StringBuilder normalized = new StringBuilder(to - from);
            pass(plan.normalization.get(), text, from, to, normalized);
            text = toChars(normalized);
            from = 0;
            to = text.length;
        }
        if (plan.segmentation.isEmpty()) {
            convertSegment(text, from, to, out);
            return;
        }
        PrefixMatcher segmentation = plan.segmentation.get();
        int runStart = from;
        int i = from;
        while (i < to) {
            int length = PrefixMatcher.length(segmentation.match(text, i, to));
            if (length > 0) {
                if (runStart < i) {
                    convertSegment(text, runStart, i, out);
                }
                convertSegment(text, i, i + length, out);
                i += length;
                runStart = i;
            } else {
                i += unmatchedLength(text, i, to);
            }
        }
        if (runStart < to) {
            convertSegment(text, runStart, to, out);
        }
    }

    /**
     * Converts a whole stream with bounded memory: text is cut into chunks of about {@value #CHUNK} chars at a
     * character that occurs in no dictionary key (a newline, punctuation, a Latin letter), where no match can
     * span the cut, so the result equals converting the whole text at once.
     */
    public void convert(Reader in, Writer out) throws IOException {
        char[] buf = new char[CHUNK * 2];
        int filled = 0;
        StringBuilder converted = new StringBuilder(CHUNK * 2);
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            if (filled < CHUNK) {
                continue;
            }
            int cut = safeCut(buf, filled);
            converted.setLength(0);
            convert(buf, 0, cut, converted);
            out.append(converted);
            System.arraycopy(buf, cut, buf, 0, filled - cut);
            filled -= cut;
        }
        converted.setLength(0);
        convert(buf, 0, filled, converted);
        out.append(converted);
        out.flush();
    }

    /** The last position after a character that no key contains; the buffer end when there is none. */
    private int safeCut(char[] buf, int filled) {
        for (int p = filled; p > filled / 2; p--) {
            if (!plan.inSomeKey[buf[p - 1]] && !Character.isHighSurrogate(buf[p - 1]) && !idsOperatorBefore(buf, p)) {
                return p;
            }
        }
        // A run of CHUNK Han characters without punctuation: cut anyway, keeping surrogate pairs whole.
        return Character.isHighSurrogate(buf[filled - 1]) ? filled - 1 : filled;
    }

    /** True when an IDS operator stands close enough before {@code p} for its sequence to reach past it. */
    private static boolean idsOperatorBefore(char[] buf, int p) {
        for (int i = Math.max(0, p - 2 * IDS_MAX_CODE_POINTS); i < p; i++) {
            if (isIdsOperator(buf[i])) {
                return true;
            }
        }
        return false;
    }

    private void convertSegment(char[] text, int from, int to, StringBuilder out) {
        int steps = plan.steps.size();
        if (steps == 1) {
            pass(plan.steps.get(0), text, from, to, out);
            return;
        }
        StringBuilder current = new StringBuilder(to - from + 8);
        pass(plan.steps.get(0), text, from, to, current);
        for (int s = 1; s < steps; s++) {
            char[] input = toChars(current);
            StringBuilder next = s == steps - 1 ? out : new StringBuilder(input.length + 8);
            pass(plan.steps.get(s), input, 0, input.length, next);
            current = next;
        }
    }

    private void pass(PrefixMatcher matcher, char[] text, int from, int to, StringBuilder out) {
        DoubleArrayTrie[] leaves = plan.leaves;
        int i = from;
        while (i < to) {
            long match = matcher.match(text, i, to);
            if (match != 0) {
                leaves[PrefixMatcher.leaf(match)].appendValue(PrefixMatcher.value(match), out);
                i += PrefixMatcher.length(match);
            } else if (isIdsOperator(text[i])) {
                int n = unmatchedLength(text, i, to);
                out.append(text, i, n);
                i += n;
            } else {
                out.append(text[i++]);
            }
        }
    }

    /**
     * What is copied unchanged where no key matches: a whole ideographic description sequence such as
     * {@code ⿰钅只} (its parts are not characters of the text and must not be converted one by one), else one
     * code point.
     */
    static int unmatchedLength(char[] text, int i, int to) {
        if (isIdsOperator(text[i])) {
            int[] codePointsLeft = {IDS_MAX_CODE_POINTS};
            int end = idsEnd(text, i, to, IDS_MAX_DEPTH, codePointsLeft);
            if (end > 0) {
                return end - i;
            }
        }
        return codePointLength(text, i, to);
    }

    private static final int IDS_MAX_DEPTH = 16;
    private static final int IDS_MAX_CODE_POINTS = 64;

    private static boolean isIdsOperator(char c) {
        return c >= '\u2FF0' && c <= '\u2FFF';
    }

    /** Parses one IDS node at {@code i}: its end, or -1 when incomplete, too deep or too long. */
    private static int idsEnd(char[] text, int i, int to, int depthLeft, int[] codePointsLeft) {
        if (depthLeft < 0 || i >= to || codePointsLeft[0] <= 0) {
            return -1;
        }
        codePointsLeft[0]--;
        char c = text[i];
        int next = i + codePointLength(text, i, to);
        int arity = !isIdsOperator(c) ? 0 : (c == '\u2FF2' || c == '\u2FF3') ? 3 : (c >= '\u2FFE') ? 1 : 2;
        for (int k = 0; k < arity && next >= 0; k++) {
            next = idsEnd(text, next, to, depthLeft - 1, codePointsLeft);
        }
        return next;
    }

    private static int codePointLength(char[] text, int i, int to) {
        return Character.isHighSurrogate(text[i]) && i + 1 < to && Character.isLowSurrogate(text[i + 1]) ? 2 : 1;
    }

    private static char[] toChars(StringBuilder sb) {
        char[] chars = new char[sb.length()];
        sb.getChars(0, sb.length(), chars, 0);
        return chars;
    }
}
