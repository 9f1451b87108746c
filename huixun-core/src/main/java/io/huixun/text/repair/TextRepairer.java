package io.huixun.text.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The repair stage: turns damaged Chinese web text into canonical text plus a log of every edit, keeping the input.
 *
 * <p>Each line goes through the fixers in order: HTML entities, wrong-charset mojibake (again on its own output, for
 * double layers), invisible characters, spam pinyin, byte misalignment, lost characters, punctuation and width, script.
 * A line with nothing suspicious in it (the usual case) is passed over by a table scan without running any fixer.
 * Japanese and Korean lines (kana, hangul) get only the charset fixer. Example:
 * {@code 當(dāng)?shù)貢r間2025年4月26日,中國} → {@code 当地时间2025年4月26日，中国}.
 *
 * <p>Instances are immutable and safe to share between threads. Offsets in {@link Edit} are UTF-16 indexes.
 */
public final class TextRepairer {
    private static final char[] ASCII_ATTENTION = {'?', '&', '(', ')', ',', '!', ':', ';'};

    private final RepairOptions options;
    private final boolean[] attention = new boolean[65536];
    private final boolean[] asciiAttention = new boolean[128];
    private final List<Fixer> chineseFixers;
    private final Fixer mojibake = new CharsetMojibakeFixer();

    private TextRepairer(RepairOptions options) {
        this.options = options;
        List<Fixer> fixers = new ArrayList<>();
        fixers.add(new EntityDecoder());
        fixers.add(mojibake);
        fixers.add(mojibake);
        fixers.add(new InvisibleCharacterRemover()); // after mojibake: cp1252 mojibake holds soft hyphens (直播 → ç›´æ’­)
        fixers.add(new PinyinAnnotationRemover());
        fixers.add(new ByteMisalignmentFixer());
        fixers.add(new LostCharacterRestorer());
        fixers.add(new PunctuationWidthNormalizer());
        switch (options.script()) {
            case SIMPLIFIED -> fixers.add(new ScriptNormalizer(true));
            case TRADITIONAL -> fixers.add(new ScriptNormalizer(false));
            case KEEP -> { }
        }
        this.chineseFixers = List.copyOf(fixers);
        for (char c : ASCII_ATTENTION) {
            asciiAttention[c] = true;
        }
        CharModel model = CharModel.get();
        for (int c = 0x80; c < 65536; c++) {
            char ch = (char) c;
            boolean suspicious = c <= 0xFF || ch == '\uFFFD' || ch == '□' || InvisibleCharacterRemover.isInvisible(ch)
                    || PunctuationWidthNormalizer.isFullWidthAlnum(ch) || CharClasses.isKanaOrHangul(ch)
                    || (c >= 0x100 && c < 0x2000 && CharsetMojibakeFixer.latinByte(ch) >= 0);
            if (CharClasses.isHan(ch)) {
                suspicious |= model.count(CharClasses.toSimplified(ch)) < ByteMisalignmentFixer.RARE + 2;
                suspicious |= switch (options.script()) {
                    case SIMPLIFIED -> CharClasses.toSimplified(ch) != ch;
                    case TRADITIONAL -> CharClasses.toTraditional(ch) != ch;
                    case KEEP -> false;
                };
            }
            attention[c] = suspicious;
        }
    }

    /** A repairer with the given options. Loading the model takes a moment the first time. */
    public static TextRepairer create(RepairOptions options) {
        return new TextRepairer(Objects.requireNonNull(options, "options"));
    }

    public RepairOptions options() {
        return options;
    }

