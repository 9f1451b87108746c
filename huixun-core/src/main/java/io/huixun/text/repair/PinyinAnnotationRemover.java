package io.huixun.text.repair;

import java.util.List;

/**
 * Removes spam pinyin after a character, {@code 當(dāng)地} → {@code 當地}, only when the syllable is a reading of
 * that character (in either script); a real parenthesis such as {@code (记者杨维汉)} or {@code (AI)} stays. The rule
 * is {@link PinyinSpam.Rule#READING}, shared with de-duplication's recogniser.
 */
final class PinyinAnnotationRemover implements Fixer {
    @Override
    public void find(String line, List<Replacement> out) {
        int from = 1;
        for (PinyinSpam.Annotation a; (a = PinyinSpam.find(line, from, PinyinSpam.Rule.READING).orElse(null)) != null; ) {
            out.add(new Replacement(a.start(), a.end(), "", RepairKind.PINYIN_ANNOTATION, a.toned() ? 0.99 : 0.9));
            from = a.end();
        }
    }
}
