package io.huixun.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs every query once on each of N client threads (each in its own seeded shuffle) and reports the latency
 * distribution and throughput: the harness shared by the in-process search benchmarks.
 *
 * @param sortedNanos every request's latency, ascending
 * @param wallSeconds from the first request to the last answer
 */
public record ConcurrentLatency(long[] sortedNanos, double wallSeconds) {

    public static <Q> ConcurrentLatency measure(List<Q> queries, int clients, Consumer<Q> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                long seed = c;
                futures.add(pool.submit(() -> {
                    List<Q> mine = new ArrayList<>(queries);
                    Collections.shuffle(mine, new Random(seed));
                    long[] times = new long[mine.size()];
                    for (int i = 0; i < mine.size(); i++) {
                        long t = System.nanoTime();
                        run.accept(mine.get(i));
                        times[i] = System.nanoTime() - t;
                    }
                    return times;
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long[] all = parts.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
            return new ConcurrentLatency(all, wall);
        } finally {
            pool.shutdown();
        }
    }

    /** The latency at quantile {@code q} (0.5 = median), in milliseconds. */
    public double percentileMillis(double q) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, sortedNanos.length * q)] / 1e6;
    }

    public double meanMillis() {
        return java.util.Arrays.stream(sortedNanos).average().orElse(0) / 1e6;
    }

    public double perSecond() {
        return sortedNanos.length / wallSeconds;
    }
}
