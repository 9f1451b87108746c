package io.huixun.text.repair;

import java.util.List;

/**
 * Restores a lost character ({@code ?}, U+FFFD, {@code □}) between Chinese characters when the model is confident,
 * {@code 中?人民} → {@code 中华人民}; otherwise the marker stays visible. For {@code ?} the model also weighs a real
 * question mark ({@code 吗?他}), which then stays for the punctuation normaliser. A pinyin annotation right after the
 * marker ({@code ?(dāng)}) restricts the choice to characters with that reading and goes with the marker.
 *
 * <p>Safe to share between threads: no state of its own besides per-thread scratch arrays (thread confinement through
 * a {@link ThreadLocal}).
 */
final class LostCharacterRestorer implements Fixer {
    /** Posterior probability the best character needs among all candidates. */
    static final double MIN_POSTERIOR = 0.9;
    /** Candidates rescored with trigrams. */
    private static final int SHORTLIST = 40;

    private final CharModel model = CharModel.get();
    private final PinyinReadings readings = PinyinReadings.get();
    private final HintCharacters hints = HintCharacters.get();
    /** Whether hopeless candidates are passed over before their logarithms (always, but in the agreement test). */
    private final boolean prune;

    LostCharacterRestorer() {
        this(true);
    }

    /**
     * {@code prune} false: every candidate is scored in full, and its trigrams through the table slots: the slow path
     * the pruning and the walked trigram types must agree with.
     */
    LostCharacterRestorer(boolean prune) {
        this.prune = prune;
    }

    @Override
    public void find(String line, List<Replacement> out) {
        int n = line.length();
        int markers = 0;
        for (int i = 0; i < n; i++) {
            char m = line.charAt(i);
            markers += m == '?' || m == '\uFFFD' || m == '□' ? 1 : 0;
        }
        if (markers * 10 > n) {
            return; // more markers than one in ten characters: no context to be confident in (and bounded work)
        }
        for (int i = 0; i < n; i++) {
            char m = line.charAt(i);
            if (m != '?' && m != '\uFFFD' && m != '□') {
                continue;
            }
            char left = i > 0 ? line.charAt(i - 1) : CharModel.BOUNDARY;
            int end = i + 1;
            String hint = null;
            if (end + 2 < n && (line.charAt(end) == '(' || line.charAt(end) == '（')) {
                int k = end + 1;
                while (k < n && k - end <= 7 && CharClasses.isPinyinLetter(line.charAt(k))) {
                    k++;
                }
                if (k > end + 1 && k < n && (line.charAt(k) == ')' || line.charAt(k) == '）')) {
                    hint = line.substring(end + 1, k);
                    end = k + 1;
                }
            }
            char right = end < n ? line.charAt(end) : CharModel.BOUNDARY;
            boolean hanLeft = CharClasses.isHan(left);
            boolean hanRight = CharClasses.isHan(right);
            if (!(hanLeft && hanRight) && !(hint != null && (hanLeft || hanRight))
                    && !(m != '?' && (hanLeft || hanRight))) {
                continue;
            }
            char left2 = i > 1 ? line.charAt(i - 2) : CharModel.BOUNDARY;
            char right2 = end + 1 < n ? line.charAt(end + 1) : CharModel.BOUNDARY;
            restore(line, i, end, left2, left, right, right2, hint, out);
            i = end - 1;
        }
    }

    private void restore(String line, int start, int end, char left2, char left, char right, char right2,
            String hint, List<Replacement> out) {
        char l = CharClasses.toSimplified(left);
        char r = CharClasses.toSimplified(right);
        char l2 = CharClasses.toSimplified(left2);
        char r2 = CharClasses.toSimplified(right2);
        int syllable = hint == null ? -1 : readings.syllableId(PinyinReadings.normalize(hint));
        // Candidates: characters seen after the left neighbour and before the right one (both sides when there
        // are any, else either side), ranked by the bigram score; the best SHORTLIST are rescored with trigrams.
        Shortlist best = prune ? shortlistPruned(line.charAt(start) == '?', l2, l, r, r2, syllable)
                : shortlistFully(line.charAt(start) == '?', l2, l, r, r2, syllable);
        if (best != null) {
            decide(line, start, end, best.chars, best.scores, best.size, out);
        }
    }

