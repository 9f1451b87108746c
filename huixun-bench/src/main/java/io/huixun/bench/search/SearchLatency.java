package io.huixun.bench.search;

import io.huixun.bench.common.ConcurrentLatency;
import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.search.FacetKind;
import io.huixun.search.SearchDocument;
import io.huixun.search.SearchIndex;
import io.huixun.search.SearchRequest;
import io.huixun.search.SearchResponse;
import io.huixun.search.SearchResult;
import io.huixun.search.SortOrder;
import io.huixun.search.lucene.LuceneSearchIndex;
import io.huixun.text.TextFold;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process search latency and regional-vocabulary recall on the CCTV pool (issue 12), through the
 * {@link SearchIndex} interface only, so the same runner measures any version of the index.
 *
 * <p>Query classes (seeded): {@code phrase} (a run of 4–8 Han characters found in one article only),
 * {@code phrase-trad} (the same in traditional script), {@code and} (two pieces of one article), as in
 * {@code query-latency}; {@code broad} (a two-character Han string from a random title that occurs in at least 2% of
 * the articles: 发展, 会议 …); {@code regional} (a Taiwan/Hong Kong phrase of OpenCC's TWPhrases/HKPhrases, in
 * traditional script, whose mainland counterpart occurs in the pool: 軟體, 網路, 資訊 …). Each query runs as the web
 * page asks (page 1 of 10, all five facets, duplicates collapsed) and as the JSON API could (no facets).
 *
 * <p>Regional recall: for each pair (mainland m, regional r) with m in the pool, the articles whose folded text
 * contains m or r are the relevant ones; the regional query r should find them, and so should m. Extra articles
 * found (containing neither) are counted as false matches; articles added to the mainland query m only because they
 * contain r (the regional form used with a mainland meaning) are counted apart, for reading.
 *
 * <p>Usage: {@code ./bench search-latency INDEX_DIR [CLIENTS] [ROUNDS] [SEED] [PER_CLASS]} (8 clients, 1 round, seed 42, 60
 * queries per class): the cold pass warms the index for the measured ones; in a round
 * every client sends every query once, in its own order. The index is built in INDEX_DIR (two threads) unless it already holds the whole pool.
 */
public final class SearchLatency {
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final ChineseConverter T2S = ChineseConverter.of(ConversionConfig.T2S);
    private static final ChineseConverter S2T = ChineseConverter.of(ConversionConfig.S2T);

    record Q(String kind, String text) {}

