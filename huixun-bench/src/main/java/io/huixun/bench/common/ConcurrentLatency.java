package io.huixun.bench.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The benchmarks' load harness. {@link #measure}: every query once on each of N client threads (each in its own
 * seeded shuffle), with the latency distribution and throughput (the in-process search benchmarks).
 * {@link #closedLoop}: N client threads sending the next query as soon as the last one answered, for a number of
 * requests or until a deadline (the benchmarks that drive a running server over HTTP).
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

    /**
     * Closed-loop load: {@code clients} threads take request numbers from one counter and run
     * {@code ask(queries.get(i % size))} until {@code requests} were started or {@link System#nanoTime} passes
     * {@code deadlineNanos} ({@link Long#MAX_VALUE}: no deadline). Returns the answers in completion order. Example:
     * 8 clients, 480 requests over 40 queries → each query asked 12 times, 8 at a time.
     */
    public static <Q, R> List<R> closedLoop(List<Q> queries, int clients, long requests, long deadlineNanos,
                                            Function<Q, R> ask) throws Exception {
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<R> answers = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < requests && System.nanoTime() < deadlineNanos; ) {
                        answers.add(ask.apply(queries.get((int) (i % queries.size()))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return new ArrayList<>(answers);
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