    /** The shortlisted candidates and their trigram scores, {@code size} of each (arrays may be longer). */
    private record Shortlist(char[] chars, double[] scores, int size) {}

    /**
     * The shortlist as {@link #shortlistFully} finds it, with less work per candidate (the fast path): candidates come
     * as a list, each with what the walks know of it, and none is scattered into 65,536-entry tables. The predecessor
     * list of r is walked once; whether each was also seen after l is one bit of l's row ({@link CharModel#rowIndex}),
     * not a walk of l's whole row (thousands for 的). Only when fewer than three are seen on both sides is l's row
     * walked, as the full scoring does. A candidate whose product P(c|l)·P(r|c) is below the streaming floor is passed
     * over before its logarithms; count(c r), when the predecessor list did not bring it, is looked up in r's column
     * only when the product with the largest count it can have reaches the floor. Example: 中?人 reads 人's
     * predecessors, keeps those 中 precedes (华, 国, …), and scores those.
     */
    private Shortlist shortlistPruned(boolean question, char l2, char l, char r, char r2, int syllable) {
        Candidates w = CANDIDATES.get();
        char fl = CharModel.fold(l);
        char fr = CharModel.fold(r);
        int np = w.predecessors(model, fr);
        int size = 0;
        for (int j = 0; j < np; j++) {
            int i = model.rowIndex(fl, w.pred[j]);
            w.predRow[j] = i;
            if (i >= 0) {
                w.add(size++, w.pred[j], model.rowCount(i), model.rowTypes(i), w.predCount[j], w.predTypes[j]);
            }
        }
        if (size < 3) {
            size = w.successors(model, fl); // every c after l, count(c r) to be looked up
            for (int j = 0; j < np; j++) {
                if (w.predRow[j] < 0) {
                    w.add(size++, w.pred[j], 0, 0, w.predCount[j], w.predTypes[j]);
                }
            }
        }
        if (question) {
            int i = model.rowIndex(fl, '？');
            w.add(size++, '？', i >= 0 ? model.rowCount(i) : 0, i >= 0 ? model.rowTypes(i) : 0, -1, 0);
        }
        // A hint's characters as bits, set here and cleared after the loop: one bit test per candidate, not two
        // reading look-ups (the slow path asks the readings).
        char[] allowed = syllable >= 0 ? hints.of(syllable) : null;
        if (allowed != null) {
            w.mark(allowed, true);
        }
        long[] ranked = w.ranked(Math.max(size, 2 * SHORTLIST));
        // count(c r) is at most the largest count in c's row and in r's column: a bound for the pruning below that
        // needs no search in r's column (exact: prob is non-decreasing in the count, and so is the product).
        int columnMax = model.columnMax(fr);
        int k = 0;
        // Streaming shortlist: every 2 * SHORTLIST keys the best SHORTLIST are kept, and their worst key bounds what
        // can still enter. A candidate whose probability product P(c|l)·P(r|c) (no logarithm) is below that bound's
        // probability, with a margin of two key units (0.002 nats, far above rounding), has a larger key than
        // SHORTLIST candidates already seen, so it cannot be in the final shortlist: its logarithms are skipped.
        // Example: after 80 candidates of 的·会 the 40th best scores -9.1; a candidate at -15 is passed over.
        double floor = 0;
        for (int j = 0; j < size; j++) {
            char c = w.cand[j];
            if (c == CharModel.BOUNDARY || c == ' ' || c == 'a' || c == '0' || (allowed != null && !w.allowed(c))) {
                continue;
            }
            double leftScore;
            double rightScore;
            if (CharModel.fold(c) == c) {
                int leftCount = w.leftCount[j];
                int rightCount = w.rightCount[j];
                if (rightCount < 0) { // not from the predecessor list: r's column has it, if anything
                    if (model.prob(fl, c, leftCount) * model.prob(c, fr, Math.min(columnMax, model.rowMax(c)))
                            < floor) {
                        continue; // below the floor even with the largest count(c r) there can be: no look-up
                    }
                    int i = model.columnIndex(c, fr);
                    rightCount = i >= 0 ? model.columnCount(i) : 0;
                    w.rightCount[j] = rightCount;
                    w.rightTypes[j] = i >= 0 ? model.columnTypes(i) : 0;
                }
                if (model.prob(fl, c, leftCount) * model.prob(c, fr, rightCount) < floor) {
                    continue;
                }
                leftScore = model.logProb(fl, c, leftCount);
                rightScore = model.logProb(c, fr, rightCount);
            } else {
                leftScore = model.logProb(l, c);
                rightScore = model.logProb(c, r);
            }
            w.leftScore[j] = leftScore; // kept for the shortlist below: the same numbers, not computed twice
            w.rightScore[j] = rightScore;
            // sort key: score rank in the high bits (descending), then the character, then where it is in the list
            ranked[k] = key(leftScore + rightScore) << KEY_SHIFT | (long) c << 24 | j;
            k++;
            if (k == 2 * SHORTLIST) {
                k = smallestFirst(ranked, k, SHORTLIST);
                floor = Math.exp(-((ranked[SHORTLIST - 1] >> KEY_SHIFT) + 2) / 1000.0);
            }
        }
        if (allowed != null) {
            w.mark(allowed, false);
        }
        if (k == 0) {
            return null;
        }
        k = smallestFirst(ranked, k, SHORTLIST);
        char fl2 = CharModel.fold(l2);
        char fr2 = CharModel.fold(r2);
        double rightBackoff = Math.exp(model.logProb(r, r2));
        int leftPairSlot = model.bigramSlot(fl2, fl); // the same for every candidate
        // C(l c r) and C(c r r2) for every candidate come from two short lists, the trigrams l·r and ·r r2.
        long around = model.byOuterTwo().group(fl, fr);
        long before = model.byLastTwo().group(fr, fr2);
        for (int j = 0; j < k; j++) {
            int at = (int) (ranked[j] & 0xFFFFFF);
            char c = w.cand[at];
            w.chars[j] = c;
            // trigram context on both sides: P(c | l2 l) · P(r | l c) · P(r2 | c r); the bigram back-offs were
            // scored above. The counts and trigram types of l c and c r came with the walks: no hash table read.
            if (CharModel.fold(c) == c) {
                w.scores[j] = model.trigramAt(leftPairSlot, fl2, fl, c, Math.exp(w.leftScore[at]))
                        + model.trigramCounted(w.leftCount[at], w.leftTypes[at],
                                model.byOuterTwo().count(around, c), Math.exp(w.rightScore[at]))
                        + model.trigramCounted(w.rightCount[at], w.rightTypes[at],
                                model.byLastTwo().count(before, c), rightBackoff);
            } else {
                w.scores[j] = model.logProb(l2, l, c) + model.logProb(l, c, r) + model.logProb(c, r, r2);
            }
        }
        return new Shortlist(w.chars, w.scores, k);
    }

