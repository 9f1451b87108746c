package io.huixun.text.repair;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.List;

/**
 * Converts a line to the target script with the OpenCC-exact converter (phrase level: {@code 乾燥} → {@code 干燥}),
 * but only a line written in the other script (see {@link #inOtherScript}), so clean text in the target script is
 * never touched by phrase rules. Edits are the differing character runs.
 */
final class ScriptNormalizer implements Fixer {
    private final ChineseConverter converter;
    private final boolean toSimplified;

    ScriptNormalizer(boolean toSimplified) {
        this.toSimplified = toSimplified;
        this.converter = ChineseConverter.of(toSimplified ? ConversionConfig.T2S : ConversionConfig.S2T);
    }

    /**
     * Whether the line is written in the other script: two distinct characters of it, or one making up a fifth of
     * the Han characters. Simplified news names people with characters OpenCC would fold (王丙乾, 王於昌, 抽薹): a
     * single such character in a long line is a name, not a traditional text.
     */
    boolean inOtherScript(String line) {
        int han = 0;
        int other = 0;
        char first = 0;
        boolean distinct = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!CharClasses.isHan(c)) {
                continue;
            }
            han++;
            if ((toSimplified ? CharClasses.toSimplified(c) : CharClasses.toTraditional(c)) != c) {
                other++;
                if (first == 0) {
                    first = c;
                } else if (c != first) {
                    distinct = true;
                }
            }
        }
        return distinct || (other > 0 && other * 5 >= han);
    }

    @Override
    public void find(String line, List<Replacement> out) {
        if (!inOtherScript(line)) {
            return;
        }
        String converted = converter.convert(line);
        if (converted.length() != line.length()) {
            int p = 0;
            while (p < line.length() && p < converted.length() && line.charAt(p) == converted.charAt(p)) {
                p++;
            }
            int s = 0;
            while (s < line.length() - p && s < converted.length() - p
                    && line.charAt(line.length() - 1 - s) == converted.charAt(converted.length() - 1 - s)) {
                s++;
            }
            out.add(new Replacement(p, line.length() - s, converted.substring(p, converted.length() - s),
                    RepairKind.SCRIPT, 0.99));
            return;
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == converted.charAt(i)) {
                continue;
            }
            int j = i;
            while (j < line.length() && line.charAt(j) != converted.charAt(j)) {
                j++;
            }
            out.add(new Replacement(i, j, converted.substring(i, j), RepairKind.SCRIPT, 0.99));
            i = j;
        }
    }
}
