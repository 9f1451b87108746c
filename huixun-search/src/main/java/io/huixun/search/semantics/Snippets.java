package io.huixun.search.semantics;

import io.huixun.search.HighlightedText;
import io.huixun.text.TextFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Marks query matches in displayed text and cuts a passage around the best of them.
 *
 * <p>Design note. Matching is redone on the folded display text (a plain substring search for each folded query
 * string), not read from the index: it is cheap for news-sized texts and finds exactly what the reader sees, in
 * either script. Folded offsets map back to the displayed text ({@link TextFold}). A two-character Han match is kept
 * only if it is a whole word or lies inside one word, the same rule the query uses, so 和服 is not marked in 和服务.
 * Word boundaries come from the index's own segmentation, stored with the document ({@link WordStarts}: a bit
 * test per match); only a document indexed without them has the neighbourhood of each match segmented again. Longer matches win over shorter overlapping ones. Example: query 一带一路 on
 * {@code 共建「一帶一路」倡議} → text unchanged, mark [3, 7).
 *
 * <p>Stateless and thread-safe.
 */
final class Snippets {
    /** Target passage length in chars. */
    static final int PASSAGE = 120;
    /** Context kept before the first match of a passage. */
    private static final int LEAD = 24;

    private Snippets() {}

    private record Match(int start, int end) {}

    /** The whole text with every match marked. */
    static HighlightedText markAll(String text, List<String> targets, WordStarts starts) {
        TextFold.Folded folded = TextFold.forMatching(text);
        List<Match> matches = matches(folded.text(), targets, boundaries(folded.text(), starts));
        return toHighlighted(text, folded, matches, 0, folded.text().length(), false, false);
    }

    /** A passage of about {@link #PASSAGE} chars around the densest group of matches; the start when none. */
    static HighlightedText passage(String text, List<String> targets, WordStarts starts) {
        TextFold.Folded folded = TextFold.forMatching(text);
        String f = folded.text();
        Boundaries words = boundaries(f, starts);
        // The passage is chosen on raw substring matches; the word-boundary rule (which segments text, the costly
        // part) is then applied only to the matches inside the chosen passage.
        List<Match> matches = matches(f, targets, null);
        if (matches.isEmpty()) {
            int end = Math.min(f.length(), PASSAGE);
            return toHighlighted(text, folded, matches, 0, end, false, end < f.length());
        }
        int bestStart = 0;
        int bestScore = -1;
        for (Match m : matches) {
            int from = Math.max(0, m.start() - LEAD);
            int to = from + PASSAGE;
            int score = 0;
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (Match o : matches) {
                if (o.start() >= from && o.end() <= to) {
                    score++;
                    distinct.add(f.substring(o.start(), o.end()));
                }
            }
            score += distinct.size() * 100;
            if (score > bestScore) {
                bestScore = score;
                bestStart = from;
            }
        }
        // Start at a sentence or line start if one is close before the window.
        for (int i = bestStart; i > 0 && i > bestStart - LEAD; i--) {
            char c = f.charAt(i - 1);
            if (c == '\n' || c == '。' || c == '!' || c == '?' || c == '！' || c == '？') {
                bestStart = i;
                break;
            }
        }
        int end = Math.min(f.length(), bestStart + PASSAGE);
        int from = bestStart;
        List<Match> shown = matches.stream().filter(m -> m.start() >= from && m.end() <= end)
                .filter(m -> !ChineseAnalysis.isHanPair(f.substring(m.start(), m.end()))
                        || words.insideOneWord(m.start(), m.end()))
                .toList();
        return toHighlighted(text, folded, shown, bestStart, end, bestStart > 0, end < f.length());
    }

    /**
     * Enough occurrences of one term to choose a passage: each two-character occurrence costs a segmentation of its
     * neighbourhood, and a broad query's hits can repeat a term dozens of times (search threads spent most of their
     * time here under load before this cap).
     */
    static final int MAX_MATCHES_PER_TERM = 12;

    /** The word-boundary test on one folded text. */
    @FunctionalInterface
    private interface Boundaries {
        boolean insideOneWord(int start, int end);
    }

    /** Stored word starts when they fit this text; else segmentation of each match's neighbourhood. */
    private static Boundaries boundaries(String folded, WordStarts starts) {
        if (starts.covers(folded.length())) {
            return starts::insideOneWord;
        }
        return (start, end) -> insideOneWord(folded, start, end);
    }

    /** Substring matches of the targets, longest first at a position; {@code boundaries} null: not checked. */
    private static List<Match> matches(String folded, List<String> targets, Boundaries boundaries) {
        List<Match> all = new ArrayList<>();
        for (String t : targets) {
            if (t.isEmpty()) {
                continue;
            }
            int found = 0;
            for (int at = folded.indexOf(t); at >= 0 && found < MAX_MATCHES_PER_TERM; at = folded.indexOf(t, at + 1)) {
                if (boundaries != null && ChineseAnalysis.isHanPair(t)
                        && !boundaries.insideOneWord(at, at + t.length())) {
                    continue;
                }
                all.add(new Match(at, at + t.length()));
                found++;
            }
        }
        all.sort(Comparator.comparingInt(Match::start).thenComparing(m -> -(m.end() - m.start())));
        List<Match> kept = new ArrayList<>();
        int last = 0;
        for (Match m : all) {
            if (m.start() >= last) {
                kept.add(m);
                last = m.end();
            }
        }
        return kept;
    }

    /** Whether {@code [start, end)} is a word or inside one, segmenting a small neighbourhood. */
    private static boolean insideOneWord(String folded, int start, int end) {
        int from = Math.max(0, start - 8);
        int to = Math.min(folded.length(), end + 8);
        for (ChineseAnalysis.Word w : ChineseAnalysis.words(folded.substring(from, to))) {
            if (w.start() + from <= start && w.end() + from >= end) {
                return true;
            }
        }
        return false;
    }

    private static HighlightedText toHighlighted(String original, TextFold.Folded folded, List<Match> matches,
            int from, int to, boolean leadingEllipsis, boolean trailingEllipsis) {
        int oFrom = folded.original(from);
        int oTo = folded.original(to);
        // Do not cut a surrogate pair in half.
        if (oFrom > 0 && oFrom < original.length() && Character.isLowSurrogate(original.charAt(oFrom))) {
            oFrom++;
        }
        if (oTo > 0 && oTo < original.length() && Character.isLowSurrogate(original.charAt(oTo))) {
            oTo--;
        }
        String prefix = leadingEllipsis ? "…" : "";
        StringBuilder text = new StringBuilder(prefix).append(original, oFrom, Math.max(oFrom, oTo));
        if (trailingEllipsis) {
            text.append('…');
        }
        List<HighlightedText.Span> spans = new ArrayList<>();
        int last = 0;
        for (Match m : matches) {
            if (m.start() < from || m.end() > to) {
                continue;
            }
            int s = folded.original(m.start()) - oFrom + prefix.length();
            int e = folded.original(m.end()) - oFrom + prefix.length();
            if (s >= last && e > s && e <= text.length()) {
                spans.add(new HighlightedText.Span(s, e));
                last = e;
            }
        }
        return new HighlightedText(text.toString(), spans);
    }
}