    /** Bits below a key's score rank: the character (16) and its place in the candidate list (24). */
    private static final int KEY_SHIFT = 40;

    /** A score's rank in a sort key: ascending keys are descending scores, rounded to 0.001. */
    private static long key(double score) {
        return Math.round(-score * 1000);
    }

    /**
     * The slow path the pruned shortlist must agree with (tests): every candidate is scored in full, what the walks
     * bring is scattered into tables indexed by character, and trigrams are read through the table slots.
     */
    private Shortlist shortlistFully(boolean question, char l2, char l, char r, char r2, int syllable) {
        Scratch w = SCRATCH.get();
        char fl = CharModel.fold(l);
        char fr = CharModel.fold(r);
        int ns = w.collect(model, fl, true);
        int np = w.collect(model, fr, false);
        try {
            return shortlistFully(w, ns, np, question, l2, l, r, r2, syllable);
        } finally {
            w.clear(ns, np);
        }
    }

    private Shortlist shortlistFully(Scratch w, int ns, int np, boolean question, char l2, char l, char r, char r2,
            int syllable) {
        char fl = CharModel.fold(l);
        char fr = CharModel.fold(r);
        int[] pool = new int[ns + np + 1];
        int size = 0;
        for (int j = 0; j < np; j++) {
            if (w.succCount(w.pred[j]) != 0) {
                pool[size++] = w.pred[j];
            }
        }
        if (size < 3) {
            size = 0;
            for (int j = 0; j < ns; j++) {
                pool[size++] = w.succ[j];
            }
            for (int j = 0; j < np; j++) {
                if (w.succCount(w.pred[j]) == 0) {
                    pool[size++] = w.pred[j];
                }
            }
        }
        if (question) {
            pool[size++] = '？';
        }
        long[] ranked = new long[Math.max(size, 2 * SHORTLIST)];
        int k = 0;
        for (int j = 0; j < size; j++) {
            char c = (char) pool[j];
            if (c == CharModel.BOUNDARY || c == ' ' || c == 'a' || c == '0'
                    || (syllable >= 0 && !HintCharacters.reads(readings, c, syllable))) {
                continue;
            }
            double leftScore;
            double rightScore;
            if (CharModel.fold(c) == c) {
                int rightCount = rightCount(w, fr, c);
                w.right[4 * c + RIGHT_COUNT] = rightCount;
                leftScore = model.logProb(fl, c, w.succCount(c));
                rightScore = model.logProb(c, fr, rightCount);
            } else {
                leftScore = model.logProb(l, c);
                rightScore = model.logProb(c, r);
            }
            w.scores[2 * c] = leftScore;
            w.scores[2 * c + 1] = rightScore;
            ranked[k] = key(leftScore + rightScore) << 16 | c;
            k++;
            if (k == 2 * SHORTLIST) {
                k = smallestFirst(ranked, k, SHORTLIST);
            }
        }
        if (k == 0) {
            return null;
        }
        k = smallestFirst(ranked, k, SHORTLIST);
        double[] scores = new double[k];
        char[] chars = new char[k];
        char fl2 = CharModel.fold(l2);
        char fr2 = CharModel.fold(r2);
        double rightBackoff = Math.exp(model.logProb(r, r2));
        int leftPairSlot = model.bigramSlot(fl2, fl);
        long around = model.byOuterTwo().group(fl, fr);
        long before = model.byLastTwo().group(fr, fr2);
        for (int j = 0; j < k; j++) {
            char c = (char) (ranked[j] & 0xFFFF);
            chars[j] = c;
            if (CharModel.fold(c) == c) {
                scores[j] = model.trigramAt(leftPairSlot, fl2, fl, c, Math.exp(w.scores[2 * c]))
                        + model.trigramWith(w.succCount(c) != 0 ? w.succSlot[c] : -1,
                                model.byOuterTwo().count(around, c), Math.exp(w.scores[2 * c + 1]))
                        + model.trigramWith(w.right[4 * c + RIGHT_SLOT], model.byLastTwo().count(before, c),
                                rightBackoff);
            } else {
                scores[j] = model.logProb(l2, l, c) + model.logProb(l, c, r) + model.logProb(c, r, r2);
            }
        }
        return new Shortlist(chars, scores, k);
    }

