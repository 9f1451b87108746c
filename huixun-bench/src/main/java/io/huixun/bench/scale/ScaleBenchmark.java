package io.huixun.bench.scale;

import io.huixun.app.Installation;
import io.huixun.bench.common.SharedData;
import io.huixun.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./bench scale [--articles N] [--checkpoint N] [--per-day N] [--data DIR] [--out DIR] [--seed S]
 * [--serve-jfr FILE] [--no-serve] [--max-seconds S] [--serve-jar JAR]}: how Huixun behaves as the store grows (issues 10 and 12).
 *
 * <ol>
 *   <li>Writes a deterministic synthetic corpus of N distinct articles ({@link SyntheticCorpus}: recombined
 *   paragraphs of the CCTV pool, new titles and dates, {@code perDay} a day so stories form) as JSONL in OUT.</li>
 *   <li>Ingests it into a fresh data folder through the same code as {@code huixun ingest FILE.jsonl}
 *   ({@code Installation.open} → {@code IngestPipeline.ingest}: InputRouter → OrderedIngest → ArticleWriter), and
 *   prints at every checkpoint the rate over the last window, the folder's size on disk, and the process's resident
 *   memory (VmRSS, peak VmHWM). {@code --data DIR} with a filled folder skips this step.</li>
 *   <li>Starts the real {@code huixun serve} as a child JVM on a free loopback port ({@link ServeProbe}) and times
 *   its readiness (process start → first 200 of the front page and of a search), the first 10 s of queries, then
 *   query latency p50/p95/p99 for rare phrases, their traditional forms and broad words at 1 and 8 clients; then
 *   stops it with SIGTERM and reports its exit and any stack trace in its log.</li>
 *   <li>Draws rate against articles as {@code OUT/scale-rate-N.png}.</li>
 * </ol>
 *
 * <p>Example: {@code ./bench scale --articles 24000 --checkpoint 2000} prints lines such as
 * {@code 10,000  window 61.2/s  overall 63.0/s  disk 310 MB (31.0 kB/article)  RSS 880 MB (peak 902 MB)}. Speed is
 * only reported here, never asserted in a test; report ratios measured in one run (the machine is shared).
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = 240_000;
        int checkpoint = -1;
        int perDay = 200;
        long seed = 42;
        Path data = null;
        Path out = Path.of("/tmp/scale");
        Optional<Path> serveJfr = Optional.empty();
        Optional<Path> serveJar = Optional.empty(); // another build's jar for the serve child (old vs new, same queries)
        boolean serve = true;
        long maxSeconds = Long.MAX_VALUE / 2_000_000_000L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--checkpoint" -> checkpoint = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--per-day" -> perDay = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--serve-jfr" -> serveJfr = Optional.of(Path.of(args[++i]).toAbsolutePath());
                case "--no-serve" -> serve = false;
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                case "--serve-jar" -> serveJar = Optional.of(Path.of(args[++i]).toAbsolutePath());
                default -> {
                    System.err.println("usage: bench scale [--articles N] [--checkpoint N] [--per-day N] [--data DIR]"
                            + " [--out DIR] [--seed S] [--serve-jfr FILE] [--no-serve] [--max-seconds S] [--serve-jar JAR]; unknown: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (checkpoint <= 0) {
            checkpoint = Math.max(1000, Math.min(10_000, articles / 12 / 1000 * 1000));
        }
        Files.createDirectories(out);
        Optional<Path> poolFile = SharedData.root().map(r -> r.resolve("data/cctv-xwlb/articles.jsonl"))
                .filter(Files::exists);
        SyntheticCorpus corpus = poolFile.isPresent() ? SyntheticCorpus.fromJsonl(poolFile.get())
                : SyntheticCorpus.generated(5000, seed);
        System.out.printf("pool: %s (%,d articles)%n", poolFile.map(Path::toString)
                .orElse("generated sentences (shared data absent)"), corpus.pool().size());

        long ingested = Long.MAX_VALUE;
        boolean ingest = data == null || !Files.exists(data.resolve("huixun.db"));
        if (data == null) {
            data = out.resolve("data-" + articles + "-" + seed);
            if (Files.exists(data)) {
                System.out.println("data folder " + data + " exists: give --data " + data
                        + " to reuse it, or delete it for a fresh ingest");
                System.exit(2);
            }
        }
        if (ingest) {
            Path file = out.resolve("corpus-" + articles + "-" + seed + ".jsonl");
            long g0 = System.nanoTime();
            int days = corpus.write(file, articles, perDay, seed);
            System.out.printf("corpus: %,d articles over %,d days (%d a day), %,d MB, written in %.1f s to %s%n",
                    articles, days, perDay, Files.size(file) >> 20, (System.nanoTime() - g0) / 1e9, file);
            List<RateChart.Point> rates = ingest(file, data, checkpoint, maxSeconds);
            ingested = rates.isEmpty() ? 0 : rates.get(rates.size() - 1).articles();
            if (rates.isEmpty()) {
                rates.add(new RateChart.Point(0, 0, 0));
            }
            RateChart.Point ref = near(rates, 10_000);
            double at10k = ref.rate();
            RateChart.Point last = rates.get(rates.size() - 1);
            System.out.printf("rate at 10k: %.1f/s; at %,d: %.1f/s; ratio %.2f (goal ≥ 0.80)%n", at10k,
                    last.articles(), last.rate(), last.rate() / at10k);
            System.out.printf("per CPU (steadier on a shared machine): %.1f ms/article at 10k, %.1f at %,d; rate ratio"
                    + " %.2f%n", ref.cpuMsPerArticle(), last.cpuMsPerArticle(), last.articles(),
                    ref.cpuMsPerArticle() / last.cpuMsPerArticle());
            Path png = out.resolve("scale-rate-" + articles + ".png");
            RateChart.write(png, String.format("ingest rate, synthetic corpus of %,d articles (window %,d)", articles,
                    checkpoint), rates, at10k);
            System.out.println("chart: " + png);
        } else {
            try (Installation inst = Installation.open(data, Installation.Mode.STORE, Optional.empty(),
                    Optional.empty())) {
                ingested = inst.store().count(); // phrase queries come from the corpus lines that were stored
            }
            System.out.printf("reusing %s (no ingest): %,d articles, disk %d MB%n", data, ingested,
                    diskBytes(data) >> 20);
        }
        if (serve) {
            Path corpusFile = out.resolve("corpus-" + articles + "-" + seed + ".jsonl");
            ServeProbe.run(data, out, corpus, Files.exists(corpusFile) ? Optional.of(corpusFile) : Optional.empty(),
                    ingested, seed, serveJfr, serveJar);
        }
        System.out.println("data folder: " + data);
    }

    /** Ingests {@code file} into a fresh folder, printing a line per checkpoint; returns the window rates. */
    private static List<RateChart.Point> ingest(Path file, Path data, int checkpoint, long maxSeconds)
            throws IOException {
        List<RateChart.Point> rates = new ArrayList<>();
        long t0 = System.nanoTime();
        long[] mark = {t0, 0, ProcStatus.cpuNanos()}; // nanos, articles, process CPU nanos at the last checkpoint
        long deadline = t0 + maxSeconds * 1_000_000_000L;
        IngestReport[] latest = {IngestReport.EMPTY};
        IngestReport report;
        try (Installation inst = Installation.open(data)) {
            System.out.printf("opened a fresh folder in %.2f s; ingesting through IngestPipeline.ingest (as huixun"
                    + " ingest)%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("  articles   window/s  overall/s   disk MB  bytes/article  RSS MB  peak MB  heap MB"
                    + "  CPU ms/article (window)");
            try {
                report = inst.pipeline().ingest(file.toString(), (done, total, r) -> {
                latest[0] = r;
                if (System.nanoTime() > deadline) {
                    throw new TimeUp();
                }
                if (r.seen() - mark[1] >= checkpoint) {
                    long now = System.nanoTime();
                    double rate = (r.seen() - mark[1]) / ((now - mark[0]) / 1e9);
                    long cpu = ProcStatus.cpuNanos();
                    double cpuMs = (cpu - mark[2]) / 1e6 / (r.seen() - mark[1]);
                    rates.add(new RateChart.Point(r.seen(), rate, cpuMs));
                    line(r.seen(), rate, r.seen() / ((now - t0) / 1e9), data, cpuMs);
                    mark[0] = now;
                    mark[1] = r.seen();
                    mark[2] = cpu;
                }
            });
            } catch (TimeUp e) {
                report = latest[0];
                System.out.printf("stopped after --max-seconds %d at %,d articles (closing commits what was"
                        + " written)%n", maxSeconds, report.seen());
            }
        }
        long end = System.nanoTime();
        if (report.seen() > mark[1]) {
            double rate = (report.seen() - mark[1]) / ((end - mark[0]) / 1e9);
            double cpuMs = (ProcStatus.cpuNanos() - mark[2]) / 1e6 / (report.seen() - mark[1]);
            rates.add(new RateChart.Point(report.seen(), rate, cpuMs));
            line(report.seen(), rate, report.seen() / ((end - t0) / 1e9), data, cpuMs);
        }
        System.out.printf("ingested: %s in %.1f s (%.1f/s overall)%n", report, (end - t0) / 1e9,
                report.seen() / ((end - t0) / 1e9));
        report.problems().stream().limit(5).forEach(p -> System.out.println("  problem: " + p.item() + ": "
                + p.message()));
        System.out.printf("folded as copies by dedup: %,d of %,d (distinct articles are expected: a high number means"
                + " the generator makes near-duplicates)%n", report.copies(), report.seen());
        return rates;
    }

    /** Thrown from the progress callback to end an ingest at the time limit; the installation closes cleanly. */
    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("time limit", null, false, false);
        }
    }

    private static void line(long articles, double window, double overall, Path data, double cpuMsPerArticle) {
        long disk = diskBytes(data);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("  %,8d  %9.1f  %9.1f  %8d  %13d  %6d  %7d  %7d  %8.1f%n", articles, window, overall,
                disk >> 20, disk / Math.max(1, articles), ProcStatus.kb("VmRSS") >> 10, ProcStatus.kb("VmHWM") >> 10,
                (rt.totalMemory() - rt.freeMemory()) >> 20, cpuMsPerArticle);
        System.out.flush();
    }

    private static RateChart.Point near(List<RateChart.Point> rates, long articles) {
        RateChart.Point best = rates.get(0);
        for (RateChart.Point p : rates) {
            if (Math.abs(p.articles() - articles) < Math.abs(best.articles() - articles)) {
                best = p;
            }
        }
        return best;
    }

    static long diskBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a Lucene file merged away while we walked
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
