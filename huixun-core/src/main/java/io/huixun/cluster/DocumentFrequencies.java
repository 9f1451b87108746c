package io.huixun.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many recent articles carry each feature: document frequencies over a sliding window of days, for the inverse
 * document frequency that keeps 中国 or 习近平 (in half the news) from gluing unrelated stories together.
 *
 * <p>Bounded: one bucket per day for the last {@code days} days (older buckets are dropped as time moves on), and a
 * bucket that grows past {@code perDay} features forgets its features seen only once (a feature missing from the
 * counts is treated as seen once). So memory and the saved statistic stay the same size however much is stored.
 * Example, window 2 days: day 1 {中国:3, 中亚:1} (3 documents), day 2 {中国:2} (2 documents) → df(中国) = 5 of 5,
 * idf(中国) = ln(1 + 6/6) ≈ 0.69; idf(中亚) = ln(1 + 6/2) ≈ 1.39. On day 3, day 1 leaves the window.
 *
 * <p>To save and restore: {@link #snapshot()} gives one {@link Day} per bucket (a row per (day, feature, count) and a
 * row per (day, documents) in a table); {@link #restore} takes them back. Not thread-safe: confined to the clusterer's
 * single writer.
 */
public final class DocumentFrequencies {
    /** One day's counts, as saved. */
    public record Day(LocalDate day, int documents, Map<String, Integer> counts) {
        public Day {
            counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }
    }

    private final int days;
    private final int perDay;
    private final TreeMap<LocalDate, MutableDay> buckets = new TreeMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private int documents;

    public DocumentFrequencies(int days, int perDay) {
        if (days < 1 || perDay < 16) {
            throw new IllegalArgumentException("document frequencies need at least 1 day and 16 features a day, got "
                    + days + " and " + perDay);
        }
        this.days = days;
        this.perDay = perDay;
    }

    public static DocumentFrequencies restore(int days, int perDay, List<Day> saved) {
        DocumentFrequencies df = new DocumentFrequencies(days, perDay);
        for (Day d : saved) {
            MutableDay b = df.buckets.computeIfAbsent(d.day(), k -> new MutableDay());
            b.documents += d.documents();
            df.documents += d.documents();
            d.counts().forEach((f, n) -> {
                b.counts.merge(f, n, Integer::sum);
                df.totals.merge(f, n, Integer::sum);
            });
        }
        if (!df.buckets.isEmpty()) {
            df.evictBefore(df.buckets.lastKey().minusDays(days - 1));
        }
        return df;
    }

    /** Counts one document published on {@code day}; a day older than the window is not counted. */
    public void add(LocalDate day, Iterable<String> features) {
        if (!buckets.isEmpty() && day.isBefore(buckets.lastKey().minusDays(days - 1))) {
            return;
        }
        MutableDay b = buckets.computeIfAbsent(day, k -> new MutableDay());
        b.documents++;
        documents++;
        for (String f : features) {
            b.counts.merge(f, 1, Integer::sum);
            totals.merge(f, 1, Integer::sum);
        }
        if (b.counts.size() > perDay) {
            forgetSingles(b);
        }
        evictBefore(buckets.lastKey().minusDays(days - 1));
    }

    /** ln(1 + (N + 1) / (df + 1)), N the documents in the window; an unseen feature counts as seen once. */
    public double idf(String feature) {
        int df = Math.max(1, totals.getOrDefault(feature, 0));
        return Math.log(1 + (documents + 1.0) / (df + 1.0));
    }

    /** In how many documents of the window the feature was counted (0 when unseen or forgotten). */
    public int count(String feature) {
        return totals.getOrDefault(feature, 0);
    }

    /** In how many documents of {@code day} the feature was counted (0 when unseen, forgotten or out of the window). */
    public int countOn(LocalDate day, String feature) {
        MutableDay b = buckets.get(day);
        return b == null ? 0 : b.counts.getOrDefault(feature, 0);
    }

    public int documents() {
        return documents;
    }

    /** How many (day, feature) counts are held: bounded by days × perDay. */
    public int size() {
        return buckets.values().stream().mapToInt(b -> b.counts.size()).sum();
    }

    /** Documents counted per day, oldest first: what a saver compares to find the days that changed (cheap). */
    public java.util.SortedMap<LocalDate, Integer> documentsPerDay() {
        TreeMap<LocalDate, Integer> out = new TreeMap<>();
        buckets.forEach((day, b) -> out.put(day, b.documents));
        return out;
    }

    /** One day's counts as saved, if the day is in the window (a copy: only the days that changed need one). */
    public java.util.Optional<Day> day(LocalDate day) {
        MutableDay b = buckets.get(day);
        return b == null ? java.util.Optional.empty() : java.util.Optional.of(new Day(day, b.documents, b.counts));
    }

    public List<Day> snapshot() {
        List<Day> out = new ArrayList<>();
        buckets.forEach((day, b) -> out.add(new Day(day, b.documents, b.counts)));
        return out;
    }

    private void evictBefore(LocalDate oldest) {
        while (!buckets.isEmpty() && buckets.firstKey().isBefore(oldest)) {
            MutableDay gone = buckets.pollFirstEntry().getValue();
            documents -= gone.documents;
            gone.counts.forEach((f, n) -> {
                if (totals.merge(f, -n, Integer::sum) <= 0) {
                    totals.remove(f);
                }
            });
        }
    }

    private void forgetSingles(MutableDay b) {
        b.counts.entrySet().removeIf(e -> {
            if (e.getValue() > 1) {
                return false;
            }
            if (totals.merge(e.getKey(), -1, Integer::sum) <= 0) {
                totals.remove(e.getKey());
            }
            return true;
        });
    }

    private static final class MutableDay {
        int documents;
        final Map<String, Integer> counts = new HashMap<>();
    }
}
