package io.huixun.text.repair;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Restores a lost character ({@code ?}, U+FFFD, {@code □}) between Chinese characters when the model is confident,
 * {@code 中?人民} → {@code 中华人民}; otherwise the marker stays visible. For {@code ?} the model also weighs a real
 * question mark ({@code 吗?他}), which then stays for the punctuation normaliser. A pinyin annotation right after the
 * marker ({@code ?(dāng)}) restricts the choice to characters with that reading and goes with the marker.
 */
final class LostCharacterRestorer implements Fixer {
    /** Posterior probability the best character needs among all candidates. */
    static final double MIN_POSTERIOR = 0.9;

    private final CharModel model = CharModel.get();
    private final PinyinReadings readings = PinyinReadings.get();

    @Override
    public void find(String line, List<Replacement> out) {
        int n = line.length();
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
        Set<Integer> candidates = new HashSet<>();
        model.successors(l, candidates::add);
        model.predecessors(r, candidates::add);
        if (line.charAt(start) == '?') {
            candidates.add((int) '？');
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] scores = new double[candidates.size()];
        char[] chars = new char[candidates.size()];
        int k = 0;
        for (int cp : candidates) {
            char c = (char) cp;
            if (c == CharModel.BOUNDARY || c == ' ' || c == 'a' || c == '0'
                    || (hint != null && !isReading(c, hint))) {
                continue;
            }
            // trigram context on both sides: P(c | l2 l) · P(r | l c) · P(r2 | c r)
            double s = model.logProb(l2, l, c) + model.logProb(l, c, r) + model.logProb(c, r, r2);
            chars[k] = c;
            scores[k++] = s;
            max = Math.max(max, s);
        }
        if (k == 0) {
            return;
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
        if (c == '？' || posterior < MIN_POSTERIOR || !(CharClasses.isHan(c) || CharClasses.isCjkPunct(c))) {
            return;
        }
        out.add(new Replacement(start, end, String.valueOf(c), RepairKind.LOST_CHARACTER, Math.min(0.99, posterior)));
    }

    private boolean isReading(char c, String syllable) {
        return readings.isReading(c, syllable) || readings.isReading(CharClasses.toTraditional(c), syllable);
    }
}
