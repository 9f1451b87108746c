package io.huixun.bench.web;

import io.huixun.bench.common.ConcurrentLatency;
import io.huixun.bench.common.HanRuns;
import io.huixun.bench.common.SearchApiCall;
import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Search latency of a RUNNING server, measured through its JSON API ({@code GET /api/search?q=…&limit=10}) with
 * several concurrent clients (issue 5), plus recall@10 of known-item phrase queries.
 *
 * <p>Design: the queries are generated from the CCTV pool with a seed, so a run is reproducible against a data folder
 * made from the same pool: a {@code phrase} is a run of 4–8 Han characters from a random article that occurs in no
 * other article's title or body; {@code phrase-trad} is the same phrase after OpenCC s2t (the reader typed it in
 * traditional script); {@code and} is two 3–4-character pieces from two different places of a random article, joined
 * by a space (the query language's AND). The API's ids are the store's, not the pool's, so a hit is the source
 * article when its {@code url} equals the source's (only articles whose URL is unique in the pool are sources).
 * Example (seed 42): the article at tv.cctv.com/2023/07/31/VIDEA9Ta…230731.shtml gives the phrase {@code 队强化思想引领},
 * its traditional form {@code 隊強化思想引領} and the AND query {@code 向跃东 扬风貌}. Pieces are cut at random, so they
 * may cross word boundaries, as pasted fragments do.
 *
 * <p>One unmeasured pass (all queries once, same clients) warms the server and yields recall and hit counts; then
 * the measured passes run ROUNDS times over the shuffled list (or for a duration such as {@code 60s}).
 *
 * <p>Usage: {@code ./bench query-latency BASE_URL [generate|QUERIES.tsv] [CLIENTS] [ROUNDS|SECONDSs] [SEED]
 * [PHRASES]}; defaults: generate, 8 clients, 3 rounds, seed 42, 120 phrases (so 360 queries). A TSV file has
 * lines {@code kind<TAB>query<TAB>source-url} (the URL may be empty: no recall for that line); the generated set is
 * written to such a file, whose path is printed. Skips when the pool is absent and the queries are generated.
 */
public final class QueryLatency {

    /** One query; {@code sourceUrl} empty when it has no known answer. */
    record Query(String kind, String text, String sourceUrl) {
    }

    /** One answered (or failed) request. {@code status} -1 is a transport error. */
    record Outcome(Query query, long nanos, int status, long total, List<String> urls) {
    }

    private QueryLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: query-latency BASE_URL [generate|QUERIES.tsv] [CLIENTS] [ROUNDS|SECONDSs] [SEED] [PHRASES]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String source = args.length > 1 ? args[1] : "generate";
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String run = args.length > 3 ? args[3] : "3";
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        int phrases = args.length > 5 ? Integer.parseInt(args[5]) : 120;

        List<Query> queries;
        if (source.equals("generate")) {
            long t0 = System.nanoTime();
            queries = generate(CctvCorpus.load(Integer.MAX_VALUE), seed, phrases);
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "huixun-query-latency-" + seed + "-" + phrases + ".tsv");
            Files.write(file, queries.stream().map(q -> q.kind() + "\t" + q.text() + "\t" + q.sourceUrl()).toList(),
                    StandardCharsets.UTF_8);
            System.out.printf("generated %d queries (seed %d) in %.1f s; written to %s%n", queries.size(), seed,
                    (System.nanoTime() - t0) / 1e9, file);
        } else {
            queries = read(Path.of(source));
            System.out.printf("read %d queries from %s%n", queries.size(), source);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("server %s; %d clients; load average before: %s%n", base, clients, loadAverage());
        // warm-up pass: unmeasured for latency, but it is where recall and hit counts come from
        List<Outcome> first = runPass(http, base, queries, clients, queries.size(), Long.MAX_VALUE);
        reportQuality(first);

        List<Query> order = new ArrayList<>(queries);
        Collections.shuffle(order, new Random(seed + 1));
        long requests;
        long deadline;
        if (run.endsWith("s")) {
            requests = Long.MAX_VALUE;
            deadline = System.nanoTime()
                    + Duration.ofSeconds(Long.parseLong(run.substring(0, run.length() - 1))).toNanos();
        } else {
            requests = (long) Integer.parseInt(run) * order.size();
            deadline = Long.MAX_VALUE;
        }
        long start = System.nanoTime();
        List<Outcome> measured = runPass(http, base, order, clients, requests, deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        reportLatency(measured, seconds, clients);
        System.out.printf("load average after: %s%n", loadAverage());
    }

    // ---- the load ----

    /** Sends {@code requests} queries (cycling through the list) with {@code clients} threads, or until the deadline. */
    private static List<Outcome> runPass(HttpClient http, String base, List<Query> queries, int clients,
                                         long requests, long deadlineNanos) throws Exception {
        return ConcurrentLatency.closedLoop(queries, clients, requests, deadlineNanos, q -> {
            SearchApiCall a = SearchApiCall.ask(http, base, q.text(), Duration.ofSeconds(30));
            return new Outcome(q, a.nanos(), a.status(), a.total(), a.urls());
        });
    }

    // ---- reports ----

    private static void reportQuality(List<Outcome> outcomes) {
        Map<String, int[]> byKind = new LinkedHashMap<>(); // kind → {queries, ok, found, known, inTop10}
        for (Outcome o : outcomes) {
            int[] k = byKind.computeIfAbsent(o.query().kind(), x -> new int[5]);
            k[0]++;
            if (o.status() == 200) {
                k[1]++;
            }
            if (o.total() > 0) {
                k[2]++;
            }
            if (!o.query().sourceUrl().isEmpty()) {
                k[3]++;
                if (o.urls().contains(o.query().sourceUrl())) {
                    k[4]++;
                }
            }
        }
        System.out.println();
        System.out.println("| kind | queries | answered 200 | with ≥ 1 hit | source article in top 10 (recall@10) |");
        System.out.println("|---|---|---|---|---|");
        byKind.forEach((kind, k) -> System.out.printf("| %s | %d | %d | %d | %s |%n", kind, k[0], k[1], k[2],
                k[3] == 0 ? "n/a" : String.format("%d/%d = %.3f", k[4], k[3], k[4] / (double) k[3])));
        System.out.println();
        List<Outcome> misses = outcomes.stream().filter(o -> !o.query().sourceUrl().isEmpty() && o.status() == 200
                && !o.urls().contains(o.query().sourceUrl()) && !o.query().kind().equals("and")).limit(10).toList();
        if (!misses.isEmpty()) {
            System.out.println("phrase misses (at most 10): " + misses.stream()
                    .map(o -> o.query().kind() + " '" + o.query().text() + "' (" + o.total() + " hits)").toList());
        }
        outcomes.stream().filter(o -> o.status() != 200).limit(5).forEach(o ->
                System.out.println("not 200: " + o.status() + " for '" + o.query().text() + "'"));
    }

    private static void reportLatency(List<Outcome> outcomes, double seconds, int clients) {
        System.out.printf("%nmeasured: %d requests in %.1f s = %.1f requests/s with %d clients%n", outcomes.size(),
                seconds, outcomes.size() / seconds, clients);
        long ok = outcomes.stream().filter(o -> o.status() == 200).count();
        long errors = outcomes.stream().filter(o -> o.status() == -1).count();
        long found = outcomes.stream().filter(o -> o.total() > 0).count();
        System.out.printf("answered 200: %d; other status: %d; transport errors: %d; with ≥ 1 hit: %d%n", ok,
                outcomes.size() - ok - errors, errors, found);
        System.out.println();
        System.out.println("| kind | requests | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        byKind.put("all", outcomes);
        for (Outcome o : outcomes) {
            byKind.computeIfAbsent(o.query().kind(), k -> new ArrayList<>()).add(o);
        }
        byKind.forEach((kind, list) -> {
            long[] ms = list.stream().mapToLong(Outcome::nanos).sorted().toArray();
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", kind, ms.length, pct(ms, 50), pct(ms, 90),
                    pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6);
        });
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    // ---- the queries ----

    private static List<Query> read(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            queries.add(f.length == 1 ? new Query("file", f[0], "")
                    : new Query(f[0], f[1], f.length > 2 ? f[2] : ""));
        }
        return queries;
    }

    static List<Query> generate(List<CctvCorpus.Record> pool, long seed, int phrases) {
        // All titles and bodies in one string, articles separated by NUL, to count in how many articles a phrase occurs.
        StringBuilder all = new StringBuilder(13_000_000);
        int[] starts = new int[pool.size() + 1];
        Map<String, Integer> urlCount = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            starts[i] = all.length();
            all.append(pool.get(i).title()).append('\n').append(pool.get(i).body()).append('\0');
            pool.get(i).url().ifPresent(u -> urlCount.merge(u, 1, Integer::sum));
        }
        starts[pool.size()] = all.length();
        String text = all.toString();
        ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
        Random random = new Random(seed);
        List<Query> simplified = new ArrayList<>();
        List<Query> and = new ArrayList<>();
        int attempts = 0;
        while ((simplified.size() < phrases || and.size() < phrases) && attempts++ < phrases * 200) {
            int a = random.nextInt(pool.size());
            CctvCorpus.Record r = pool.get(a);
            if (r.url().isEmpty() || urlCount.get(r.url().get()) != 1 || r.body().length() < 60) {
                continue;
            }
            String url = r.url().get();
            if (simplified.size() < phrases) {
                int length = 4 + random.nextInt(5);
                String phrase = HanRuns.around(r.body(), random.nextInt(r.body().length()), length);
                if (phrase != null && articlesContaining(text, starts, phrase, 2) == 1) {
                    simplified.add(new Query("phrase", phrase, url));
                }
            }
            if (and.size() < phrases) {
                String body = r.body();
                int half = body.length() / 2;
                String w1 = HanRuns.around(body, random.nextInt(half), 3 + random.nextInt(2));
                String w2 = HanRuns.around(body, half + random.nextInt(body.length() - half), 3 + random.nextInt(2));
                if (w1 != null && w2 != null && !w1.contains(w2) && !w2.contains(w1)) {
                    and.add(new Query("and", w1 + " " + w2, url));
                }
            }
        }
        List<Query> all3 = new ArrayList<>(simplified);
        for (Query q : simplified) {
            all3.add(new Query("phrase-trad", s2t.convert(q.text()), q.sourceUrl()));
        }
        all3.addAll(and);
        long changed = simplified.stream().filter(q -> !s2t.convert(q.text()).equals(q.text())).count();
        System.out.printf("phrases: %d (%d of them change under s2t); and-queries: %d%n", simplified.size(), changed,
                and.size());
        return all3;
    }

    /** In how many articles {@code phrase} occurs, counting up to {@code limit}. */
    private static int articlesContaining(String text, int[] starts, String phrase, int limit) {
        int count = 0;
        int lastArticle = -1;
        for (int i = text.indexOf(phrase); i >= 0 && count < limit; i = text.indexOf(phrase, i + 1)) {
            int article = Arrays.binarySearch(starts, i);
            article = article >= 0 ? article : -article - 2;
            if (article != lastArticle) {
                count++;
                lastArticle = article;
            }
        }
        return count;
    }
}