    /** Repairs {@code text}; line terminators ({@code \n}, {@code \r\n}, {@code \r}) are kept as they are. */
    public RepairResult repair(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = null;
        List<Edit> edits = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int next = lineEnd;
            if (next < n) {
                next += text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n' ? 2 : 1;
            }
            if (needsRepair(text, lineStart, lineEnd)) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(text, 0, lineStart);
                }
                String line = text.substring(lineStart, lineEnd);
                repairLine(line, lineStart, out.length(), edits, out);
            } else if (out != null) {
                out.append(text, lineStart, lineEnd);
            }
            if (out != null) {
                out.append(text, lineEnd, next);
            }
            if (next == n && lineEnd == n) {
                break;
            }
            lineStart = next;
        }
        return new RepairResult(text, out == null ? text : out.toString(), edits);
    }

    /** The fast path: a table lookup per character. */
    private boolean needsRepair(String text, int from, int to) {
        boolean ascii = false;
        boolean han = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ascii |= asciiAttention[c];
            } else if (attention[c]) {
                return true;
            } else {
                han |= c >= 0x3400;
            }
        }
        return ascii && han;
    }

    private void repairLine(String line, int inputOffset, int outputOffset, List<Edit> edits, StringBuilder out) {
        List<Fixer> fixers = CharClasses.isJapaneseOrKorean(line) ? List.of(mojibake) : chineseFixers;
        List<String> texts = new ArrayList<>();
        List<List<Replacement>> stages = new ArrayList<>();
        String current = line;
        Fixer idle = null;
        for (Fixer fixer : fixers) {
            if (fixer == idle) {
                continue; // the same fixer again (mojibake, for a second layer) on the text it found nothing in
            }
            List<Replacement> found = new ArrayList<>();
            fixer.find(current, found);
            found = nonOverlapping(found);
            if (found.isEmpty()) {
                idle = fixer;
                continue;
            }
            idle = null;
            texts.add(current);
            stages.add(found);
            current = apply(current, found);
        }
        List<StageMap> maps = new ArrayList<>(stages.size());
        for (List<Replacement> stage : stages) {
            maps.add(new StageMap(stage));
        }
        for (int k = 0; k < stages.size(); k++) {
            StageMap map = maps.get(k);
            List<Replacement> stage = stages.get(k);
            for (int i = 0; i < stage.size(); i++) {
                Replacement r = stage.get(i);
                int inStart = r.start();
                int inEnd = r.end();
                for (int j = k - 1; j >= 0; j--) {
                    inStart = maps.get(j).back(inStart, false);
                    inEnd = maps.get(j).back(inEnd, true);
                }
                int outStart = map.outStart[i];
                int outEnd = outStart + r.text().length();
                for (int j = k + 1; j < stages.size(); j++) {
                    outStart = maps.get(j).forward(outStart, false);
                    outEnd = maps.get(j).forward(outEnd, true);
                }
                edits.add(new Edit(inputOffset + inStart, inputOffset + Math.max(inStart, inEnd),
                        outputOffset + outStart, outputOffset + Math.max(outStart, outEnd), r.kind(),
                        r.confidence(), texts.get(k).substring(r.start(), r.end()), r.text()));
            }
        }
        out.append(current);
    }

    private static List<Replacement> nonOverlapping(List<Replacement> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        List<Replacement> kept = new ArrayList<>(found.size());
        int end = -1;
        for (Replacement r : found) {
            if (r.start() >= end && !(r.start() == r.end() && r.start() == end && end >= 0 && !kept.isEmpty()
                    && kept.get(kept.size() - 1).end() == end && kept.get(kept.size() - 1).start() == end)) {
                kept.add(r);
                end = r.end();
            }
        }
        return kept;
    }

    private static String apply(String text, List<Replacement> replacements) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Replacement r : replacements) {
            b.append(text, at, r.start()).append(r.text());
            at = r.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    /**
     * Offset mapping through one stage's replacements (sorted, non-overlapping), by binary search: a long line
     * with thousands of edits stays O(n log n). An offset inside a replaced span maps to the span's start, or to its
     * end for an end offset.
     */
    static final class StageMap {
        final int[] inStart;
        final int[] inEnd;
        final int[] outStart;
        final int[] outEnd;

        StageMap(List<Replacement> stage) {
            int n = stage.size();
            inStart = new int[n];
            inEnd = new int[n];
            outStart = new int[n];
            outEnd = new int[n];
            int delta = 0;
            for (int i = 0; i < n; i++) {
                Replacement r = stage.get(i);
                inStart[i] = r.start();
                inEnd[i] = r.end();
                outStart[i] = r.start() + delta;
                outEnd[i] = outStart[i] + r.text().length();
                delta += r.text().length() - (r.end() - r.start());
            }
        }

        int forward(int pos, boolean end) {
            return map(inStart, inEnd, outStart, outEnd, pos, end);
        }

        int back(int pos, boolean end) {
            return map(outStart, outEnd, inStart, inEnd, pos, end);
        }

        private static int map(int[] fromStart, int[] fromEnd, int[] toStart, int[] toEnd, int pos, boolean end) {
            // i = number of spans wholly before pos (an empty span at pos counts as before only for an end offset)
            int lo = 0;
            int hi = fromEnd.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (fromEnd[mid] < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int i = lo;
            while (i < fromEnd.length && fromEnd[i] == pos && (fromStart[i] < pos || end)) {
                i++;
            }
            if (i < fromStart.length && fromStart[i] < pos) {
                return end ? toEnd[i] : toStart[i];
            }
            return i == 0 ? pos : pos - fromEnd[i - 1] + toEnd[i - 1];
        }
    }
}
