package io.huixun.cluster;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The terms of a headline that stories are matched on: overlapping character bigrams of each run of Han characters
 * (folded to simplified), and each run of Latin letters or digits as one term. Bigrams need no segmenter, so a name the
 * segmenter does not know (努尔特列乌) or a word split differently in two headlines still matches; the inverse document
 * frequency takes care of bigrams that are everywhere (中国).
 * Example: "中國—中亞外長舉行第六次會晤" → {中国, 中亚, 亚外, 外长, 长举, 举行, 行第, 第六, 六次, 次会, 会晤}
 * (a lone 中 between dashes makes no bigram). Thread-safe (stateless).
 */
public final class TitleTerms {
    private static final ChineseConverter TO_SIMPLIFIED = ChineseConverter.of(ConversionConfig.T2S);
    /** Programme labels that head many unrelated CCTV items: "【领航中国】…", "国内联播快讯". */
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("^[【\\[][^】\\]]{1,16}[】\\]]");

    private TitleTerms() {}

    public static Set<String> of(String title) {
        Set<String> terms = new LinkedHashSet<>();
        if (title == null || title.isBlank()) {
            return terms;
        }
        String t = folded(title);
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            int start = i;
            if (isHan(cp)) {
                while (i < t.length() && isHan(t.codePointAt(i))) {
                    i += Character.charCount(t.codePointAt(i));
                }
                String run = t.substring(start, i);
                int[] cps = run.codePoints().toArray();
                for (int k = 0; k + 1 < cps.length; k++) {
                    terms.add(new String(cps, k, 2));
                }
            } else if (Character.isLetterOrDigit(cp)) {
                while (i < t.length() && Character.isLetterOrDigit(t.codePointAt(i)) && !isHan(t.codePointAt(i))) {
                    i += Character.charCount(t.codePointAt(i));
                }
                String run = t.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                if (run.length() > 1 || Character.isLetter(run.codePointAt(0))) {
                    terms.add(run);
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    /**
     * The headline as one key: folded to simplified, its programme label dropped, only letters and digits kept.
     * Example: "國內聯播快訊" and "国内联播快讯 " → 国内联播快讯.
     */
    public static String headline(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String t = folded(title);
        StringBuilder out = new StringBuilder(t.length());
        t.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The headline in simplified characters without its programme label. */
    private static String folded(String title) {
        return LABEL.matcher(TO_SIMPLIFIED.convert(title.strip())).replaceFirst("");
    }

    /** A body cut short the way list pages and feeds cut excerpts: "…家..." or "…家…". */
    public static boolean looksLikeTeaser(String body) {
        if (body == null) {
            return true;
        }
        String b = body.strip();
        return b.length() < 400 && (b.endsWith("...") || b.endsWith("…") || b.endsWith("……") || b.isEmpty());
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
