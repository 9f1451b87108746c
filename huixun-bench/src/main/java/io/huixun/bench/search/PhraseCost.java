package io.huixun.bench.search;

import io.huixun.bench.common.HanRuns;
import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.search.FacetKind;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./bench phrase-cost INDEX_DIR [N] [ROUNDS] [trad | file:QUERIES]}: the cost of one search of one thread, as
 * the JSON API asks it (page 1 of 10, duplicates collapsed, no facets), for N phrase queries (default 200): runs of 4–8
 * Han characters from paragraphs of the CCTV pool (seeded), whose traditional form differs, as the scale probe makes
 * them; {@code trad} searches their traditional forms, {@code file:F} the lines of F instead. Opens an index folder
 * (a data folder's {@code index}) read-only, so it can run beside nothing else. Prints p50/p90/max and the sum per
 * round, and for the last round each query with its time and total, so two versions of the code can be compared
 * query by query (same totals) and in cost (issue 12: a phrase with hundreds of thousands of matches). It uses only
 * what older versions have too, so an older jar placed first on the class path runs it with its own search code:
 * {@code java -cp OLD.jar:huixun-bench.jar io.huixun.bench.search.PhraseCost …}.
 *
 * <p>Example: {@code round 3: p50 4.5 p90 12.0 max 27.9 sum 1258 ms}.
 */
public final class PhraseCost {
    private PhraseCost() {}

    public static void main(String[] args) throws Exception {
        String usage = "usage: bench phrase-cost INDEX_DIR [N ≥ 1] [ROUNDS ≥ 1] [trad | file:QUERIES]";
        String mode = args.length > 3 ? args[3] : "";
        int n;
        int rounds;
        try {
            n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
            rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        } catch (NumberFormatException e) {
            n = 0;
            rounds = 0;
        }
        if (args.length < 1 || args.length > 4 || n < 1 || rounds < 1
                || !(mode.isEmpty() || mode.equals("trad") || mode.startsWith("file:"))) {
            System.err.println(usage);
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path queryFile = mode.startsWith("file:") ? Path.of(mode.substring(5)) : null;
        if (queryFile != null && !Files.isReadable(queryFile)) {
            System.err.println("phrase-cost: cannot read the query file " + queryFile);
            System.exit(1);
        }
        List<String> queries = queryFile != null
                ? Files.readAllLines(queryFile).stream().filter(q -> !q.isBlank()).toList()
                : phrases(n, mode.equals("trad"));
        if (queries.isEmpty()) {
            System.err.println("phrase-cost: no queries (the file " + queryFile + " has no line with text)");
            System.exit(1);
        }
        LuceneSearchIndex opened;
        try {
            opened = LuceneSearchIndex.openReadOnly(dir);
        } catch (io.huixun.search.SearchIndexException e) {
            System.err.println("phrase-cost: " + e.getMessage());
            System.exit(1);
            return;
        }
        try (LuceneSearchIndex index = opened) {
            System.out.printf(Locale.ROOT, "phrase-cost: %,d documents in %s; %d queries; %d rounds%n", index.count(),
                    dir, queries.size(), rounds);
            for (int round = 0; round < rounds; round++) {
                long[] nanos = new long[queries.size()];
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    SearchRequest request = new SearchRequest(queries.get(i), List.of(), SortOrder.RELEVANCE, 1, 10,
                            EnumSet.noneOf(FacetKind.class), true);
                    long t0 = System.nanoTime();
                    SearchResult result = index.search(request);
                    nanos[i] = System.nanoTime() - t0;
                    String total = result instanceof SearchResponse r
                            ? r.total() + (r.totalIsLowerBound() ? "+" : "")
                            : "refused";
                    lines.add(String.format(Locale.ROOT, "%8.1f ms  %-12s %s", nanos[i] / 1e6, total,
                            queries.get(i)));
                }
                if (round == rounds - 1) {
                    lines.forEach(System.out::println);
                }
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "round %d: p50 %.1f p90 %.1f max %.1f sum %.0f ms%n", round,
                        sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                        sorted[sorted.length - 1] / 1e6, Arrays.stream(sorted).sum() / 1e6);
            }
        }
    }

    /** Runs of 4–8 Han characters around a random point of a random paragraph, whose traditional form differs. */
    static List<String> phrases(int n, boolean traditional) throws Exception {
        List<CctvCorpus.Record> pool = CctvCorpus.load(Integer.MAX_VALUE);
        ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
        Random r = new Random(45);
        List<String> out = new ArrayList<>();
        for (int tries = 0; out.size() < n && tries < n * 1000; tries++) {
            String[] paragraphs = pool.get(r.nextInt(pool.size())).body().split("\n");
            String paragraph = paragraphs[r.nextInt(paragraphs.length)];
            if (paragraph.isEmpty()) {
                continue;
            }
            String run = HanRuns.around(paragraph, r.nextInt(paragraph.length()), 4 + r.nextInt(5));
            if (run != null && !s2t.convert(run).equals(run)) {
                out.add(traditional ? s2t.convert(run) : run);
            }
        }
        return out;
    }
}