    private SearchLatency() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: search-latency INDEX_DIR [CLIENTS] [ROUNDS] [SEED] [PER_CLASS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        int perClass = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        List<CctvCorpus.Record> pool = CctvCorpus.load(Integer.MAX_VALUE);
        System.out.printf(Locale.ROOT, "search-latency: %,d articles; %d clients; %d rounds; seed %d; load %s%n",
                pool.size(), clients, rounds, seed, load());
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            if (index.count() < pool.size()) {
                long t0 = System.nanoTime();
                build(index, pool);
                System.out.printf(Locale.ROOT, "indexed %,d articles in %.1f s (2 threads)%n", pool.size(),
                        (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.println("index reused from " + dir);
            }
            List<String> folded = pool.stream().map(r -> TextFold.forMatchingText(r.title() + "\n" + r.body()))
                    .toList();
            List<Q> queries = new ArrayList<>();
            for (var q : io.huixun.bench.web.QueryLatencyAccess.generate(pool, seed, perClass)) {
                queries.add(new Q(q[0], q[1]));
            }
            Random random = new Random(seed);
            queries.addAll(broad(pool, folded, random, perClass));
            List<String[]> pairs = pairs(folded);
            List<String[]> timedPairs = new ArrayList<>(pairs);
            java.util.Collections.shuffle(timedPairs, new Random(seed + 3));
            for (String[] p : timedPairs.subList(0, Math.min(perClass, timedPairs.size()))) {
                queries.add(new Q("regional", p[2]));
            }
            Map<String, Integer> perKind = new LinkedHashMap<>();
            queries.forEach(q -> perKind.merge(q.kind(), 1, Integer::sum));
            System.out.println("queries: " + perKind);

            if (perClass == 0) { // regional recall only
                regionalRecall(index, folded, pairs);
                return;
            }
            long w0 = System.nanoTime();
            try {
                SearchIndex.class.getMethod("warmUp").invoke(index);
                System.out.printf(Locale.ROOT, "warmUp(): %.1f s%n", (System.nanoTime() - w0) / 1e9);
            } catch (NoSuchMethodException e) {
                System.out.println("warmUp(): not in this version");
            }
            // The first requests after opening (after warmUp when there is one), 8 clients, each query once.
            List<Q> firstOrder = new ArrayList<>(queries);
            java.util.Collections.shuffle(firstOrder, new Random(seed + 7));
            firstOrder = firstOrder.subList(0, Math.min(50, firstOrder.size()));
            report("cold: the first " + firstOrder.size() * clients + " web requests after open (" + clients
                    + " clients)", measure(index, firstOrder, clients, 1, true));
            for (boolean facets : new boolean[] {true, false}) {
                report(facets ? "web (all facets, collapsed)" : "api (no facets, collapsed)",
                        measure(index, queries, clients, rounds, facets));
            }
            regionalRecall(index, folded, pairs);
        }
    }

    private static void build(LuceneSearchIndex index, List<CctvCorpus.Record> pool) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                fs.add(threads.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < pool.size(); ) {
                        CctvCorpus.Record r = pool.get(i);
                        index.put(SearchDocument.of(String.valueOf(i), r.url().orElse(""), r.title(), r.body(),
                                r.source(), OffsetDateTime.of(LocalDate.parse(r.date()).atTime(19, 0), SHANGHAI)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        index.commit();
    }

    private static SearchRequest request(String q, boolean facets) {
        return new SearchRequest(q, List.of(), SortOrder.RELEVANCE, 1, 10,
                facets ? EnumSet.allOf(FacetKind.class) : Set.of(), true);
    }

    record Timed(String kind, long nanos) {}

    private static Map<String, long[]> measure(SearchIndex index, List<Q> queries, int clients, int rounds,
            boolean facets) throws Exception {
        List<Q> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            all.addAll(queries);
        }
        java.util.concurrent.ConcurrentLinkedQueue<Timed> times = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ConcurrentLatency.measure(all, clients, q -> {
            long t = System.nanoTime();
            SearchResult r = index.search(request(q.text(), facets));
            if (!(r instanceof SearchResponse)) {
                throw new IllegalStateException("query refused: " + q.text() + " " + r);
            }
            times.add(new Timed(q.kind(), System.nanoTime() - t));
        });
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        byKind.put("all", new ArrayList<>());
        for (Timed t : times) {
            byKind.get("all").add(t.nanos());
            byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t.nanos());
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        byKind.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
        return out;
    }

    private static void report(String title, Map<String, long[]> byKind) {
        System.out.println();
        System.out.println("### " + title + " (load " + load() + ")");
        System.out.println("| class | requests | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        byKind.forEach((k, ms) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", k,
                ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static List<Q> broad(List<CctvCorpus.Record> pool, List<String> folded, Random random, int want) {
        List<Q> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int minArticles = pool.size() / 50;
        for (int attempts = 0; out.size() < want && attempts < want * 200; attempts++) {
            String title = T2S.convert(pool.get(random.nextInt(pool.size())).title());
            if (title.length() < 3) {
                continue;
            }
            int at = random.nextInt(title.length() - 1);
            String w = title.substring(at, at + 2);
            if (!isHan(w.charAt(0)) || !isHan(w.charAt(1)) || !seen.add(w)) {
                continue;
            }
            if (articles(folded, w, minArticles) >= minArticles) {
                out.add(new Q("broad", w));
            }
        }
        return out;
    }

    private static int articles(List<String> folded, String s, int limit) {
        int n = 0;
        for (String f : folded) {
            if (f.contains(s) && ++n >= limit) {
                break;
            }
        }
        return n;
    }

    /**
     * Pairs of OpenCC's regional tables whose mainland form occurs in the pool: {mainland folded, regional folded,
     * regional as a Taiwan/Hong Kong reader types it (traditional)}.
     */
    static List<String[]> pairs(List<String> folded) throws Exception {
        Path dict = Path.of("huixun-core/src/main/opencc/dictionary");
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String table : List.of("TWPhrases.txt", "HKPhrases.txt")) {
            for (String line : Files.readAllLines(dict.resolve(table), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split("\t", 2);
                if (kv.length < 2) {
                    continue;
                }
                String m = T2S.convert(kv[0].strip());
                for (String v : kv[1].strip().split("\\s+")) {
                    String r = T2S.convert(v);
                    if (r.equals(m) || r.length() < 2 || !seen.add(m + "\t" + r)) {
                        continue;
                    }
                    if (articles(folded, m, 1) > 0) {
                        out.add(new String[] {m, r, v});
                    }
                }
            }
        }
        return out;
    }

    private static void regionalRecall(SearchIndex index, List<String> folded, List<String[]> pairs) {
        int relevantAll = 0;
        int foundByRegional = 0;
        int foundByMainland = 0;
        int falseRegional = 0;
        int addedToMainland = 0;
        List<String> rows = new ArrayList<>();
        for (String[] p : pairs) {
            Set<String> rel = new HashSet<>();
            Set<String> withR = new HashSet<>();
            for (int i = 0; i < folded.size(); i++) {
                boolean m = folded.get(i).contains(p[0]);
                boolean r = folded.get(i).contains(p[1]);
                if (m || r) {
                    rel.add(String.valueOf(i));
                }
                if (r && !m) {
                    withR.add(String.valueOf(i));
                }
            }
            Set<String> byR = ids(index, p[2]);
            Set<String> byM = ids(index, S2T.convert(p[0]).equals(p[0]) ? p[0] : p[0]);
            int fr = (int) byR.stream().filter(rel::contains).count();
            int fm = (int) byM.stream().filter(rel::contains).count();
            relevantAll += rel.size();
            foundByRegional += fr;
            foundByMainland += fm;
            falseRegional += (int) byR.stream().filter(x -> !rel.contains(x)).count();
            int added = (int) byM.stream().filter(withR::contains).count();
            addedToMainland += added;
            rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d |", p[2], p[0], rel.size(), fr, fm,
                    added));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "### Regional vocabulary: %d pairs whose mainland form is in the pool%n",
                pairs.size());
        System.out.printf(Locale.ROOT, "relevant articles (contain either form), summed over pairs: %d%n", relevantAll);
        System.out.printf(Locale.ROOT, "recall of the regional query: %d/%d = %.3f; of the mainland query: %d/%d = %.3f%n",
                foundByRegional, relevantAll, foundByRegional / (double) relevantAll, foundByMainland, relevantAll,
                foundByMainland / (double) relevantAll);
        System.out.printf(Locale.ROOT, "articles found by the regional query containing neither form: %d%n",
                falseRegional);
        System.out.printf(Locale.ROOT, "articles the mainland query finds only through the regional form (read them:"
                + " a regional form used in a mainland sense is a false match): %d%n", addedToMainland);
        System.out.println("| regional query | mainland | relevant | found by regional | found by mainland |"
                + " added to mainland via regional form |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Ids of up to 1,000 hits, duplicates not collapsed (ids are pool positions). */
    private static Set<String> ids(SearchIndex index, String q) {
        Set<String> out = new HashSet<>();
        for (int page = 1; page <= 10; page++) {
            SearchResult r = index.search(new SearchRequest(q, List.of(), SortOrder.RELEVANCE, page, 100, Set.of(),
                    false));
            if (!(r instanceof SearchResponse resp) || resp.hits().isEmpty()) {
                break;
            }
            resp.hits().forEach(h -> out.add(h.id()));
            if (resp.hits().size() < 100) {
                break;
            }
        }
        return out;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
