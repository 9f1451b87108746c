package io.huixun.text.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Tells simplified from traditional Chinese by counting characters that belong to one script only.
 *
 * <p>The two character sets are derived at build time from OpenCC's STCharacters and TSCharacters: a character is
 * simplified-only when s2t changes it and t2s does not, traditional-only in the mirror case. Characters shared by
 * both scripts (中, 人) carry no evidence. The verdict is the majority script when it holds at least
 * {@value #MAJORITY} of the evidence, otherwise {@link Script#MIXED}; the confidence grows with the majority share
 * and with the amount of evidence (one distinguishing character is a weak hint, ten are near proof).
 * Example: {@code 當地時間} → TRADITIONAL; {@code 当地时间} → SIMPLIFIED; {@code 中文} → NEUTRAL.
 *
 * <p>Thread-safe; the sets are loaded once per JVM.
 */
public final class ScriptDetector {
    static final double MAJORITY = 0.8;
    private static final BitSet[] SETS = load();

    private ScriptDetector() {}

    public static ScriptGuess detect(CharSequence text) {
        BitSet simplified = SETS[0], traditional = SETS[1];
        int s = 0, t = 0, han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                continue;
            }
            han++;
            if (cp < simplified.size()) {
                if (simplified.get(cp)) {
                    s++;
                } else if (traditional.get(cp)) {
                    t++;
                }
            }
        }
        if (han == 0) {
            return new ScriptGuess(Script.NONE, 1.0, 0, 0, 0);
        }
        int evidence = s + t;
        if (evidence == 0) {
            return new ScriptGuess(Script.NEUTRAL, 1.0, 0, 0, han);
        }
        double share = (double) Math.max(s, t) / evidence;
        double certainty = 1 - Math.pow(0.5, evidence); // 1 char: 0.5, 3: 0.875, 10: 0.999
        if (share < MAJORITY) {
            double mixedness = (1 - share) / (1 - 0.5); // 1.0 at an even split
            return new ScriptGuess(Script.MIXED, mixedness * certainty, s, t, han);
        }
        return new ScriptGuess(s > t ? Script.SIMPLIFIED : Script.TRADITIONAL, share * certainty, s, t, han);
    }

    private static BitSet[] load() {
        String name = ConversionPlan.RESOURCE_DIR + "script-chars.txt";
        try (InputStream in = ScriptDetector.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (built by DictionaryCompiler)");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return new BitSet[] {bits(lines[0]), bits(lines[1])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitSet bits(String chars) {
        BitSet set = new BitSet(0x40000);
        chars.codePoints().forEach(set::set);
        return set;
    }
}