    /** Restores the best of the shortlist when its posterior among them is high enough. */
    private static void decide(String line, int start, int end, char[] chars, double[] scores, int k,
            List<Replacement> out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, scores[j]);
        }
        double sum = 0;
        int best = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(scores[j] - max);
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        double posterior = 1 / sum;
        char c = chars[best];
        boolean question = line.charAt(start) == '?';
        // A '?' stands either for a lost character or for itself: it never becomes other punctuation (怎么做?她 is a
        // question, not 怎么做，她).
        if (c == '？' || posterior < MIN_POSTERIOR || !(CharClasses.isHan(c) || (!question && CharClasses.isCjkPunct(c)))) {
            return;
        }
        out.add(new Replacement(start, end, String.valueOf(c), RepairKind.LOST_CHARACTER, Math.min(0.99, posterior)));
    }

    /**
     * count(c r) for a folded c, from the predecessor list when it holds c, else from r's column (a seen bit and its
     * rank, no search); the trigram slot of {@code c r} is kept with it for the trigram step.
     */
    private int rightCount(Scratch w, char fr, char c) {
        int predCount = w.right[4 * c + PRED_COUNT];
        if (predCount != 0) {
            return predCount; // the count the column holds; slot set with it
        }
        int i = model.columnIndex(c, fr);
        w.right[4 * c + RIGHT_SLOT] = i >= 0 ? model.columnSlot(i) : -1;
        return i >= 0 ? model.columnCount(i) : 0;
    }

    /**
     * Moves the {@code limit} smallest of {@code keys[0, k)} to the front in ascending order and returns how many
     * that is: what sorting all of them and keeping the first {@code limit} gives (the keys are distinct), without
     * sorting the thousands of candidates of a common neighbour. Example: {@code [5 1 4 2 3], limit 2 → [1 2]}.
     * The head is sorted by insertion: at most {@code limit} (40) keys, already in order when the streaming shortlist
     * calls again with the kept keys in front, where a general sort pays its set-up every time.
     */
    static int smallestFirst(long[] keys, int k, int limit) {
        if (k <= limit) {
            insertionSort(keys, k);
            return k;
        }
        insertionSort(keys, limit);
        for (int j = limit; j < k; j++) {
            long key = keys[j];
            if (key >= keys[limit - 1]) {
                continue;
            }
            int at = limit - 1;
            while (at > 0 && keys[at - 1] > key) {
                keys[at] = keys[at - 1];
                at--;
            }
            keys[at] = key;
        }
        return limit;
    }

    /** Sorts {@code keys[0, n)} ascending by insertion (n small). */
    private static void insertionSort(long[] keys, int n) {
        for (int j = 1; j < n; j++) {
            long key = keys[j];
            int at = j;
            while (at > 0 && keys[at - 1] > key) {
                keys[at] = keys[at - 1];
                at--;
            }
            keys[at] = key;
        }
    }

    private static final ThreadLocal<Candidates> CANDIDATES = ThreadLocal.withInitial(Candidates::new);

    /**
     * Per-thread candidate list of one marker for the pruned shortlist, grown as needed and overwritten by the next
     * marker: entry j is candidate {@code cand[j]} with count(l c) and its trigram types, count(c r) (-1 until looked
     * up) and its types, and its two bigram scores once scored. The walked lists are copied in order, so nothing is
     * scattered and nothing needs clearing but the hint bits. Example: for 中?人, entry 0 may be 华 with count(中华),
     * count(华人) from 人's predecessor list.
     */
    private static final class Candidates {
        /** The current hint's characters as bits ({@link HintCharacters}), all clear between markers. */
        private final long[] hinted = new long[65536 / 64];
        char[] pred = new char[256];
        int[] predCount = new int[256];
        int[] predTypes = new int[256];
        /** Where l pred[j] is in the model's rows ({@link CharModel#rowIndex}), -1 when never seen. */
        int[] predRow = new int[256];
        char[] cand = new char[256];
        int[] leftCount = new int[256];
        int[] leftTypes = new int[256];
        int[] rightCount = new int[256];
        int[] rightTypes = new int[256];
        double[] leftScore = new double[256];
        double[] rightScore = new double[256];
        private long[] ranked = new long[256];
        final char[] chars = new char[SHORTLIST];
        final double[] scores = new double[SHORTLIST];
        private int walked;

        /** Sets ({@code on}) or clears the bits of {@code chars}. */
        void mark(char[] chars, boolean on) {
            for (char c : chars) {
                hinted[c >>> 6] = on ? hinted[c >>> 6] | 1L << c : hinted[c >>> 6] & ~(1L << c);
            }
        }

        boolean allowed(char c) {
            return (hinted[c >>> 6] & 1L << c) != 0;
        }

        /** The shortlist keys, at least {@code n} long (contents left over: written before read). */
        long[] ranked(int n) {
            if (ranked.length < n) {
                ranked = new long[Math.max(n, ranked.length * 2)];
            }
            return ranked;
        }

        /** Sets candidate entry {@code j}, growing the lists when needed. */
        void add(int j, char c, int left, int leftT, int right, int rightT) {
            if (j == cand.length) {
                int n = j * 2;
                cand = java.util.Arrays.copyOf(cand, n);
                leftCount = java.util.Arrays.copyOf(leftCount, n);
                leftTypes = java.util.Arrays.copyOf(leftTypes, n);
                rightCount = java.util.Arrays.copyOf(rightCount, n);
                rightTypes = java.util.Arrays.copyOf(rightTypes, n);
                leftScore = java.util.Arrays.copyOf(leftScore, n);
                rightScore = java.util.Arrays.copyOf(rightScore, n);
            }
            cand[j] = c;
            leftCount[j] = left;
            leftTypes[j] = leftT;
            rightCount[j] = right;
            rightTypes[j] = rightT;
        }

        /** Copies the predecessor list of {@code fr} (with its counts and types) into pred; returns how many. */
        int predecessors(CharModel model, char fr) {
            walked = 0;
            model.predecessors(fr, (ch, count, slot, types) -> {
                if (walked == pred.length) {
                    int n = walked * 2;
                    pred = java.util.Arrays.copyOf(pred, n);
                    predCount = java.util.Arrays.copyOf(predCount, n);
                    predTypes = java.util.Arrays.copyOf(predTypes, n);
                    predRow = java.util.Arrays.copyOf(predRow, n);
                }
                pred[walked] = ch;
                predCount[walked] = count;
                predTypes[walked] = types;
                walked++;
            });
            return walked;
        }

        /** Sets the candidates to l's row (count(c r) to be looked up); returns how many. */
        int successors(CharModel model, char fl) {
            walked = 0;
            model.row(fl, (ch, count, slot, types) -> add(walked++, ch, count, types, -1, 0));
            return walked;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Entries of {@link Scratch#right}, four per character: what is known of the bigram c r. */
    private static final int PRED_COUNT = 0;
    private static final int RIGHT_COUNT = 1;
    private static final int RIGHT_SLOT = 3;

    /**
     * Per-thread tables of the full scoring (the slow path), indexed by character and cleared after each marker so
     * that the 65,536-entry arrays are made once per thread: {@code left[2c]} = count(l c) (0 = never seen together);
     * {@code right[4c + ...]} what is known of c r (see {@link #PRED_COUNT}); {@code scores[2c]}, {@code scores[2c +
     * 1]} the candidate's two bigram scores. Example: 华 as the candidate of 中?人 reads left[2·华] and right[4·华].
     */
    private static final class Scratch {
        final int[] left = new int[65536 * 2];
        /** Table slots of l c, valid where the count is not 0 (so never cleared). */
        final int[] succSlot = new int[65536];
        /**
         * {@link #PRED_COUNT}: count(c r) for the characters of the predecessor list (0 for the others). {@link
         * #RIGHT_COUNT}: count(c r) of the current marker's candidates. {@link #RIGHT_SLOT}: the slot of c r (-1:
         * never seen), written with the count.
         */
        final int[] right = new int[65536 * 4];
        /** The bigram scores of the current marker's candidates, written before they are read. */
        final double[] scores = new double[65536 * 2];
        int[] succ = new int[256];
        int[] pred = new int[256];

        int succCount(int c) {
            return left[2 * c];
        }

        /** Fills succ (or pred) and its counts and slots; returns how many. */
        int collect(CharModel model, char c, boolean successors) {
            int[] n = {0};
            if (successors) {
                model.row(c, (ch, count, slot, types) -> {
                    if (n[0] == succ.length) {
                        succ = java.util.Arrays.copyOf(succ, n[0] * 2);
                    }
                    succ[n[0]++] = ch;
                    left[2 * ch] = count;
                    succSlot[ch] = slot;
                });
            } else {
                model.predecessors(c, (ch, count, slot, types) -> {
                    if (n[0] == pred.length) {
                        pred = java.util.Arrays.copyOf(pred, n[0] * 2);
                    }
                    pred[n[0]++] = ch;
                    right[4 * ch + PRED_COUNT] = count;
                    right[4 * ch + RIGHT_SLOT] = slot;
                });
            }
            return n[0];
        }

        void clear(int ns, int np) {
            for (int j = 0; j < ns; j++) {
                left[2 * succ[j]] = 0;
            }
            for (int j = 0; j < np; j++) {
                right[4 * pred[j] + PRED_COUNT] = 0;
            }
        }
    }
}
