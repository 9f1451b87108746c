package io.huixun.bench.store;

import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.store.ArticleStore;
import io.huixun.ingest.DeduplicatingWriter;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredFingerprint;
import io.huixun.store.postgres.PostgresArticleStore;
import io.huixun.store.sqlite.SqliteArticleStore;
import io.huixun.store.sqlite.SqliteOptions;
import io.huixun.text.time.NewsZone;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Insert throughput of the CCTV pool into a fresh SQLite store, with de-duplication on: per article, fingerprint,
 * check the LSH index (verifying near-threshold candidates against the stored text), save, add to the index; saves
 * go through {@link DeduplicatingWriter#saveAll} in batches of {@code --batch} (500; 1 = one transaction each). Then re-ingests everything (all no-ops) and rebuilds the index from the stored fingerprints.
 *
 * <p>The dedup path is {@link DeduplicatingWriter}, the class the ingest pipeline uses.
 *
 * <p>Usage: {@code ./bench store-insert [--limit N] [--batch N] [--full-sync] [--no-dedup] [--keep DIR]
 * [--postgres JDBC_URL]}; {@code --postgres} measures a PostgreSQL store instead of SQLite and needs an EMPTY
 * throw-away database (its size is then not reported). {@code --no-dedup}
 * saves in batches of 500 without fingerprint checks (the raw store speed; fingerprints are still computed and
 * stored). Figures: articles/s, MB/s of input JSONL, peak heap (sum of heap pools' peaks), database size.
 */
public final class StoreInsertBenchmark {
    private static final ZoneId SHANGHAI = NewsZone.DEFAULT;

    private StoreInsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.MAX_VALUE;
        boolean fullSync = false;
        boolean dedupOn = true;
        int batchSize = 500;
        Path keep = null;
        String postgres = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--full-sync" -> fullSync = true;
                case "--no-dedup" -> dedupOn = false;
                case "--batch" -> batchSize = Integer.parseInt(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                case "--postgres" -> postgres = args[++i];
                default -> {
                    System.err.println("usage: store-insert [--limit N] [--batch N] [--full-sync] [--no-dedup] [--keep DIR] [--postgres JDBC_URL]");
                    System.exit(2);
                }
            }
        }
        List<CctvCorpus.Record> records = CctvCorpus.load(limit);
        long inputBytes = records.stream().mapToLong(r -> r.line().getBytes(StandardCharsets.UTF_8).length + 1).sum();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("huixun-store-bench");
        Path db = dir.resolve("huixun.db");
        Files.deleteIfExists(db);
        Deduplicator dedup = Deduplicator.standard();
        dedup.fingerprint("预热"); // load the t2s dictionaries outside the timing
        System.gc();
        resetPeaks();

        int inserted = 0;
        int duplicates = 0;
        int alreadyStored = 0;
        long start = System.nanoTime();
        long fingerprintNanos = 0;
        SqliteOptions options = SqliteOptions.DEFAULT.withFullSync(fullSync);
        try (ArticleStore store = postgres != null ? PostgresArticleStore.open(postgres)
                : SqliteArticleStore.open(db, options)) {
            if (store.count() > 0) {
                System.err.println("store-insert: the store is not empty; give an empty throw-away database");
                System.exit(1);
            }
            if (dedupOn) {
                DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
                for (int from = 0; from < records.size(); from += batchSize) {
                    List<NewArticle> batch = new ArrayList<>();
                    long f0 = System.nanoTime();
                    for (CctvCorpus.Record record : records.subList(from, Math.min(records.size(), from + batchSize))) {
                        batch.add(article(record, dedup.fingerprint(record.body())));
                    }
                    fingerprintNanos += System.nanoTime() - f0;
                    List<SaveResult> results = batchSize == 1 ? List.of(writer.save(batch.get(0)))
                            : writer.saveAll(batch);
                    for (SaveResult result : results) {
                        if (result instanceof SaveResult.Inserted in) {
                            inserted++;
                            duplicates += in.article().duplicateOf().isPresent() ? 1 : 0;
                        } else if (result instanceof SaveResult.AlreadyStored) {
                            alreadyStored++;
                        }
                    }
                }
            } else {
                for (int from = 0; from < records.size(); from += 500) {
                    List<NewArticle> batch = new ArrayList<>();
                    long f0 = System.nanoTime();
                    for (CctvCorpus.Record record : records.subList(from, Math.min(records.size(), from + 500))) {
                        batch.add(article(record, dedup.fingerprint(record.body())));
                    }
                    fingerprintNanos += System.nanoTime() - f0;
                    for (SaveResult r : store.saveAll(batch)) {
                        inserted += r instanceof SaveResult.Inserted ? 1 : 0;
                        alreadyStored += r instanceof SaveResult.AlreadyStored ? 1 : 0;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = peakHeap();
            System.out.printf("insert %s%s: %d articles in %.1f s = %.0f articles/s, %.2f MB/s of JSONL input "
                            + "(%.1f MB); fingerprinting %.1f s of it; %d inserted (%d linked as copies when saved), "
                            + "%d already stored; peak heap (sum of heap pools' peaks) %.0f MB%n",
                    (dedupOn ? "with dedup" : "without dedup checks") + (batchSize == 1 && dedupOn
                            ? ", one transaction per article" : ", batches of " + (dedupOn ? batchSize : 500)),
                    postgres != null ? ", PostgreSQL" : fullSync ? ", synchronous=FULL" : ", synchronous=NORMAL",
                    records.size(), seconds,
                    records.size() / seconds, inputBytes / seconds / 1e6, inputBytes / 1e6, fingerprintNanos / 1e9,
                    inserted, duplicates, alreadyStored, peakHeap / 1e6);

            long linked;
            try (Stream<StoredFingerprint> all = store.fingerprints()) {
                linked = all.filter(f -> f.canonicalId() != f.id()).count();
            }
            System.out.printf("after promotions: %d articles linked to a canonical, %d canonical%n", linked,
                    store.count() - linked);

            long again = System.nanoTime();
            int noOps = 0;
            for (int from = 0; from < records.size(); from += 500) {
                List<NewArticle> batch = new ArrayList<>();
                for (CctvCorpus.Record record : records.subList(from, Math.min(records.size(), from + 500))) {
                    batch.add(article(record, dedup.fingerprint(record.body())));
                }
                for (SaveResult r : store.saveAll(batch)) {
                    noOps += r instanceof SaveResult.AlreadyStored ? 1 : 0;
                }
            }
            System.out.printf("re-ingest of the same input: %d/%d no-ops in %.1f s; store count %d%n", noOps,
                    records.size(), (System.nanoTime() - again) / 1e9, store.count());

            long rebuild = System.nanoTime();
            DedupIndex rebuilt = new DedupIndex(dedup.config(), store::fingerprint);
            try (Stream<StoredFingerprint> fingerprints = store.fingerprints()) {
                fingerprints.forEach(f -> rebuilt.add(f.id(), f.canonicalId(), f.fingerprint(), f.rank()));
            }
            System.out.printf("index rebuild from stored fingerprints: %d in %.2f s%n", rebuilt.size(),
                    (System.nanoTime() - rebuild) / 1e9);
        }
        long dbBytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("huixun.db")).toList()) {
                dbBytes += Files.size(p);
            }
        }
        if (postgres == null) {
            System.out.printf("database size %.1f MB (%s)%n", dbBytes / 1e6, keep != null ? db : "temporary, deleted");
        }
        if (keep == null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static NewArticle article(CctvCorpus.Record record, Fingerprint fingerprint) {
        ZonedDateTime published = LocalDate.parse(record.date()).atTime(19, 0).atZone(SHANGHAI);
        return new NewArticle(record.url(), OptionalLong.empty(), record.source(), record.title(),
                Optional.of(published), false,
                new OriginalContent(record.line().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                record.body(), "[]", fingerprint, OptionalLong.empty());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
