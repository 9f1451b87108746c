package io.huixun.text.repair;

import java.util.List;

/**
 * Realigns a GBK or Big5 stream that was read one byte out of step until an ASCII byte brought it back.
 *
 * <p>Design note. When one byte of a double-byte stream is lost (often replaced by {@code ?}), the decoder pairs
 * the trail byte of each character with the lead byte of the next, producing rare characters, until an ASCII byte
 * (or a trail byte in 0x40–0x7E, which decodes as an ASCII letter) resynchronises it. Example in GBK:
 * {@code 。”在傳承中創} = A1A3 A1B1 D4DA 82F7 B3D0 D6D0 8493; with the first byte lost it reads
 * {@code ?} + A3A1 B1D4 DA82 F7B3 D0D6 D084 = {@code ?！痹趥鞒兄袆} and the dangling 0x93 takes the next byte with
 * it ({@code ?}). The fixer re-encodes a suspicious run (one holding characters the model has never seen, or right
 * after a {@code ?} marker), puts an unknown byte in front, decodes in pairs again, and lets the model choose the
 * unknown bytes: the lost lead byte of the first character, and, when the run ends on a dangling lead byte, its lost
 * trail byte (a pinyin annotation left behind, {@code ?chuàng)}, narrows that choice). ASCII punctuation inside the
 * run is taken as the full-width form that a width normaliser folded ({@code !} = {@code ！} = A3A1). The realigned
 * text replaces the run only when the model prefers it by a wide margin.
 */
final class ByteMisalignmentFixer implements Fixer {
    /** A character seen fewer times than this in the model's training text makes a run suspicious. */
    static final int RARE = 1;
    /** How many characters before the first suspicious one the lost byte may be. */
    private static final int MAX_LOOKBACK = 8;
    private static final double MIN_GAIN = 8.0;
    /** Characters compared before the full scoring. */
    private static final int PRECHECK = 6;

    private final CharModel model = CharModel.get();
    private final PinyinReadings readings = PinyinReadings.get();
    /**
     * Whether a candidate byte whose probability product cannot beat the best so far is passed over before its
     * logarithms (always, but in the agreement test).
     */
    private final boolean prune;

    ByteMisalignmentFixer() {
        this(true);
    }

    /** {@code prune} false: every candidate byte is scored in full, the slow path the pruning must agree with. */
    ByteMisalignmentFixer(boolean prune) {
        this.prune = prune;
    }

    private record Candidate(int from, int to, String text, double gain) {}

    @Override
    public void find(String line, List<Replacement> out) {
        Candidate[] best = new Candidate[1];
        int n = line.length();
        int i = 0;
        while (i < n) {
            if (!segmentChar(line.charAt(i))) {
                i++;
                continue;
            }
            int a = i;
            while (i < n && segmentChar(line.charAt(i))) {
                i++;
            }
            int b = i;
            best[0] = null;
            boolean nonAscii = false;
            for (int k = a; k < b && !nonAscii; k++) {
                nonAscii = line.charAt(k) >= 0x80;
            }
            if (!nonAscii) {
                continue;
            }
            for (DoubleByteCodec codec : new DoubleByteCodec[] {DoubleByteCodec.GBK, DoubleByteCodec.BIG5}) {
                trySegment(line, a, b, codec, best);
            }
            if (best[0] != null) {
                Candidate c = best[0];
                out.add(new Replacement(c.from, c.to, c.text, RepairKind.BYTE_MISALIGNMENT,
                        CharsetMojibakeFixer.confidence(c.gain, c.to - c.from)));
                i = Math.max(i, c.to);
            }
        }
    }

    private static boolean segmentChar(char c) {
        return (c >= 0x80 && c != '\uFFFD' && c != '□' && !Character.isWhitespace(c) && c != '\u3000')
                || c == '!' || c == ',' || c == ':' || c == ';';
    }

