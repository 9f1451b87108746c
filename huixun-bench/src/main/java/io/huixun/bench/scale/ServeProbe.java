package io.huixun.bench.scale;

import io.huixun.bench.common.ConcurrentLatency;
import io.huixun.bench.common.HanRuns;
import io.huixun.bench.common.SearchApiCall;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code huixun serve} ({@code io.huixun.app.cli.Main serve}, from this jar) as a child JVM on a free
 * loopback port, and measures what a user of a big folder feels: how long from starting the process until the front
 * page and a search first answer 200, the latency of the first 10 s of queries (8 clients), and then query latency
 * per query class at 1 and 8 clients through {@code GET /api/search?q=…&limit=10}, then the listing pages (API, RSS,
 * filtered front pages) once cold and 5 more times. Finally it sends SIGTERM and
 * reports the exit code and any exception in the server's log (issue 12: clean shutdown).
 *
 * <p>Query classes (seeded): {@code phrase} a run of 4–8 Han characters from a pool paragraph (so it is in the
 * synthetic corpus, a few times at most); {@code phrase-trad} the same in traditional script (OpenCC s2t);
 * {@code broad} one common word (发展, 经济 …) that matches a large share of the store.
 *
 * <p>Confined to the calling thread, apart from the client pool it owns for each pass.
 */
final class ServeProbe {
    private static final String[] BROAD = {"发展", "经济", "中国", "合作", "会议", "建设", "国际", "创新", "人民", "推进",
            "工作", "企业", "全国", "服务", "重要", "保护", "市场", "政策", "记者", "今天"};

    private ServeProbe() {}

    record Query(String kind, String text) {
    }

