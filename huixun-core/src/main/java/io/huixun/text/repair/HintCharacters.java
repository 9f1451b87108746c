package io.huixun.text.repair;

import java.util.Set;

/**
 * The characters a pinyin hint allows, per syllable: those that read the syllable themselves or through their
 * traditional form. The lost-character restorer asks this of every candidate of a hinted marker (a few thousand after
 * a common neighbour); one list per syllable, turned into bits once per marker, answers that by one bit test instead
 * of two reading look-ups per candidate. Example: {@code dāng} lists 当 (and 噹, 當, …), so {@code ?(dāng)} keeps 当
 * and drops 的.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
final class HintCharacters {
    private static final HintCharacters INSTANCE = new HintCharacters(PinyinReadings.get());

    /** Per syllable id, ascending: every c with {@link #reads}(c, id); id 0 (no such syllable) lists none. */
    private final char[][] bySyllable;

    private HintCharacters(PinyinReadings readings) {
        int ids = readings.syllableCount();
        int[][] idsByChar = new int[65536][];
        int[] sizes = new int[ids];
        for (int c = 0; c < 65536; c++) {
            idsByChar[c] = idsOf(readings, (char) c);
            for (int id : idsByChar[c]) {
                sizes[id]++;
            }
        }
        bySyllable = new char[ids][];
        for (int id = 0; id < ids; id++) {
            bySyllable[id] = new char[sizes[id]];
        }
        int[] filled = new int[ids];
        for (int c = 0; c < 65536; c++) {
            for (int id : idsByChar[c]) {
                bySyllable[id][filled[id]++] = (char) c;
            }
        }
    }

    static HintCharacters get() {
        return INSTANCE;
    }

    /** The characters that read {@code syllableId} ({@link PinyinReadings#syllableId}), ascending. */
    char[] of(int syllableId) {
        return bySyllable[syllableId];
    }

    /** What the list stands for: c reads the syllable, or its traditional form does. */
    static boolean reads(PinyinReadings readings, char c, int syllableId) {
        return readings.hasReading(c, syllableId) || readings.hasReading(CharClasses.toTraditional(c), syllableId);
    }

    /** The distinct syllable ids of c and of its traditional form. */
    private static int[] idsOf(PinyinReadings readings, char c) {
        Set<String> own = readings.readings(c);
        Set<String> traditional = readings.readings(CharClasses.toTraditional(c));
        int[] ids = new int[own.size() + traditional.size()];
        int n = 0;
        for (Set<String> set : java.util.List.of(own, traditional)) {
            for (String syllable : set) {
                int id = readings.syllableId(syllable);
                boolean seen = false;
                for (int j = 0; j < n; j++) {
                    seen |= ids[j] == id;
                }
                if (id != 0 && !seen) {
                    ids[n++] = id;
                }
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }
}
