package io.huixun.text.repair;

import java.util.List;

/**
 * Removes invisible characters next to Chinese text: zero-width space, word joiner, soft hyphen, a BOM inside the
 * text. Zero-width (non-)joiners are kept: they carry meaning in emoji, Persian and Indic scripts.
 * Example: {@code 中\u200B国} → {@code 中国}.
 */
final class InvisibleCharacterRemover implements Fixer {
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u180E';
    }

    @Override
    public void find(String line, List<Replacement> out) {
        for (int i = 0; i < line.length(); i++) {
            if (!isInvisible(line.charAt(i))) {
                continue;
            }
            int end = i;
            while (end < line.length() && isInvisible(line.charAt(end))) {
                end++;
            }
            boolean chineseLeft = i > 0 && CharClasses.isChinese(line.charAt(i - 1));
            boolean chineseRight = end < line.length() && CharClasses.isChinese(line.charAt(end));
            if (chineseLeft || chineseRight) {
                out.add(new Replacement(i, end, "", RepairKind.INVISIBLE, 1.0));
            }
            i = end - 1;
        }
    }
}
