package io.huixun.text.repair;

import java.util.Optional;

/**
 * The one place that recognises spam pinyin: a parenthesised syllable right after a Han character, as some portals
 * annotate their text, {@code 當(dāng)地} → {@code 當地}. Repair removes it from stored text; de-duplication drops
 * it before comparing two texts.
 *
 * <p>The shape is one: a Han character of the BMP, an opening parenthesis ({@code (} or {@code （}), a run of
 * pinyin letters (a–z, ü, toned vowels, ń ň ǹ ḿ, ê, full-width a–z) with an optional tone digit 1–5, and a closing
 * parenthesis.
 * Whether a span of that shape is spam is one of two {@link Rule rules}, because the two users need different things:
 * <ul>
 *   <li>{@link Rule#READING} for repair, which changes the stored text and so must never eat a real parenthesis: the
 *       syllable must be a reading of the character it follows, in either script ({@code 當(dāng)} yes,
 *       {@code 北京(běijīng)} and {@code 会议(AI)} no).</li>
 *   <li>{@link Rule#TONED} for de-duplication, which only compares texts: any lower-case syllable with a tone mark
 *       ({@code (běijīng)} too) or a tone digit ({@code (dang1)}), with a space allowed on either side of the
 *       parenthesis. Dedup fingerprints are stored, so its normal form must not move: this rule is exactly the one
 *       the fingerprints of existing data were computed with ({@code PinyinSpamTest} holds the former pattern as its
 *       oracle), and tightening it to {@code READING} would change the exact key of texts like
 *       {@code 北京(běijīng)}.</li>
 * </ul>
 *
 * <p>Example: {@code remove("中國當(dāng)前", Rule.READING)} → {@code "中國當前"}. Stateless (the readings are an
 * immutable table); thread-safe.
 */
public final class PinyinSpam {
    /** Tone-marked letters; ń ň ǹ ḿ are the syllabic nasals of 嗯 and 呣. */
    private static final String TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

    private PinyinSpam() {}

    /** Which spans of the pinyin shape count as spam: see the class note. */
    public enum Rule {
        /** The syllable is a reading of the character before it; no spaces around the parentheses. */
        READING(false) {
            @Override
            boolean accepts(char han, String syllable) {
                PinyinReadings readings = PinyinReadings.get();
                int id = readings.syllableId(PinyinReadings.normalize(syllable)); // normalised once, not three times
                return readings.hasReading(han, id) || readings.hasReading(CharClasses.toSimplified(han), id)
                        || readings.hasReading(CharClasses.toTraditional(han), id);
            }
        },
        /**
         * Lower-case letters with a tone mark ({@code běijīng}), or one to six plain letters and a tone digit
         * ({@code dang1}); one space allowed inside and before the parentheses.
         */
        TONED(true) {
            @Override
            boolean accepts(char han, String syllable) {
                int last = syllable.length() - 1;
                char end = syllable.charAt(last);
                if (end >= '1' && end <= '5') {
                    return last >= 1 && last <= 6 && allOf(syllable, 0, last, "");
                }
                return hasToneMark(syllable) && allOf(syllable, 0, syllable.length(), TONE_MARKED);
            }
        };

        private final boolean spaces;

        Rule(boolean spaces) {
            this.spaces = spaces;
        }

        abstract boolean accepts(char han, String syllable);
    }

    /**
     * A span of spam pinyin.
     *
     * @param start    the offset of the opening parenthesis, or of the space before it
     * @param end      the offset after the closing parenthesis
     * @param syllable the syllable as written ({@code dāng}, {@code dang1})
     */
    public record Annotation(int start, int end, String syllable) {
        /** Whether the syllable carries a tone mark: then it is surely pinyin, not a word. */
        public boolean toned() {
            return hasToneMark(syllable);
        }
    }

    /** The first span of spam pinyin in {@code text} that starts at or after {@code from}. */
    public static Optional<Annotation> find(CharSequence text, int from, Rule rule) {
        int n = text.length();
        for (int i = Math.max(from, 1); i < n; i++) {
            Annotation a = at(text, i, rule);
            if (a != null) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** {@code text} without its spam pinyin. Example: {@code remove("當(dāng)地", Rule.TONED)} → {@code 當地}. */
    public static String remove(String text, Rule rule) {
        if (text.indexOf('(') < 0 && text.indexOf('（') < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 1; i < text.length(); i++) {
            Annotation a = at(text, i, rule);
            if (a != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, a.start());
                copied = a.end();
                i = a.end() - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The span of spam pinyin that starts exactly at {@code i} (after a Han character), or null. */
    private static Annotation at(CharSequence text, int i, Rule rule) {
        int n = text.length();
        int j = i;
        if (rule.spaces && j < n && isSpace(text.charAt(j))) {
            j++;
        }
        if (j >= n || !CharClasses.isOpenParen(text.charAt(j))) {
            return null;
        }
        char han = text.charAt(i - 1); // a BMP character: the former pattern's look-behind saw one UTF-16 unit
        if (Character.UnicodeScript.of(han) != Character.UnicodeScript.HAN) {
            return null;
        }
        j++;
        if (rule.spaces && j < n && isSpace(text.charAt(j))) {
            j++;
        }
        int s = j;
        while (j < n && isPinyinLetter(text.charAt(j))) {
            j++;
        }
        if (j < n && j > s && text.charAt(j) >= '1' && text.charAt(j) <= '5') {
            j++;
        }
        int e = j;
        if (rule.spaces && j < n && isSpace(text.charAt(j))) {
            j++;
        }
        if (e == s || j >= n || !CharClasses.isCloseParen(text.charAt(j))) {
            return null;
        }
        String syllable = text.subSequence(s, e).toString();
        return rule.accepts(han, syllable) ? new Annotation(i, j + 1, syllable) : null;
    }

    static boolean isPinyinLetter(char c) {
        return CharClasses.isPinyinLetter(c) || TONE_MARKED.indexOf(c) >= 0;
    }

    static boolean hasToneMark(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (TONE_MARKED.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[from, to)} is a–z, ü and the letters of {@code more}. */
    private static boolean allOf(String s, int from, int to, String more) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!((c >= 'a' && c <= 'z') || c == 'ü' || more.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The white space of the former pattern's {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
