package io.huixun.bench.extract;

import java.util.HashMap;
import java.util.Map;

/** Text-overlap scores of the evaluation. */
final class Scores {
    private Scores() {}

    /**
     * Bag-of-characters F1 over non-whitespace code points: the usual measure of extraction quality for Chinese,
     * where words are not delimited (a paragraph in the wrong order costs nothing; a missing or extra one does).
     */
    static double charF1(String predicted, String gold) {
        Map<Integer, Integer> g = bag(gold);
        Map<Integer, Integer> p = bag(predicted);
        int gn = g.values().stream().mapToInt(Integer::intValue).sum();
        int pn = p.values().stream().mapToInt(Integer::intValue).sum();
        if (gn == 0 && pn == 0) {
            return 1;
        }
        if (gn == 0 || pn == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<Integer, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        double precision = (double) common / pn;
        double recall = (double) common / gn;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Map<Integer, Integer> bag(String s) {
        Map<Integer, Integer> m = new HashMap<>();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0xA0 && c != 0x3000)
                .forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }

    /** Whitespace-free form used for must-contain checks (extractors differ in how they join lines). */
    static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0\\u3000]+", "");
    }
}
