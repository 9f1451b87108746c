package io.huixun.bench.search;

import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.text.TextFold;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the list of regional phrases that are also ordinary mainland words with another meaning (建立 "establish" vs
 * TW 建立 for 创建 "create"; 核心 vs 内核), which the search must not expand: {@code ./bench regional-ambiguity
 * [OUT]} (default huixun-search/src/main/resources/io/huixun/search/semantics/regional-ambiguous.txt).
 *
 * <p>Rule: in the CCTV pool (mainland news), a regional form r of pair (mainland m, regional r) is ambiguous when the
 * articles containing r but not m number at least 5 and at least 5% of those containing m. Example: 资讯 (56 of
 * 1,860: kept), 建立 (hundreds: listed). Only the words are written, no text of the pool.
 */
public final class RegionalAmbiguity {
    private RegionalAmbiguity() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0]
                : "huixun-search/src/main/resources/io/huixun/search/semantics/regional-ambiguous.txt");
        List<String> folded = new ArrayList<>();
        for (CctvCorpus.Record r : CctvCorpus.load(Integer.MAX_VALUE)) {
            folded.add(TextFold.forMatchingText(r.title() + "\n" + r.body()));
        }
        Set<String> ambiguous = new LinkedHashSet<>();
        int pairs = 0;
        for (String[] p : SearchLatency.pairs(folded)) {
            pairs++;
            int withM = 0;
            int onlyR = 0;
            for (String f : folded) {
                boolean m = f.contains(p[0]);
                if (m) {
                    withM++;
                } else if (f.contains(p[1])) {
                    onlyR++;
                }
            }
            if (onlyR >= 5 && onlyR >= 0.05 * withM) {
                ambiguous.add(p[1]);
                System.out.printf(Locale.ROOT, "%s (for %s): %d articles without %s, %d with it%n", p[1], p[0], onlyR,
                        p[0], withM);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Regional phrases (OpenCC TWPhrases/HKPhrases, folded to simplified) that mainland news also uses in");
        lines.add("# another sense; search does not expand them. Made by ./bench regional-ambiguity from the CCTV pool:");
        lines.add("# listed when >= 5 articles (and >= 5% of those with the mainland form) contain it without the mainland form.");
        lines.addAll(ambiguous);
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d of %d pairs found ambiguous; written to %s%n", ambiguous.size(), pairs, out);
    }
}