    private static char widen(char c) {
        return switch (c) {
            case '!' -> '！';
            case ',' -> '，';
            case ':' -> '：';
            case ';' -> '；';
            default -> c;
        };
    }

    private void trySegment(String line, int a, int b, DoubleByteCodec codec, Candidate[] best) {
        int firstAnchor = -1;
        for (int k = a; k < b; k++) {
            char c = line.charAt(k);
            if (CharClasses.isHan(c) && model.count(CharClasses.toSimplified(c)) < RARE) {
                firstAnchor = k;
                break;
            }
            if (codec.encode(widen(c)) < 0) {
                return;
            }
        }
        int markerStart = markerBefore(line, a);
        if (firstAnchor < 0 && markerStart < 0) {
            return;
        }
        for (int k = a; k < b; k++) {
            if (codec.encode(widen(line.charAt(k))) < 0) {
                return;
            }
        }
        int lastStart = firstAnchor < 0 ? a : Math.min(firstAnchor, a + MAX_LOOKBACK);
        boolean anchored = firstAnchor >= 0;
        for (int s = a; s <= lastStart && s < b; s++) {
            tryRun(line, s, b, s == a && markerStart >= 0 ? markerStart : s, codec, anchored, best);
            if (s == a && markerStart >= 0) {
                tryRun(line, s, b, s, codec, anchored, best);
            }
        }
    }

