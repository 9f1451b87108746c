package io.huixun.bench.dedup;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.DedupConfig;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.DedupVerdict;
import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.dedup.MinHashSignature;
import io.huixun.ingest.DeduplicatingWriter;
import io.huixun.store.StoredFingerprint;
import io.huixun.store.sqlite.SqliteArticleStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Heap that the de-duplication index keeps per article, and its add and check rates.
 *
 * <p>Method: {@code --n} synthetic fingerprints (random MinHash values shaped like real ones: the minimum of about
 * 500 uniform 32-bit hashes; one in ten a near copy of an earlier one, 20 of its 120 hashes changed) are made first,
 * then the index is built from them; retained heap per article is the used heap after a full GC minus the used heap
 * before building, divided by {@code --n}. The fingerprints themselves are made before the first measurement, so they
 * are not counted (they stand for the store). Check rate: {@code --checks} verdicts (estimate only) for fingerprints
 * half of them indexed copies, half new. With {@code --store FILE} (a SQLite file; give a copy, it is migrated if old)
 * it also times the start-up rebuild ({@link DeduplicatingWriter#open}) from that store, measures the same way, and
 * then times reading the fingerprints alone (the store's share of the rebuild).
 *
 * <p>Usage: {@code ./bench dedup-memory [--n 200000] [--checks 20000] [--store FILE]}
 */
public final class DedupMemoryBenchmark {
    private static final CanonicalRank RANK = new CanonicalRank(true, Optional.empty());

    private DedupMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        int checks = 20_000;
        Path store = null;
        String usage = "usage: dedup-memory [--n N] [--checks N] [--store FILE]";
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--n" -> n = Integer.parseInt(args[++i]);
                    case "--checks" -> checks = Integer.parseInt(args[++i]);
                    case "--store" -> store = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (n < 1 || checks < 0) {
                throw new IllegalArgumentException("--n must be at least 1 and --checks at least 0");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            String why = switch (e) {
                case ArrayIndexOutOfBoundsException missing -> "an option is missing its value";
                case NumberFormatException notANumber -> "a count must be a whole number";
                default -> e.getMessage();
            };
            System.err.println("dedup-memory: " + why + "\n" + usage);
            System.exit(2);
        }
        if (store != null && !java.nio.file.Files.isRegularFile(store)) {
            // opening a missing SQLite file would create an empty installation there
            System.err.println("dedup-memory: no such file '" + store + "' (give a copy of an installation's huixun.db)");
            System.exit(1);
        }
        DedupConfig config = DedupConfig.DEFAULT;
        Fingerprint[] fingerprints = synthetic(n, config, new SplittableRandom(42));
        Fingerprint[] queries = queries(fingerprints, checks, config, new SplittableRandom(43));

        long before = usedHeapAfterGc();
        long t0 = System.nanoTime();
        DedupIndex index = new DedupIndex(config, id -> Optional.of(fingerprints[(int) id - 1]));
        for (int i = 0; i < n; i++) {
            index.add(i + 1, i + 1, fingerprints[i], RANK);
        }
        double addSeconds = (System.nanoTime() - t0) / 1e9;
        long retained = usedHeapAfterGc() - before;

        long t1 = System.nanoTime();
        int duplicates = 0;
        for (Fingerprint query : queries) {
            duplicates += index.check(query, RANK) instanceof DedupVerdict.Unique ? 0 : 1;
        }
        double checkSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("synthetic: %,d articles; retained heap %.0f bytes/article (%.1f MB); add %,.0f articles/s; "
                        + "check %,.0f verdicts/s (%,d of %,d not unique)%n",
                n, (double) retained / n, retained / 1e6, n / addSeconds, queries.length / checkSeconds, duplicates,
                queries.length);
        if (index.size() != n) {
            throw new IllegalStateException("index holds " + index.size());
        }

        if (store != null) {
            rebuild(store);
        }
    }

    /** Times the start-up rebuild from a store and measures the heap it keeps. */
    private static void rebuild(Path file) {
        try (SqliteArticleStore store = SqliteArticleStore.open(file)) {
            long before = usedHeapAfterGc();
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, Deduplicator.standard());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
            long retained = usedHeapAfterGc() - before;
            int size = writer.index().size();
            System.out.printf("rebuild from %s: %,d articles in %.1f s (%.1f s CPU, %,.0f articles/s); retained heap "
                            + "%.0f bytes/article (%.1f MB)%n",
                    file, size, seconds, cpuSeconds, size / seconds, (double) retained / size, retained / 1e6);
            long t1 = System.nanoTime();
            long read;
            try (Stream<StoredFingerprint> all = store.fingerprints()) {
                read = all.count();
            }
            System.out.printf("of which reading the store: %,d fingerprints streamed alone in %.1f s%n", read,
                    (System.nanoTime() - t1) / 1e9);
        }
    }

    /** Fingerprints whose hashes look like MinHash minima of about 500 shingles; every tenth a near copy. */
    static Fingerprint[] synthetic(int n, DedupConfig config, SplittableRandom random) {
        Fingerprint[] out = new Fingerprint[n];
        for (int i = 0; i < n; i++) {
            int[] values = new int[config.numHashes()];
            if (i >= 10 && i % 10 == 0) {
                values = out[random.nextInt(i)].signature().values();
                for (int k = 0; k < 20; k++) {
                    values[random.nextInt(values.length)] = minimumOf500(random);
                }
            } else {
                for (int k = 0; k < values.length; k++) {
                    values[k] = minimumOf500(random);
                }
            }
            out[i] = new Fingerprint(key(random), new MinHashSignature(values));
        }
        return out;
    }

    /** Half copies of indexed fingerprints (same key and signature), half new ones. */
    private static Fingerprint[] queries(Fingerprint[] indexed, int count, DedupConfig config, SplittableRandom random) {
        Fingerprint[] fresh = synthetic(count / 2, config, random);
        Fingerprint[] out = new Fingerprint[count];
        for (int i = 0; i < count; i++) {
            out[i] = i % 2 == 0 ? indexed[random.nextInt(indexed.length)] : fresh[i / 2];
        }
        return out;
    }

    /** An exponential-ish small value: the minimum of 500 uniform unsigned 32-bit values has ~9 leading zero bits. */
    private static int minimumOf500(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (long) (-Math.log1p(-u) * (4294967296.0 / 500));
    }

    private static String key(SplittableRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
