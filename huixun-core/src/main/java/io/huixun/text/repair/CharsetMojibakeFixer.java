package io.huixun.text.repair;

import io.huixun.text.charset.Utf8;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes text decoded with the wrong charset: UTF-8 bytes read as GBK ({@code 鍒涙柊} → {@code 创新}), as Big5, or as
 * cp1252/Latin-1 ({@code Ã©} → {@code é}); {@code 锟斤拷} becomes the U+FFFD pair it encodes.
 *
 * <p>Design note: a run of Han characters and symbols is encoded back to the bytes the wrong decoder saw (GBK, then
 * Big5) and searched for stretches that are strict UTF-8 and begin and end on a boundary of both encodings, so that
 * mojibake inside clean text is found ({@code 中锟斤拷国}). Lossy mojibake turned an odd byte into {@code ?} or U+FFFD
 * (and, when the byte after it was an ASCII letter, swallowed the space before it): such a marker stands for one
 * unknown continuation byte, which the model picks ({@code 銆?} → {@code 。}). A stretch is kept only when the model
 * gains at least {@link #MIN_GAIN} nats per original character; a decoded stretch is searched once more for a second
 * layer. cp1252/Latin-1 mojibake ({@code Ã©}) is all-or-nothing per line, as ftfy does, and lossy forms (NBSP turned
 * space, the last byte cut) are handled; GBK read through a single-byte code page ({@code ÓůÓĂČíĽţ}) must decode to
 * ordinary Han characters. Double layers are also handled by running the fixer again on its own output.
 */
final class CharsetMojibakeFixer implements Fixer {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset[] SINGLE_BYTE = {CP1252, Charset.forName("windows-1250"),
            Charset.forName("ISO-8859-1")};
    /**
     * Per code page of {@link #SINGLE_BYTE}: the characters a run of legacy mojibake is made of (non-ASCII, not
     * Chinese, encodable in that code page), a table built once instead of an encoder asked per character.
     */
    private static final boolean[][] SINGLE_BYTE_RUN = singleByteRuns();

    /** The union of {@link #SINGLE_BYTE_RUN}'s tables: a character that can be part of a run in some code page. */
    private static final boolean[] ANY_SINGLE_BYTE_RUN = anySingleByteRun();

    private static boolean[] anySingleByteRun() {
        boolean[] any = new boolean[65536];
        for (boolean[] run : SINGLE_BYTE_RUN) {
            for (int c = 0xA0; c < 65536; c++) {
                any[c] |= run[c];
            }
        }
        return any;
    }

    /**
     * Whether a run of {@link #legacyAsSingleByte} can start anywhere in {@code line} for any code page: one scan
     * instead of three over the usual line of Han text, where none can. Example: {@code 新闻联播} has none.
     */
    private static boolean hasSingleByteRun(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= 0xA0 && ANY_SINGLE_BYTE_RUN[c]) {
                return true;
            }
        }
        return false;
    }

    private static boolean[][] singleByteRuns() {
        boolean[][] runs = new boolean[SINGLE_BYTE.length][65536];
        for (int k = 0; k < SINGLE_BYTE.length; k++) {
            java.nio.charset.CharsetEncoder encoder = SINGLE_BYTE[k].newEncoder();
            for (int c = 0x80; c < 65536; c++) {
                runs[k][c] = !CharClasses.isChinese((char) c) && encoder.canEncode((char) c);
            }
        }
        return runs;
    }

    /** Occurrences in the model's text that make a character ordinary: GBK read as cp1250 must decode to those. */
    private static final int COMMON = 20;
    /** Nats the decoded run must gain over the run as it is, per character of the run. */
    private static final double MIN_GAIN = 3.0;

    private final CharModel model = CharModel.get();
    /** Whether the byte checks before decoding run (always, but in the test that compares with the slow path). */
    private final boolean precheck;

    CharsetMojibakeFixer() {
        this(true);
    }

    /** {@code precheck} false: every stretch is decoded and judged in full, the slow path the checks must agree with. */
    CharsetMojibakeFixer(boolean precheck) {
        this.precheck = precheck;
    }

    /** Nesting of the second-layer search; per thread, as fixers are shared between threads. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void find(String line, List<Replacement> out) {
        List<Replacement> found = new ArrayList<>();
        latin(line, found);
        doubleByte(line, DoubleByteCodec.GBK, found);
        if (found.isEmpty()) {
            doubleByte(line, DoubleByteCodec.BIG5, found);
        }
        if (found.isEmpty() && (!precheck || hasSingleByteRun(line))) {
            for (int code = 0; code < SINGLE_BYTE.length; code++) {
                if (found.isEmpty()) {
                    legacyAsSingleByte(line, code, found);
                }
            }
        }
        out.addAll(found);
    }

    private static boolean isWildcard(char c) {
        return c == '?' || c == '\uFFFD';
    }

    private void doubleByte(String line, DoubleByteCodec codec, List<Replacement> out) {
        int n = line.length();
        // Each character encoded once, for the run search here and the bytes of scanRun (the table is large).
        int[] codes = new int[n];
        for (int k = 0; k < n; k++) {
            codes[k] = codec.encode(line.charAt(k));
        }
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c < 0x250 || isWildcard(c) || codes[i] < 0) {
                i++;
                continue;
            }
            int start = i;
            // Latin letters are left to the cp1252 path: UTF-8 read as GBK yields Han and symbols, not é.
            while (i < n && ((line.charAt(i) >= 0x250 && codes[i] >= 0)
                    || isWildcard(line.charAt(i)) || pinyinLetterInside(line, i, codec))) {
                i++;
            }
            scanRun(line, start, i, codes, out);
        }
    }

    /** {@code 濞擃ù宄}: a GBK pinyin letter (row A8) between two mojibake characters belongs to the run. */
    private static boolean pinyinLetterInside(String line, int i, DoubleByteCodec codec) {
        char c = line.charAt(i);
        return c >= 0x80 && c < 0x250 && (codec.encode(c) >> 8) == 0xA8 && i + 1 < line.length()
                && line.charAt(i + 1) >= 0x250 && codec.encode(line.charAt(i + 1)) >= 0;
    }

    /**
     * Finds, inside a run of non-ASCII characters, the stretches whose bytes are UTF-8: a stretch starts and ends on
     * a character boundary that is also a UTF-8 sequence boundary (mojibake inside clean text: {@code 中锟斤拷国}).
     */
    private void scanRun(String line, int start, int end, int[] codes, List<Replacement> out) {
        int m = end - start;

        byte[] bytes = new byte[m * 2];
        boolean[] wild = new boolean[bytes.length];
        int[] charAt = new int[m + 1];
        int len = 0;
        for (int k = 0; k < m; k++) {
            charAt[k] = len;
            char c = line.charAt(start + k);
            if (isWildcard(c)) {
                wild[len] = true;
                bytes[len++] = '?';
                continue;
            }
            int code = codes[start + k];
            if (code > 0xFF) {
                bytes[len++] = (byte) (code >> 8);
            }
            bytes[len++] = (byte) code;
        }
        charAt[m] = len;
        int s = 0;
        while (s < m) {
            int lead = bytes[charAt[s]] & 0xFF;
            if (wild[charAt[s]] || lead < 0xC2 || lead > 0xF4) {
                s++;
                continue;
            }
            int e = longestStretch(bytes, wild, len, charAt, s, m);
            if (e <= s) {
                s++;
                continue;
            }
            if (tryStretch(line, start + s, start + e, bytes, wild, charAt[s], charAt[e], out) || e - s > 256) {
                s = e; // a long UTF-8 stretch the model rejected holds no better one: keeps the scan linear
            } else {
                s++;
            }
        }
    }

    /** The furthest character index e > s such that bytes[charAt[s], charAt[e]) is UTF-8 (wildcards allowed). */
    private static int longestStretch(byte[] b, boolean[] wild, int len, int[] charAt, int s, int m) {
        int pos = charAt[s];
        int best = -1;
        int k = s;
        while (pos < len) {
            int lead = b[pos] & 0xFF;
            if (wild[pos] || lead < 0xC2 || lead > 0xF4) {
                break;
            }
            int need = lead <= 0xDF ? 1 : lead <= 0xEF ? 2 : 3;
            if (pos + need >= len) {
                break;
            }
            boolean ok = true;
            int wilds = 0;
            for (int j = 1; j <= need && ok; j++) {
                int x = b[pos + j] & 0xFF;
                wilds += wild[pos + j] ? 1 : 0;
                ok = wilds <= 1 && (wild[pos + j] || (x & 0xC0) == 0x80);
            }
            if (!ok) {
                break;
            }
            pos += need + 1;
            while (k < m && charAt[k + 1] <= pos) {
                k++;
            }
            if (charAt[k] == pos) {
                best = k;
            } else if (k == m - 1 && charAt[m] == pos) {
                best = m;
            }
        }
        return best;
    }

    private boolean tryStretch(String line, int start, int end, byte[] allBytes, boolean[] allWild, int from, int to,
            List<Replacement> out) {
        // Cheap checks on the bytes before decoding, each saying "rejected below" for most stretches that clean
        // Han text forms (2.1 million tries a pass of the speed benchmark, nine in ten rejected here):
        // - no byte >= E2, so no decoded character >= U+2000 (E0 and E1 lead U+0800-1FFF; continuation bytes are
        //   80-BF; a wildcard never stands for a lead): not wide, and only the one-character accent case is left.
        //   Example: 一 is D2 BB in GBK, which is UTF-8 for the Cyrillic һ: a one-character stretch, not wide.
        // - a C2 lead followed by 80-9F decodes to a C1 control (a wildcard never completes one: controls are
        //   skipped), which rejects the stretch.
        // - fewer than half Han characters in a stretch of two or more (the accent case needs one character).
        if (precheck && rejectedByBytes(line, start, end, allBytes, allWild, from, to)) {
            return false;
        }
        char left = start > 0 ? line.charAt(start - 1) : CharModel.BOUNDARY;
        char right = end < line.length() ? line.charAt(end) : CharModel.BOUNDARY;
        StringBuilder decoded = new StringBuilder();
        int wildUsed = decodeUtf8(allBytes, allWild, from, to, left, right, decoded, false);
        if (wildUsed < 0 || decoded.isEmpty()) {
            return false;
        }
        boolean wide = false;
        for (int k = 0; k < decoded.length(); k++) {
            char d = decoded.charAt(k);
            if ((d >= 0x80 && d < 0xA0) || (d < 0x20 && d != '\t')) {
                return false;
            }
            wide |= d >= 0x2000;
        }
        // 谩 in "(ji谩)" is á (C3 A1) of a mangled pinyin annotation; but 模 and 魔 in "AI模型" also spell a Latin
        // letter (ģ, ħ) in UTF-8: only a pinyin vowel inside a parenthesised run of lower-case letters qualifies.
        boolean accentNextToLatin = decoded.length() == 1 && end - start == 1
                && "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".indexOf(decoded.charAt(0)) >= 0
                && insideParenthesisedLetters(line, start);
        if (!wide && !accentNextToLatin) {
            return false; // two common characters can spell a Cyrillic or Greek letter pair: not worth the risk
        }
        if (accentNextToLatin) {
            out.add(new Replacement(start, end, decoded.toString(), RepairKind.CHARSET_MOJIBAKE, 0.8));
            return true; // ji谩 → jiá: an accented letter inside a Latin word, where the model has nothing to say
        }
        String original = line.substring(start, end);
        int han = 0;
        for (int k = 0; k < original.length(); k++) {
            han += CharClasses.isHan(original.charAt(k)) ? 1 : 0;
        }
        if (han * 2 < original.length()) {
            return false; // UTF-8 read as GBK is mostly Han; symbol soup (â€™ã) is some other mojibake
        }
        String candidate = decoded.toString();
        if (wildUsed > 0 && allWild[to - 1] && end < line.length()) {
            char next = line.charAt(end);
            if (next >= 0x40 && next <= 0x7E && Character.isLetterOrDigit(next)) {
                candidate += " "; // the decoder swallowed the ASCII byte after the odd one: a space, most often
            }
        }
        int[] depth = DEPTH.get();
        if (depth[0] == 0) {
            // A second layer: what came out is itself UTF-8 read as GBK (锟斤拷-free double mojibake).
            // Searched with the outer neighbours around it, so that a lost byte is chosen in context (鏈� → 月).
            String lead = left == CharModel.BOUNDARY ? "" : String.valueOf(left);
            String framed = lead + candidate + (right == CharModel.BOUNDARY ? "" : String.valueOf(right));
            List<Replacement> inner = new ArrayList<>();
            depth[0]++;
            try {
                doubleByte(framed, DoubleByteCodec.GBK, inner);
            } finally {
                depth[0]--;
            }
            StringBuilder b = new StringBuilder();
            int at = 0;
            for (Replacement r : inner) {
                int innerFrom = r.start() - lead.length();
                int innerTo = r.end() - lead.length();
                if (innerFrom < 0 || innerTo > candidate.length()) {
                    continue; // touches the outer context: not part of this stretch
                }
                b.append(candidate, at, innerFrom).append(r.text());
                at = innerTo;
            }
            candidate = b.append(candidate.substring(at)).toString();
        }
        for (int k = 0; k < candidate.length(); k++) {
            char d = candidate.charAt(k);
            if (d >= 0xE000 && d < 0xF900) {
                return false; // private use: GBK's user-defined area, an intermediate layer at best
            }
        }
        char scoredRight = candidate.endsWith(" ") ? ' ' : right;
        String foldedOriginal = CharClasses.foldForModel(original);
        String scored = CharClasses.foldForModel(candidate.replace("\uFFFD", "")).strip();
        if (precheck && CharModel.surelyBelow(model.scoreProb(fold(left), scored, fold(scoredRight)),
                model.scoreProb(fold(left), foldedOriginal, fold(right)), MIN_GAIN * original.length())) {
            return false; // the gain below falls short: known from the products, without a logarithm per pair
        }
        double before = model.score(fold(left), foldedOriginal, fold(right));
        double after = model.score(fold(left), scored, fold(scoredRight));
        if (after - before >= MIN_GAIN * original.length()) {
            out.add(new Replacement(start, end, candidate, RepairKind.CHARSET_MOJIBAKE,
                    confidence(after - before, original.length())));
            return true;
        }
        return false;
    }

    /** The three checks above, on the stretch {@code line[start, end)} = {@code bytes[from, to)}. */
    private static boolean rejectedByBytes(String line, int start, int end, byte[] bytes, boolean[] wild, int from,
            int to) {
        boolean accentCase = end - start == 1 && insideParenthesisedLetters(line, start);
        return (!hasWideLead(bytes, from, to) && !accentCase) || spellsC1(bytes, wild, from, to)
                || (end - start > 1 && !mostlyHanOriginal(line, start, end));
    }

    /** The check below: at least half of {@code line[start, end)} is Han ({@code han * 2 >= length}). */
    private static boolean mostlyHanOriginal(String line, int start, int end) {
        int han = 0;
        for (int k = start; k < end; k++) {
            han += CharClasses.isHan(line.charAt(k)) ? 1 : 0;
        }
        return han * 2 >= end - start;
    }

    /** Whether {@code bytes[from, to)} holds a byte of E2 or more: a UTF-8 lead of a character >= U+2000. */
    static boolean hasWideLead(byte[] bytes, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((bytes[k] & 0xFF) >= 0xE2) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bytes[from, to)} holds C2 followed by 80-9F (no wildcard): UTF-8 for U+0080-009F. */
    static boolean spellsC1(byte[] bytes, boolean[] wild, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if ((bytes[k] & 0xFF) == 0xC2 && !wild[k] && !wild[k + 1] && (bytes[k + 1] & 0xFF) < 0xA0) {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return CharClasses.toSimplified(c);
    }

    static double confidence(double gain, int length) {
        return Math.min(0.99, 1 - Math.exp(-gain / Math.max(1, length)));
    }

    /**
     * Strict UTF-8 decode of {@code b[from, len)} (no copy of a stretch) where a wildcard byte may complete a
     * multi-byte sequence; returns the number of wildcards used, or -1 when the bytes are not UTF-8.
     */
    private int decodeUtf8(byte[] b, boolean[] wild, int from, int len, char left, char right, StringBuilder out,
            boolean latin) {
        int used = 0;
        int i = from;
        while (i < len) {
            int lead = b[i] & 0xFF;
            if (wild[i] || lead < 0x80) {
                if (wild[i]) {
                    return -1; // a lossy '?' where a character starts: not this corruption
                }
                out.append((char) lead);
                i++;
                continue;
            }
            int need;
            int cp;
            if (lead >= 0xC2 && lead <= 0xDF) {
                need = 1;
                cp = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                need = 2;
                cp = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                need = 3;
                cp = lead & 0x07;
            } else {
                return -1;
            }
            int wildAt = -1;
            int wildShift = 0;
            for (int k = 1; k <= need; k++) {
                if (i + k >= len) {
                    if (!latin || k != need || i + k != len || wildAt >= 0) {
                        return -1;
                    }
                    wildAt = k; // cp1252 mojibake cut one byte short at the end ("ç´" for 素)
                    cp = cp << 6;
                    wildShift = 0;
                    continue;
                }
                if (latin && b[i + k] == ' ') {
                    cp = cp << 6 | (0xA0 & 0x3F); // NBSP (0xA0) became a plain space on the way
                    continue;
                }
                if (wild[i + k]) {
                    if (wildAt >= 0) {
                        return -1;
                    }
                    wildAt = k;
                    cp = cp << 6;
                    wildShift = 6 * (need - k);
                } else {
                    int cont = b[i + k] & 0xFF;
                    if ((cont & 0xC0) != 0x80) {
                        return -1;
                    }
                    cp = cp << 6 | (cont & 0x3F);
                }
            }
            if (wildAt >= 0) {
                char prev = out.isEmpty() ? left : out.charAt(out.length() - 1);
                int best = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                double floor = 0;
                // The same for all 64 candidates, worked out once: whether this character ends the stretch, the
                // neighbours' roles.
                boolean last = i + need + 1 >= len;
                boolean spaceAfter = last && (right == ' ' || (right >= 0x40 && right <= 0x7E
                        && Character.isLetterOrDigit(right)));
                boolean afterPrev = informative(prev);
                boolean beforeRight = last && informative(right);
                for (int low = 0; low < 64; low++) {
                    int candidate = cp | low << wildShift;
                    if (!valid(candidate, need) || candidate > 0xFFFF) {
                        continue;
                    }
                    char c = (char) candidate;
                    if (precheck ? BLANK[c]
                            : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                        continue; // a lost byte that completes a space is not worth the guess
                    }
                    // Typography: an opening quote is not followed by a space, a closing one not preceded by one.
                    if ((spaceAfter && "“‘「『（《".indexOf(c) >= 0) || (prev == ' ' && "”’」』）》".indexOf(c) >= 0)) {
                        continue;
                    }
                    if (precheck && (afterPrev ? model.probAfter(fold(prev), fold(c)) : model.unigramProb(fold(c)))
                            * (beforeRight ? model.probBefore(fold(c), fold(right)) : 1) < floor) {
                        continue; // cannot beat the best: no logarithms (see CharModel#beatable)
                    }
                    // Chinese, digits and letters say something; spaces and ASCII symbols the model has barely seen.
                    double after = afterPrev ? model.logProbAfter(fold(prev), fold(c)) : model.unigramLog(fold(c));
                    double s = after + (beforeRight ? model.logProbBefore(fold(c), fold(right)) : 0);
                    if (s > bestScore) {
                        bestScore = s;
                        best = candidate;
                        floor = CharModel.beatable(s);
                    }
                }
                if (best < 0) {
                    return -1;
                }
                cp = best;
                used++;
            }
            if (!valid(cp, need)) {
                return -1;
            }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return used;
    }

    /** {@code (ji谩)}: position {@code at} sits among lower-case ASCII letters between '(' and ')'. */
    private static boolean insideParenthesisedLetters(String line, int at) {
        int l = at - 1;
        while (l >= 0 && line.charAt(l) >= 'a' && line.charAt(l) <= 'z') {
            l--;
        }
        int r = at + 1;
        while (r < line.length() && line.charAt(r) >= 'a' && line.charAt(r) <= 'z') {
            r++;
        }
        return l >= 0 && r < line.length() && (l < at - 1 || r > at + 1) && CharClasses.isOpenParen(line.charAt(l))
                && CharClasses.isCloseParen(line.charAt(r));
    }

    /** Characters a lost byte is not guessed to complete: white space, space separators, controls (a table). */
    private static final boolean[] BLANK = blank();

    private static boolean[] blank() {
        boolean[] blank = new boolean[65536];
        for (int c = 0; c < 65536; c++) {
            blank[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
        }
        return blank;
    }

    private static boolean informative(char c) {
        return CharClasses.isChinese(c) || (c < 0x80 && Character.isLetterOrDigit(c));
    }

    private static boolean valid(int cp, int need) {
        int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
        return cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }

    /** cp1252 (Latin-1 for its five holes) mojibake of UTF-8; all-or-nothing per line. */
    private void latin(String line, List<Replacement> out) {
        List<Replacement> found = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            if (latinByte(line.charAt(i)) < 0 || line.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && ((line.charAt(i) >= 0x80 && latinByte(line.charAt(i)) >= 0)
                    || (line.charAt(i) == ' ' && i + 1 < n && line.charAt(i + 1) >= 0x80
                    && latinByte(line.charAt(i + 1)) >= 0 && line.charAt(i - 1) >= 0x80))) {
                i++;
            }
            boolean hasLead = false;
            byte[] bytes = new byte[i - start];
            for (int k = start; k < i; k++) {
                int b = latinByte(line.charAt(k));
                bytes[k - start] = (byte) b;
                hasLead |= b >= 0xC2 && b <= 0xF4;
            }
            if (!hasLead) {
                if (Utf8.decode(bytes).isEmpty()) {
                    return; // a lone cp1252 symbol that is no UTF-8 (– in "Mccoy – DrÃ¥ber"): the line is not consistent
                }
                continue;
            }
            var decoded = Utf8.decode(bytes);
            if (decoded.isEmpty()) {
                StringBuilder lenient = new StringBuilder();
                char left = start > 0 ? line.charAt(start - 1) : CharModel.BOUNDARY;
                char right = i < n ? line.charAt(i) : CharModel.BOUNDARY;
                if (decodeUtf8(bytes, new boolean[bytes.length], 0, bytes.length, left, right, lenient, true) >= 0
                        && mostlyHan(lenient)) {
                    decoded = java.util.Optional.of(lenient.toString());
                }
            }
            if (decoded.isEmpty() || !plausibleLatinDecode(decoded.get())
                    || (start > 0 && CharClasses.isChinese(line.charAt(start - 1)))
                    || (i < n && CharClasses.isChinese(line.charAt(i)))) {
                return; // one inconsistent run: leave the whole line (it may be real Latin-1 text)
            }
            found.add(new Replacement(start, i, decoded.get(), RepairKind.CHARSET_MOJIBAKE, 0.9));
        }
        out.addAll(found);
    }

    /**
     * GBK bytes read through a single-byte code page ({@code ÓůÓĂČíĽţ} in cp1250 → {@code 御用软件}): the run is
     * encoded back with that code page and decoded as GBK; kept only when every character is an ordinary Han
     * character and the model prefers it (Latin-script mojibake of other kinds also decodes as GBK, into rare Han).
     */
    private void legacyAsSingleByte(String line, int code, List<Replacement> out) {
        Charset single = SINGLE_BYTE[code];
        boolean[] inRun = SINGLE_BYTE_RUN[code];
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c < 0xA0 || !inRun[c]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && inRun[line.charAt(i)]) {
                i++;
            }
            // Two Han characters at least, standing as a word of their own: Latin text is full of short runs of
            // accented letters inside words (parlé, NESTLÉ®) that also decode as GBK.
            if (i - start < 4 || (i - start) % 2 != 0 || (start > 0 && Character.isLetterOrDigit(line.charAt(start - 1)))
                    || (i < n && Character.isLetterOrDigit(line.charAt(i)))) {
                continue;
            }
            byte[] bytes = line.substring(start, i).getBytes(single);
            var decoded = DoubleByteCodec.GBK.decodeStrict(bytes);
            if (decoded.isEmpty() || !decoded.get().chars().allMatch(d -> CharClasses.isHan((char) d)
                    && model.count(CharClasses.toSimplified((char) d)) >= COMMON)
                    || decoded.get().length() * 2 != bytes.length) {
                continue;
            }
            char left = start > 0 ? line.charAt(start - 1) : CharModel.BOUNDARY;
            char right = i < n ? line.charAt(i) : CharModel.BOUNDARY;
            double before = model.score(fold(left), line.substring(start, i), fold(right));
            double after = model.score(fold(left), CharClasses.foldForModel(decoded.get()), fold(right));
            if (after - before >= MIN_GAIN * (i - start)) {
                out.add(new Replacement(start, i, decoded.get(), RepairKind.CHARSET_MOJIBAKE,
                        confidence(after - before, i - start)));
            }
        }
    }

    /**
     * Decoded text in the repertoire this fixer trusts: Latin-1, general punctuation, CJK. Rarer letters (Ʌ from
     * {@code É…}, Ġ from {@code Ä\u00A0}) are far more often real text than mojibake.
     */
    private static boolean plausibleLatinDecode(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            boolean ok = c < 0x80 || (c >= 0xA0 && c <= 0xFF) || (c >= 0x2000 && c <= 0x206F) || c == 0x20AC
                    || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x2122;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean mostlyHan(CharSequence s) {
        int han = 0;
        for (int k = 0; k < s.length(); k++) {
            han += CharClasses.isHan(s.charAt(k)) ? 1 : 0;
        }
        return han * 2 > s.length();
    }

    /** The cp1252 byte of {@code c} (Latin-1 for 0x81, 0x8D, 0x8F, 0x90, 0x9D), or -1. */
    static int latinByte(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c <= 0xFF) {
            return c >= 0xA0 || c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D ? c : -1;
        }
        return CP1252_ABOVE_FF[c];
    }

    /** cp1252's bytes 0x80–0x9F for the characters above U+00FF it maps there (€ → 0x80), else -1; built once. */
    private static final short[] CP1252_ABOVE_FF = cp1252AboveFf();

    private static short[] cp1252AboveFf() {
        short[] table = new short[65536];
        java.util.Arrays.fill(table, (short) -1);
        for (int b = 0x80; b <= 0x9F; b++) {
            String s = new String(new byte[] {(byte) b}, CP1252);
            char c = s.charAt(0);
            if (s.length() == 1 && c > 0xFF && c != '\uFFFD') {
                table[c] = (short) b;
            }
        }
        return table;
    }
}