    /** Start of a lost-byte marker right before {@code a}: {@code ?}, U+FFFD, or {@code ?shù)} (its '(' eaten). */
    private static int markerBefore(String line, int a) {
        if (a == 0) {
            return -1;
        }
        char p = line.charAt(a - 1);
        if (p == '?' || p == '\uFFFD') {
            return a - 1;
        }
        if (CharClasses.isCloseParen(p)) {
            int k = a - 2;
            while (k >= 0 && a - 2 - k < 7 && CharClasses.isPinyinLetter(line.charAt(k))) {
                k--;
            }
            if (k >= 0 && k < a - 2 && (line.charAt(k) == '?' || line.charAt(k) == '\uFFFD')) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Decodes {@code [s, b)} with one unknown byte in front; {@code from} is where the replaced text starts
     * (before a consumed marker). A run without rare characters ({@code anchored} false) is only realigned when
     * both its ends show the cut: a marker before, and a marker or an ASCII trail byte after.
     */
    private void tryRun(String line, int s, int b, int from, DoubleByteCodec codec, boolean anchored,
            Candidate[] best) {
        int n = line.length();
        int[] bytes = new int[(b - s) * 2 + 2];
        int len = 1; // bytes[0] is the unknown lead
        for (int k = s; k < b; k++) {
            int code = codec.encode(widen(line.charAt(k)));
            if (code > 0xFF) {
                bytes[len++] = code >> 8;
            }
            bytes[len++] = code & 0xFF;
        }
        int to = b;
        // What may complete a dangling lead byte at the end.
        int trail = -1;
        String hint = null;
        boolean unknownTrail = false;
        if (to < n && (line.charAt(to) == '?' || line.charAt(to) == '\uFFFD')) {
            unknownTrail = true;
            int k = to + 1;
            while (k < n && k - to <= 7 && CharClasses.isPinyinLetter(line.charAt(k))) {
                k++;
            }
            if (k > to + 1 && k < n && CharClasses.isCloseParen(line.charAt(k))) {
                hint = line.substring(to + 1, k);
            }
        } else if (to < n && line.charAt(to) >= 0x40 && line.charAt(to) <= 0x7E) {
            trail = line.charAt(to);
        }
        char left = from > 0 ? line.charAt(from - 1) : CharModel.BOUNDARY;
        StringBuilder text = new StringBuilder();
        int pos = 1;
        // First character: unknown lead + bytes[1].
        if (len < 2 || bytes[1] < 0x40) {
            return;
        }
        int firstTrail = bytes[1];
        pos = 2;
        StringBuilder rest = new StringBuilder();
        int consumedTo = to;
        boolean danglingFree = false;
        // A dangling lead byte whose lost trail byte the model will choose; chosen only once the cheap checks
        // below have passed, as most runs tried here are rejected by them.
        int danglingLead = -1;
        char danglingPrev = 0;
        char danglingRight = 0;
        String danglingHint = null;
        while (pos < len) {
            int x = bytes[pos];
            if (x < 0x80) {
                rest.append((char) x);
                pos++;
            } else if (pos + 1 < len) {
                char c = codec.decode(x, bytes[pos + 1]);
                if (c == 0) {
                    return;
                }
                rest.append(c);
                pos += 2;
            } else {
                // dangling lead byte
                if (trail >= 0) {
                    char c = codec.decode(x, trail);
                    if (c == 0) {
                        return;
                    }
                    rest.append(c);
                    consumedTo = to + 1;
                } else if (unknownTrail) {
                    danglingFree = true;
                    char right = to + 1 < n ? line.charAt(to + 1) : CharModel.BOUNDARY;
                    consumedTo = to + 1;
                    if (hint != null) {
                        consumedTo = to + 2 + hint.length();
                        right = consumedTo < n ? line.charAt(consumedTo) : CharModel.BOUNDARY;
                    }
                    danglingLead = x;
                    danglingPrev = rest.isEmpty() ? 0 : rest.charAt(rest.length() - 1);
                    danglingRight = right;
                    danglingHint = hint;
                } else if (anchored && (to == n || !CharClasses.isChinese(line.charAt(to)))) {
                    // the line or the Chinese text ends on a dangling lead byte: its trail byte is lost
                    danglingFree = true;
                    danglingLead = x;
                    danglingPrev = rest.isEmpty() ? 0 : rest.charAt(rest.length() - 1);
                    danglingRight = to < n ? line.charAt(to) : CharModel.BOUNDARY;
                } else {
                    return;
                }
                pos++;
            }
        }
        for (int k = 0; k < rest.length(); k++) {
            if (rest.charAt(k) < 0x80) {
                // A true realignment never puts an ASCII byte where a character starts inside the run: such a
                // byte would have resynchronised the decoder and ended the run. (硏究所 → ３x究所 is no fix.)
                return;
            }
        }
        if (!anchored && (consumedTo == to || (trail < 0 && b - s < 3))) {
            // no rare character, and no cut visible after the run, or a short run between two markers whose
            // unknown bytes on both sides could spell anything (中?中?): nothing says it is misaligned
            return;
        }
        int restLength = rest.length() + (danglingLead >= 0 ? 1 : 0);
        if (restLength > 2 * PRECHECK && consumedTo - s > 2 * PRECHECK) {
            // Cheap early out before choosing bytes and scoring everything: a wrong shift reads as garbage from
            // its first characters on, a right one reads better than the garbage it replaces. (The first
            // PRECHECK characters never include the dangling one: it is the last of more than 2 * PRECHECK.)
            double cand = model.score((char) 0, CharClasses.foldForModel(rest.subSequence(0, PRECHECK)), (char) 0);
            double orig = model.score((char) 0, CharClasses.foldForModel(line.substring(s + 1, s + 1 + PRECHECK)),
                    (char) 0);
            if (cand < orig + PRECHECK) {
                return;
            }
        }
        if (danglingFree && hint == null && b - s < 4) {
            return; // both the lost lead byte and the lost trail byte are free: a short run could spell anything
        }
        // The realigned text must be made of characters ordinary text uses: checked on the decoded characters
        // before the model chooses the unknown bytes (a choice that costs a hundred model questions each).
        if (!ordinary(rest)) {
            return;
        }
        if (danglingLead >= 0) {
            char c = chooseTrail(codec, danglingLead, danglingPrev, danglingRight, danglingHint);
            if (c == 0 || c < 0x80 || !ordinary(String.valueOf(c))) {
                return;
            }
            rest.append(c);
        }
        char next = rest.isEmpty() ? (consumedTo < n ? line.charAt(consumedTo) : CharModel.BOUNDARY) : rest.charAt(0);
        char first = chooseLead(codec, firstTrail, left, next);
        if (first == 0 || !ordinary(String.valueOf(first))) {
            return;
        }
        text.append(first).append(rest);
        char right = consumedTo < n ? line.charAt(consumedTo) : CharModel.BOUNDARY;
        String original = line.substring(from, consumedTo);
        String foldedOriginal = CharClasses.foldForModel(original);
        String foldedText = CharClasses.foldForModel(text);
        double needed = Math.max(MIN_GAIN, 1.5 * original.length());
        if (prune && CharModel.surelyBelow(model.scoreProb(fold(left), foldedText, fold(right)),
                model.scoreProb(fold(left), foldedOriginal, fold(right)), needed)) {
            return; // the gain below falls short: known from the products, without a logarithm per pair
        }
        double before = model.score(fold(left), foldedOriginal, fold(right));
        double after = model.score(fold(left), foldedText, fold(right));
        double gain = after - before;
        if (gain >= needed && (best[0] == null || gain > best[0].gain)) {
            best[0] = new Candidate(from, consumedTo, text.toString(), gain);
        }
    }

    /** Whether every character of {@code text} occurs in the model's training text (after folding). */
    private boolean ordinary(CharSequence text) {
        for (int k = 0; k < text.length(); k++) {
            if (model.count(CharModel.fold(CharClasses.toSimplified(text.charAt(k)))) == 0) {
                return false;
            }
        }
        return true;
    }

    private char chooseLead(DoubleByteCodec codec, int trail, char left, char next) {
        char best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double floor = 0;
        for (int lead = 0x81; lead <= 0xFE; lead++) {
            char c = codec.decodeLead(lead, trail);
            if (c == 0) {
                continue;
            }
            if (prune && model.probAfter(fold(left), fold(c)) * model.probBefore(fold(c), fold(next)) < floor) {
                continue; // cannot beat the best: no logarithms (see CharModel#beatable)
            }
            double s = model.logProbAfter(fold(left), fold(c)) + model.logProbBefore(fold(c), fold(next));
            if (s > bestScore) {
                bestScore = s;
                best = c;
                floor = CharModel.beatable(s);
            }
        }
        return best;
    }

    private char chooseTrail(DoubleByteCodec codec, int lead, char prev, char right, String hint) {
        char best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double floor = 0;
        int syllable = hint == null ? -1 : readings.syllableId(PinyinReadings.normalize(hint));
        for (int pass = 0; pass < 2 && best == 0; pass++) {
            for (int t = 0x40; t <= 0xFE; t++) {
                char c = codec.decode(lead, t);
                if (c == 0 || (pass == 0 && (syllable < 0 || !isReading(c, syllable)))) {
                    continue;
                }
                if (prune && (prev == 0 ? model.unigramProb(fold(c)) : model.probAfter(fold(prev), fold(c)))
                        * model.probBefore(fold(c), fold(right)) < floor) {
                    continue; // cannot beat the best: no logarithms (see CharModel#beatable)
                }
                double s = (prev == 0 ? model.unigramLog(fold(c)) : model.logProbAfter(fold(prev), fold(c)))
                        + model.logProbBefore(fold(c), fold(right));
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                    floor = CharModel.beatable(s);
                }
            }
        }
        return best;
    }

    /** {@code syllable}: an id from {@link PinyinReadings#syllableId}. */
    private boolean isReading(char c, int syllable) {
        return readings.hasReading(c, syllable) || readings.hasReading(CharClasses.toSimplified(c), syllable);
    }

    private static char fold(char c) {
        return CharClasses.toSimplified(c);
    }
}