    static void run(Path data, Path out, SyntheticCorpus corpus, Optional<Path> corpusFile, long ingested, long seed,
                    Optional<Path> jfr, Optional<Path> serveJar) throws Exception {
        List<Query> queries = queries(corpusFile.isPresent() ? sample(corpusFile.get(), ingested, 2000) : corpus.pool(),
                seed, 40);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        String jar = serveJar.orElse(Path.of(ScaleBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI())).toString();
        // As ./huixun starts it: with a class-data archive, created by the first start and used by the later ones.
        Path archive = out.resolve("serve-probe-" + ProcessHandle.current().pid() + ".jsa");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-XX:MaxRAMPercentage=70"));
        jfr.ifPresent(f -> command.add("-XX:StartFlightRecording=filename=" + f + ",settings=profile"));
        // The JVM options an operator gives ./huixun (e.g. HUIXUN_JAVA_OPTS=-Xmx1g), so memory is measured as run.
        String operatorOptions = System.getenv().getOrDefault("HUIXUN_JAVA_OPTS", "").strip();
        if (Stream.of(operatorOptions.split("\\s+")).noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            command.add("-XX:+UseG1GC"); // as ./huixun: G1 unless the operator names a collector
        }
        if (!operatorOptions.isEmpty()) {
            command.addAll(List.of(operatorOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", jar, "io.huixun.app.cli.Main", "serve", "--data", data.toString(), "--host",
                "127.0.0.1", "--port", String.valueOf(port)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        // The first start writes the archive (a user's first start after installing or upgrading): timed, then stopped.
        Path firstLog = out.resolve("serve-first-" + System.currentTimeMillis() + ".log");
        System.out.println();
        System.out.println("serve: " + String.join(" ", command) + "  (log " + firstLog + ")");
        long f0 = System.nanoTime();
        Process firstStart = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(firstLog.toFile()).start();
        try {
            System.out.printf("first start (writes the class-data archive): front page 200 after %.2f s; serve CPU %.1f"
                    + " s; load average %s%n", waitFor(http, base + "/", firstStart, f0), ProcStatus.cpuSeconds(firstStart.pid()),
                    loadAverage());
        } finally {
            firstStart.destroy();
            if (!firstStart.waitFor(120, TimeUnit.SECONDS)) {
                firstStart.destroyForcibly();
            }
        }
        Path log = out.resolve("serve-" + System.currentTimeMillis() + ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        System.out.print("second start: ");
        try {
            double front = waitFor(http, base + "/", p, t0);
            double search = waitFor(http, base + "/api/search?q=" + enc(BROAD[0]) + "&limit=10", p, t0);
            System.out.printf("serve ready: front page 200 after %.2f s, search 200 after %.2f s (from process start;"
                    + " goal ≤ 5 s at 240k); serve CPU used so far %.1f s; load average %s%n", front, search,
                    ProcStatus.cpuSeconds(p.pid()), loadAverage());
            if (front < 0 || search < 0) {
                System.out.println("serve never answered; log tail:");
                tail(log, 20);
                return;
            }
            List<Query> shuffled = new ArrayList<>(queries);
            Collections.shuffle(shuffled, new Random(seed + 7));
            List<SearchApiCall> first = pass(http, base, shuffled, 8, Long.MAX_VALUE,
                    System.nanoTime() + Duration.ofSeconds(10).toNanos());
            System.out.printf("first 10 s after ready, 8 clients, mixed classes: %d requests, p50 %.1f ms, p99 %.1f ms,"
                    + " errors %d (goal p99 ≤ 150 ms)%n", first.size(), pct(first, 50), pct(first, 99), errors(first));
            System.out.println();
            System.out.println("| clients | class | requests | p50 ms | p95 ms | p99 ms | errors | median hits |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int clients : new int[] {1, 8}) {
                for (String kind : List.of("phrase", "phrase-trad", "broad")) {
                    List<Query> ofKind = queries.stream().filter(q -> q.kind().equals(kind)).toList();
                    int n = clients == 1 ? 120 : 480;
                    List<SearchApiCall> r = pass(http, base, ofKind, clients, n, Long.MAX_VALUE);
                    long[] hits = r.stream().mapToLong(SearchApiCall::total).sorted().toArray();
                    System.out.printf("| %d | %s | %d | %.1f | %.1f | %.1f | %d | %d |%n", clients, kind, r.size(),
                            pct(r, 50), pct(r, 95), pct(r, 99), errors(r), hits.length == 0 ? 0 : hits[hits.length / 2]);
                }
            }
            listings(http, base);
            System.out.printf("serve process: RSS %d MB, peak %d MB%n", ProcStatus.kb(p.pid(), "VmRSS") >> 10,
                    ProcStatus.kb(p.pid(), "VmHWM") >> 10);
        } finally {
            long s0 = System.nanoTime();
            p.destroy(); // SIGTERM: the shutdown hook closes refresher, server, pipeline, index, store
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            System.out.printf("SIGTERM: %s in %.1f s%n", ended ? "exit code " + p.exitValue() : "did not end (killed)",
                    (System.nanoTime() - s0) / 1e9);
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> traces = lines.stream().filter(l -> l.contains("Exception") || l.startsWith("\tat ")).toList();
            System.out.println(traces.isEmpty() ? "serve log: no exception" : "serve log: " + traces.size()
                    + " exception/stack lines, first: " + traces.get(0));
            System.out.println("serve log (first 15 lines):");
            lines.stream().limit(15).forEach(l -> System.out.println("  | " + l));
        }
    }

    /** Seconds from {@code t0} until {@code url} answers 200; -1 if the process ends or 30 min pass first. */
    private static double waitFor(HttpClient http, String url, Process p, long t0) throws InterruptedException {
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        return -1;
    }

    /**
     * The listing pages a reader or an app opens, each requested once (cold; for a front page, its build) and then 5
     * more times (median). Issue 12: at 1M each took 2–6 s while SQLite sorted every canonical article for them.
     * The source is the newest article's; 没有这个来源 is a source with no articles (the worst case for a walk).
     */
    private static void listings(HttpClient http, String base) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"source\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(get(http, base + "/api/articles?limit=1").body());
        String source = m.find() ? m.group(1) : "";
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("API, newest 30", "/api/articles?limit=30");
        pages.put("API, source " + source, "/api/articles?limit=30&source=" + enc(source));
        pages.put("API, a source with no articles", "/api/articles?limit=30&source=" + enc("没有这个来源"));
        pages.put("API, category POLITICS (large)", "/api/articles?limit=30&category=POLITICS");
        pages.put("API, category SPORTS (small)", "/api/articles?limit=30&category=SPORTS");
        pages.put("RSS, newest", "/feed.xml");
        pages.put("front page, category SPORTS", "/?category=SPORTS");
        pages.put("front page, source " + source, "/?source=" + enc(source));
        System.out.println();
        System.out.println("| listing page | first ms | median of 5 more ms | status |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            long t = System.nanoTime();
            int status = get(http, base + page.getValue()).statusCode();
            double first = (System.nanoTime() - t) / 1e6;
            double[] more = new double[5];
            for (int i = 0; i < more.length; i++) {
                long u = System.nanoTime();
                get(http, base + page.getValue());
                more[i] = (System.nanoTime() - u) / 1e6;
            }
            java.util.Arrays.sort(more);
            System.out.printf("| %s | %.1f | %.1f | %d |%n", page.getKey(), first, more[2], status);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code requests} queries (cycling) from {@code clients} threads, or until the deadline. */
    private static List<SearchApiCall> pass(HttpClient http, String base, List<Query> queries, int clients,
                                            long requests, long deadline) throws Exception {
        return ConcurrentLatency.closedLoop(queries, clients, requests, deadline,
                q -> SearchApiCall.ask(http, base, q.text(), Duration.ofSeconds(60)));
    }

    private static long errors(List<SearchApiCall> r) {
        return r.stream().filter(x -> x.status() != 200).count();
    }

    /** Nearest-rank percentile of the latencies, in ms. */
    private static double pct(List<SearchApiCall> r, double p) {
        long[] ns = r.stream().mapToLong(SearchApiCall::nanos).sorted().toArray();
        if (ns.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * ns.length);
        return ns[Math.max(0, Math.min(ns.length - 1, rank - 1))] / 1e6;
    }

    /**
     * About {@code n} of the first {@code ingested} articles of the corpus file (every k-th line, as pool articles), so
     * phrase queries come from what was ingested (also when a run stopped at its time limit).
     */
    static List<SyntheticCorpus.PoolArticle> sample(Path corpusFile, long ingested, int n) throws IOException {
        long lines;
        try (var s = Files.lines(corpusFile)) {
            lines = Math.min(ingested, s.count());
        }
        long every = Math.max(1, lines / n);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<SyntheticCorpus.PoolArticle> sample = new ArrayList<>();
        try (var in = Files.newBufferedReader(corpusFile, StandardCharsets.UTF_8)) {
            long i = 0;
            for (String line; (line = in.readLine()) != null && i < lines; i++) {
                if (i % every == 0) {
                    var a = json.readTree(line);
                    sample.add(new SyntheticCorpus.PoolArticle(a.path("title").asText(),
                            List.of(a.path("body").asText().split("\n"))));
                }
            }
        }
        return sample;
    }

    static List<Query> queries(List<SyntheticCorpus.PoolArticle> pool, long seed, int perKind) {
        ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
        Random r = new Random(seed + 3);
        Map<String, List<Query>> byKind = new LinkedHashMap<>();
        List<Query> phrases = new ArrayList<>();
        for (int attempts = 0; phrases.size() < perKind && attempts < perKind * 1000; attempts++) {
            var a = pool.get(r.nextInt(pool.size()));
            String para = a.paragraphs().get(r.nextInt(a.paragraphs().size()));
            String run = HanRuns.around(para, r.nextInt(para.length()), 4 + r.nextInt(5));
            if (run != null && !s2t.convert(run).equals(run)) { // the traditional form differs: both classes count
                phrases.add(new Query("phrase", run));
            }
        }
        byKind.put("phrase", phrases);
        byKind.put("phrase-trad", phrases.stream().map(q -> new Query("phrase-trad", s2t.convert(q.text()))).toList());
        byKind.put("broad", java.util.Arrays.stream(BROAD).map(w -> new Query("broad", w)).toList());
        List<Query> all = new ArrayList<>();
        byKind.values().forEach(all::addAll);
        return all;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void tail(Path log, int n) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - n), lines.size()).forEach(l -> System.out.println("  | " + l));
    }
}
