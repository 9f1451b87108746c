package io.huixun.bench.store;

import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.Deduplicator;
import io.huixun.store.ArticleStore;
import io.huixun.store.DeduplicatingWriter;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredFingerprint;
import io.huixun.store.sqlite.SqliteArticleStore;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What de-duplication costs as the store grows (issue 12: nothing may cost more as the store grows): N distinct
 * synthetic articles (each the lead paragraph of one CCTV article and two paragraphs of two others, seeded) go through
 * {@link DeduplicatingWriter#saveAll} in batches of 500 into a fresh SQLite store; the writer's time (check + save,
 * fingerprinting excluded) is reported per window of articles. Then, in the same JVM: the heap the writer holds for
 * the stored articles (none: the bands are in the store), against the heap and time of an in-memory
 * {@link DedupIndex} rebuilt from every stored fingerprint (what opening the writer did before schema v8).
 *
 * <p>Usage: {@code ./bench dedup-scale [--articles N] [--checkpoint N]} (50,000 and 10,000). Example line:
 * {@code 20,000  window 812/s  1,231 µs/article}.
 */
public final class DedupScaleBenchmark {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private DedupScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = 50_000;
        int checkpoint = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--checkpoint" -> checkpoint = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench dedup-scale [--articles N] [--checkpoint N]; unknown: " + args[i]);
                    System.exit(2);
                }
            }
        }
        List<CctvCorpus.Record> pool = CctvCorpus.load(Integer.MAX_VALUE);
        List<String[]> paragraphs = pool.stream().map(r -> r.body().split("\n")).toList();
        Deduplicator dedup = Deduplicator.standard();
        Path dir = Files.createTempDirectory("huixun-dedup-scale");
        Random random = new Random(42);
        try (ArticleStore store = SqliteArticleStore.open(dir.resolve("huixun.db"))) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
            long writerNanos = 0;
            long windowNanos = 0;
            long windowCpu = 0;
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long copies = 0;
            System.out.println("  articles   window/s  µs/article  CPU µs/article (writer: check + save, fingerprints"
                    + " excluded; CPU of this thread, SQLite included, steadier on a shared machine)");
            for (int from = 0; from < articles; from += 500) {
                List<NewArticle> batch = new ArrayList<>();
                for (int n = from; n < Math.min(articles, from + 500); n++) {
                    String text = paragraphs.get(n % pool.size())[0] + "\n"
                            + pick(paragraphs.get(random.nextInt(pool.size())), random) + "\n"
                            + pick(paragraphs.get(random.nextInt(pool.size())), random) + "\n第" + n + "号";
                    batch.add(article(n, text, dedup));
                }
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                for (SaveResult r : writer.saveAll(batch)) {
                    if (r instanceof SaveResult.Inserted in && in.article().duplicateOf().isPresent()) {
                        copies++;
                    }
                }
                long spent = System.nanoTime() - t0;
                windowCpu += threads.getCurrentThreadCpuTime() - c0;
                writerNanos += spent;
                windowNanos += spent;
                int done = Math.min(articles, from + 500);
                if (done % checkpoint == 0 || done == articles) {
                    int window = done % checkpoint == 0 ? checkpoint : done % checkpoint;
                    System.out.printf("  %,8d  %9.0f  %10.0f  %14.0f%n", done, window / (windowNanos / 1e9),
                            windowNanos / 1e3 / window, windowCpu / 1e3 / window);
                    windowNanos = 0;
                    windowCpu = 0;
                }
            }
            System.out.printf("writer: %,d articles in %.1f s (%.0f/s); %,d linked as copies%n", articles,
                    writerNanos / 1e9, articles / (writerNanos / 1e9), copies);

            long before = usedHeapAfterGc();
            long open = System.nanoTime();
            DeduplicatingWriter reopened = DeduplicatingWriter.open(store, dedup);
            double openSeconds = (System.nanoTime() - open) / 1e9;
            long withWriter = usedHeapAfterGc();
            System.out.printf("store-backed writer: open %.3f s, heap held %.1f MB (%.0f bytes/article)%n",
                    openSeconds, (withWriter - before) / 1e6, (double) (withWriter - before) / articles);
            long rebuild = System.nanoTime();
            DedupIndex index = new DedupIndex(dedup.config());
            try (Stream<StoredFingerprint> all = store.fingerprints()) {
                all.forEach(f -> index.add(f.id(), f.canonicalId(), f.fingerprint(), f.rank()));
            }
            double rebuildSeconds = (System.nanoTime() - rebuild) / 1e9;
            long withIndex = usedHeapAfterGc();
            System.out.printf("in-memory index as before v8: rebuild %.1f s, heap held %.1f MB (%.0f bytes/article)%n",
                    rebuildSeconds, (withIndex - withWriter) / 1e6, (double) (withIndex - withWriter) / index.size());
            System.out.printf("database %.1f MB (%.0f bytes/article)%n", Files.size(dir.resolve("huixun.db")) / 1e6,
                    (double) Files.size(dir.resolve("huixun.db")) / articles);
            java.lang.ref.Reference.reachabilityFence(reopened);
            java.lang.ref.Reference.reachabilityFence(index);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String pick(String[] paragraphs, Random random) {
        return paragraphs[random.nextInt(paragraphs.length)];
    }

    private static NewArticle article(int n, String text, Deduplicator dedup) {
        return new NewArticle(Optional.of("https://synthetic.example.cn/" + n), OptionalLong.empty(), "合成来源",
                "合成新闻" + n, Optional.of(LocalDate.of(2020, 1, 1).plusDays(n / 200).atTime(19, 0).atZone(SHANGHAI)),
                false, new OriginalContent(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), text, "[]",
                dedup.fingerprint(text), OptionalLong.empty());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
