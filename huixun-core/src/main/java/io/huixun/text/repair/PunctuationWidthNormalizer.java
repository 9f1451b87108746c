package io.huixun.text.repair;

import java.util.List;

/**
 * Punctuation and width inside Chinese text.
 *
 * <p>Design note: clean Chinese news uses ASCII {@code :} and {@code ()} on purpose ({@code 2022中国(曲阜)国际},
 * {@code (更新时间戳: 1664109102894)}), so those are widened only in a line whose full-width punctuation was folded
 * to ASCII: a line of mostly Chinese (no fewer Han characters than Latin letters) where ASCII {@code ,?!;} next to
 * Chinese outnumber their full-width forms. There every
 * {@code ,?!:;()} that touches Chinese becomes full-width ({@code 日,中國} → {@code 日，中國}), but not between digits
 * ({@code 1,000}, {@code 10:30}) and not {@code .} ({@code ...} stays). Full-width Latin letters and digits become
 * half-width when the line has at least two of them or one touches a half-width one ({@code ２０２５} → {@code 2025});
 * a lone {@code ３月} in clean text stays.
 */
final class PunctuationWidthNormalizer implements Fixer {

    @Override
    public void find(String line, List<Replacement> out) {
        int n = line.length();
        int folded = 0;
        int full = 0;
        int fullWidthAlnum = 0;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if ((c == ',' || c == '?' || c == '!' || c == ';') && touchesChinese(line, i)) {
                folded++;
            } else if (c == '，' || c == '？' || c == '！' || c == '；') {
                full++;
            } else if (isFullWidthAlnum(c)) {
                fullWidthAlnum++;
            }
        }
        int han = 0;
        int latin = 0;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (CharClasses.isHan(c)) {
                han++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        // Only Chinese text: in a mixed line ("Hello, 世界!") ASCII punctuation belongs to the Latin side.
        boolean widen = folded > full && han >= latin;
        int[] closeFor = widen ? matchParens(line) : null;
        boolean[] widenClose = new boolean[n];
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (widen && ",?!:;".indexOf(c) >= 0 && (touchesChinese(line, i) || endsChineseToken(line, i))
                    && !betweenDigits(line, i)) {
                out.add(new Replacement(i, i + 1, String.valueOf((char) (c + 0xFEE0)), RepairKind.PUNCTUATION, 0.95));
            } else if (widen && c == '(' && closeFor[i] > i && parenIsChinese(line, i, closeFor[i])) {
                out.add(new Replacement(i, i + 1, "（", RepairKind.PUNCTUATION, 0.95));
                widenClose[closeFor[i]] = true;
            } else if (widen && c == ')' && widenClose[i]) {
                out.add(new Replacement(i, i + 1, "）", RepairKind.PUNCTUATION, 0.95));
            } else if (isFullWidthAlnum(c) && (fullWidthAlnum >= 2 || touchesHalfWidthAlnum(line, i))) {
                out.add(new Replacement(i, i + 1, String.valueOf((char) (c - 0xFEE0)), RepairKind.WIDTH, 0.95));
            }
        }
    }

    static boolean isFullWidthAlnum(char c) {
        return (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
    }

    private static boolean touchesHalfWidthAlnum(String line, int i) {
        return (i > 0 && isAsciiAlnum(line.charAt(i - 1))) || (i + 1 < line.length() && isAsciiAlnum(line.charAt(i + 1)));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The previous character is Chinese, or the next one is and the previous one is not Latin. */
    private static boolean touchesChinese(String line, int i) {
        char prev = i > 0 ? line.charAt(i - 1) : 0;
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        if (next == ' ') {
            return false; // "财政部, 税务总局": a space after it is Western typography, chosen on purpose
        }
        if (CharClasses.isChinese(prev) && prev != '…') {
            return true;
        }
        return CharClasses.isHan(next) && prev != ' ' && prev != 0;
    }

    /** {@code 人数1,000!}: the punctuation ends a number or Latin word that stands in Chinese text. */
    private static boolean endsChineseToken(String line, int i) {
        if (i + 1 < line.length() && isAsciiAlnum(line.charAt(i + 1))) {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && (isAsciiAlnum(line.charAt(k)) || line.charAt(k) == '.' || line.charAt(k) == '%'
                || (line.charAt(k) == ',' && k > 0 && Character.isDigit(line.charAt(k - 1))))) {
            k--;
        }
        return k < i - 1 && k >= 0 && CharClasses.isChinese(line.charAt(k));
    }

    /**
     * {@code 10:30} and the thousands separator of {@code 1,000} stay; {@code 6.7,2027年} is a folded comma
     * (a thousands group has exactly three digits).
     */
    private static boolean betweenDigits(String line, int i) {
        if (!(i > 0 && i + 1 < line.length() && isDigit(line.charAt(i - 1)) && isDigit(line.charAt(i + 1)))) {
            return false;
        }
        if (line.charAt(i) != ',') {
            return true;
        }
        int k = i + 1;
        while (k < line.length() && isDigit(line.charAt(k))) {
            k++;
        }
        return k - i - 1 == 3;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int[] matchParens(String line) {
        int[] close = new int[line.length()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                open.push(i);
            } else if (c == ')' && !open.isEmpty()) {
                close[open.pop()] = i;
            }
        }
        return close;
    }

    /** A parenthesis pair in Chinese text: Chinese right before it, or Chinese inside. */
    private static boolean parenIsChinese(String line, int open, int close) {
        if (open > 0 && CharClasses.isChinese(line.charAt(open - 1))) {
            return true;
        }
        for (int k = open + 1; k < close; k++) {
            if (CharClasses.isHan(line.charAt(k))) {
                return true;
            }
        }
        return false;
    }
}
