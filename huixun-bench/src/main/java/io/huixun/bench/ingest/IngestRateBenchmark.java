package io.huixun.bench.ingest;

import io.huixun.app.Installation;
import io.huixun.app.web.LocalNewsDesk;
import io.huixun.bench.common.SharedData;
import io.huixun.ingest.IngestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./bench ingest-rate [FILE.jsonl] [--keep DIR]}: ingests a JSONL file (default: the CCTV pool) into a fresh
 * installation and prints the ingest rate per window of articles, so a cost that grows with the store shows as a
 * falling rate; then reopens the installation and times how long until the front page and a search answer (what
 * {@code huixun serve} needs before it can serve).
 *
 * <p>Example: "first 4,000: 410/s; last 20,010: 395/s (0.96×)".
 *
 * <p>Then, in the same run, the same articles (title and body) are indexed by bare Lucene with the smartcn analyzer
 * in one thread (the search-eval harness's indexer): issue 12 asks Huixun's whole ingest to reach the rate of that
 * bare indexing. {@code --no-smartcn} skips it.
 */
public final class IngestRateBenchmark {
    private IngestRateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path input = null;
        Path keep = null;
        boolean smartcn = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-smartcn")) {
                smartcn = false;
            } else if (args[i].equals("--keep")) {
                keep = Path.of(args[++i]);
            } else {
                input = Path.of(args[i]);
            }
        }
        if (input == null) {
            Optional<Path> root = SharedData.root();
            if (root.isEmpty() || !Files.exists(root.get().resolve("data/cctv-xwlb/articles.jsonl"))) {
                System.out.println("skipped: ../shared/data/cctv-xwlb/articles.jsonl is absent");
                return;
            }
            input = root.get().resolve("data/cctv-xwlb/articles.jsonl");
        }
        Path data = keep != null ? keep : Files.createTempDirectory("huixun-ingest-rate");
        List<long[]> marks = new ArrayList<>(); // {nanos, items seen}
        long start = System.nanoTime();
        marks.add(new long[] {start, 0});
        IngestReport report;
        try (Installation inst = Installation.open(data)) {
            report = inst.pipeline().ingest(input.toString(), (done, total, r) -> {
                if (r.seen() - marks.get(marks.size() - 1)[1] >= 1000) {
                    marks.add(new long[] {System.nanoTime(), r.seen()});
                }
            });
        }
        long end = System.nanoTime();
        marks.add(new long[] {end, report.seen()});
        System.out.printf("ingested %s: %s in %.1f s (%.0f items/s)%n", input, report, (end - start) / 1e9,
                report.seen() / ((end - start) / 1e9));
        System.out.println("items        rate (items/s)");
        for (int i = 1; i < marks.size(); i++) {
            long[] a = marks.get(i - 1);
            long[] b = marks.get(i);
            System.out.printf("%6d-%-6d %8.0f%n", a[1], b[1], (b[1] - a[1]) / ((b[0] - a[0]) / 1e9));
        }
        double first = rate(marks, 0, 4000);
        double last = rate(marks, report.seen() - 20_000, report.seen());
        System.out.printf("rate on the first 4,000: %.0f/s; on the last 20,000: %.0f/s; ratio %.2f%n", first, last,
                last / first);

        long t0 = System.nanoTime();
        try (Installation inst = Installation.open(data)) {
            long opened = System.nanoTime();
            LocalNewsDesk desk = new LocalNewsDesk(inst);
            int top = desk.front(Optional.empty(), Optional.empty()).top().size();
            long front = System.nanoTime();
            long hits = desk.search("外长 会晤", "relevance", 0, 10).total();
            long searched = System.nanoTime();
            System.out.printf("reopen: store+index+pipeline %.2f s, first front page %.2f s (%d top stories), first"
                    + " search %.2f s (%d hits); ready after %.2f s%n", (opened - t0) / 1e9, (front - opened) / 1e9,
                    top, (searched - front) / 1e9, hits, (searched - t0) / 1e9);
        }
        if (smartcn) {
            var articles = io.huixun.bench.search.SearchEvaluation.load(input);
            Path dir = Files.createTempDirectory("huixun-ingest-rate-smartcn");
            long s0 = System.nanoTime();
            io.huixun.bench.search.SearchEvaluation.indexSmartcn(dir, articles);
            double smartRate = articles.size() / ((System.nanoTime() - s0) / 1e9);
            double oursRate = report.seen() / ((end - start) / 1e9);
            System.out.printf("bare smartcn indexing of the same %,d articles (one thread): %.0f/s; Huixun's ingest"
                    + " %.0f/s = %.2f× (issue 12's goal ≥ 1.0×)%n", articles.size(), smartRate, oursRate,
                    oursRate / smartRate);
        }
        System.out.println("data folder: " + data);
    }

    /** Items per second between the marks nearest {@code from} and {@code to}. */
    private static double rate(List<long[]> marks, long from, long to) {
        long[] a = nearest(marks, Math.max(0, from));
        long[] b = nearest(marks, to);
        return (b[1] - a[1]) / Math.max(1e-9, (b[0] - a[0]) / 1e9);
    }

    private static long[] nearest(List<long[]> marks, long items) {
        long[] best = marks.get(0);
        for (long[] m : marks) {
            if (Math.abs(m[1] - items) < Math.abs(best[1] - items)) {
                best = m;
            }
        }
        return best;
    }
}
