package io.huixun.text.repair;

import java.util.List;

/**
 * Removes spam pinyin after a character, {@code 當(dāng)地} → {@code 當地}, only when the syllable is a reading of
 * that character (in either script); a real parenthesis such as {@code (记者杨维汉)} or {@code (AI)} stays.
 */
final class PinyinAnnotationRemover implements Fixer {
    private final PinyinReadings readings = PinyinReadings.get();

    @Override
    public void find(String line, List<Replacement> out) {
        int n = line.length();
        for (int i = 1; i < n; i++) {
            char open = line.charAt(i);
            if (open != '(' && open != '（') {
                continue;
            }
            char c = line.charAt(i - 1);
            if (!CharClasses.isHan(c)) {
                continue;
            }
            int j = i + 1;
            while (j < n && j - i <= 7 && CharClasses.isPinyinLetter(line.charAt(j))) {
                j++;
            }
            if (j == i + 1 || j >= n || (line.charAt(j) != ')' && line.charAt(j) != '）')) {
                continue;
            }
            String syllable = line.substring(i + 1, j);
            if (isReading(c, syllable)) {
                out.add(new Replacement(i, j + 1, "", RepairKind.PINYIN_ANNOTATION,
                        CharClasses.hasToneMark(syllable) ? 0.99 : 0.9));
                i = j;
            }
        }
    }

    boolean isReading(char c, String syllable) {
        return readings.isReading(c, syllable) || readings.isReading(CharClasses.toSimplified(c), syllable)
                || readings.isReading(CharClasses.toTraditional(c), syllable);
    }
}
