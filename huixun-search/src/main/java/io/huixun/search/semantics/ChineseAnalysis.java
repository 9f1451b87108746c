package io.huixun.search.semantics;

import com.hankcs.hanlp.seg.common.Term;
import io.huixun.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns folded text into the two token sequences of the index.
 *
 * <p>Design note. Words come from the project's one segmentation ({@link io.huixun.text.Segmenter}: HanLP with
 * name, place and organisation recognition), the same for documents, queries and the understanding stage, whose words
 * the index takes over when it has them ({@link #words(String, Words)}), so 赫尔松州 or 王毅 is one word on every side;
 * tokens without a letter or digit (punctuation, spaces) are dropped. Bigrams follow Lucene's {@code CJKBigramFilter}
 * with unigrams off: within a run of adjacent
 * Han characters every overlapping pair is a token, a run of one character is a unigram, and a non-Han token passes
 * whole. Unlike CJKBigramFilter we know where words end, and a pair whose two characters belong to different words
 * is written {@code a|b}. Example: {@code 我们和服务员} → words {@code 我们 和 服务员}, bigrams
 * {@code 我们 们|和 和|服 服务 务员}. A query for 和服 asks for the unmarked pair only, so it does not match here,
 * while a query for 服务 (inside the word 服务员) does.
 *
 * <p>Thread-safe: stateless (the segmenter is per thread).
 */
final class ChineseAnalysis {
    static final char CROSSING = '|';

    private ChineseAnalysis() {}

    /** A word at {@code [start, end)} of the folded text. */
    record Word(String text, int start, int end) {}

    /**
     * A bigram-field token: {@code text} is a Han pair ({@code 服务}), a lone Han character, or a non-Han token;
     * {@code crossing} is true for a pair whose characters belong to different words. The indexed term is
     * {@link #term()}.
     */
    record Gram(String text, boolean pair, boolean crossing) {
        String term() {
            return crossing ? crossingForm() : text;
        }

        String crossingForm() {
            int split = Character.charCount(text.codePointAt(0));
            return text.substring(0, split) + CROSSING + text.substring(split);
        }
    }

    /** HanLP's words of already-folded text, punctuation and spaces dropped. */
    static List<Word> words(String folded) {
        List<Word> words = new ArrayList<>();
        if (folded.isEmpty()) {
            return words;
        }
        List<Term> terms = io.huixun.text.Segmenter.segment(folded);
        int cursor = 0;
        for (Term term : terms) {
            String text = term.word;
            int start = term.offset;
            // Trust but verify HanLP's offsets: fall back to searching forward if they disagree with the text.
            if (start < 0 || start + text.length() > folded.length() || !folded.startsWith(text, start)) {
                start = folded.indexOf(text, cursor);
                if (start < 0) {
                    continue;
                }
            }
            cursor = start + text.length();
            if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(new Word(text, start, start + text.length()));
            }
        }
        return words;
    }

    /**
     * The words of already-folded text whose segmentation is known: {@code known} segmented the unfolded text, and
     * folding kept every offset (width, case and script are folded one character for one), so each word is the folded
     * text at the same offsets. Punctuation and spaces are dropped as in {@link #words(String)}. Example: known
     * 外長|王毅 over 外長王毅, folded 外长王毅 → 外长, 王毅.
     */
    static List<Word> words(String folded, Words known) {
        if (known.text().length() != folded.length()) {
            return words(folded);
        }
        List<Word> words = new ArrayList<>(known.size());
        for (int i = 0; i < known.size(); i++) {
            String text = folded.substring(known.start(i), known.end(i));
            if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(new Word(text, known.start(i), known.end(i)));
            }
        }
        return words;
    }

    private record Unit(String text, int start, int end, int word, boolean han) {}

    /** The bigram-field tokens of folded text whose words are {@code words}. */
    static List<Gram> grams(List<Word> words) {
        List<Unit> units = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            String t = word.text();
            int i = 0;
            while (i < t.length()) {
                int cp = t.codePointAt(i);
                int n = Character.charCount(cp);
                if (isHan(cp)) {
                    units.add(new Unit(t.substring(i, i + n), word.start() + i, word.start() + i + n, w, true));
                    i += n;
                } else {
                    int start = i;
                    while (i < t.length() && !isHan(t.codePointAt(i))) {
                        i += Character.charCount(t.codePointAt(i));
                    }
                    String run = t.substring(start, i);
                    if (run.codePoints().anyMatch(Character::isLetterOrDigit)) {
                        units.add(new Unit(run, word.start() + start, word.start() + i, w, false));
                    }
                }
            }
        }
        List<Gram> grams = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            Unit u = units.get(i);
            if (!u.han()) {
                grams.add(new Gram(u.text(), false, false));
                i++;
                continue;
            }
            int j = i + 1;
            while (j < units.size() && units.get(j).han() && units.get(j).start() == units.get(j - 1).end()) {
                j++;
            }
            if (j - i == 1) {
                grams.add(new Gram(u.text(), false, false));
            } else {
                for (int k = i; k + 1 < j; k++) {
                    Unit a = units.get(k);
                    Unit b = units.get(k + 1);
                    grams.add(new Gram(a.text() + b.text(), true, a.word() != b.word()));
                }
            }
            i = j;
        }
        return grams;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** True when {@code s} is exactly two Han characters: the queries the word-boundary rule protects. */
    static boolean isHanPair(String s) {
        return s.codePointCount(0, s.length()) == 2 && s.codePoints().allMatch(ChineseAnalysis::isHan);
    }
}
