package io.huixun.bench.dedup;

import io.huixun.dedup.CanonicalRank;
import io.huixun.dedup.DedupConfig;
import io.huixun.dedup.DedupIndex;
import io.huixun.dedup.DedupVerdict;
import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.dedup.Verification;
import io.huixun.text.time.NewsZone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * De-duplication quality on the CCTV pool plus generated copies, against exact Jaccard ground truth.
 *
 * <p>Truth: two texts are duplicates when the exact Jaccard similarity of their 5-gram shingle sets, after the
 * dedup normalisation (width, t2s, spam pinyin, punctuation), is ≥ the threshold (0.5). Why 0.5: unrelated news
 * scores about 0.007 and a lightly edited copy ≥ 0.6; 0.5 is also where a copy cut to half its length lands.
 *
 * <p>Method: every CCTV article, plus for {@code --originals} random ones five copies each (traditional,
 * traditional + spam pinyin, truncated to 50–95 %, 1–6 % of characters edited, paragraphs reordered). Every text is
 * indexed; each text's matches form the predicted pairs. Precision: exact Jaccard of every predicted pair.
 * Recall: over the true pairs found by brute force (a) within every family of copies and (b) among all pairs of
 * {@code --sample} random texts. Run twice: estimate only, and with exact verification near the threshold. Then a
 * sequential "ingest" in random order checks that copies end up linked to their clean original.
 *
 * <p>Usage: {@code ./bench dedup-eval [--originals N] [--sample N] [--seed N] [--no-strip-pinyin]}
 */
public final class DedupEvaluation {
    private record Doc(int family, VariantMaker.Kind kind, String text, Instant published, boolean clean) {
        boolean original() {
            return kind == null;
        }
    }

    private DedupEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        int originals = 2000;
        int sample = 3000;
        long seed = 42;
        boolean stripPinyin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--originals" -> originals = Integer.parseInt(args[++i]);
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-strip-pinyin" -> stripPinyin = false;
                default -> {
                    System.err.println("usage: dedup-eval [--originals N] [--sample N] [--seed N] [--no-strip-pinyin]");
                    System.exit(2);
                }
            }
        }
        List<CctvCorpus.Record> records = CctvCorpus.load(Integer.MAX_VALUE);
        Random random = new Random(seed);
        VariantMaker maker = new VariantMaker(seed);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            docs.add(new Doc(i, null, records.get(i).body(), published(records.get(i)), true));
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            chosen.add(i);
        }
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, Math.min(originals, chosen.size()));
        for (int family : chosen) {
            for (VariantMaker.Kind kind : VariantMaker.Kind.values()) {
                boolean repaired = kind == VariantMaker.Kind.TRADITIONAL || kind == VariantMaker.Kind.PINYIN_SPAM;
                docs.add(new Doc(family, kind, maker.make(kind, records.get(family).body()),
                        docs.get(family).published().plusSeconds(3600L * (1 + random.nextInt(48))), !repaired));
            }
        }
        DedupConfig config = new DedupConfig(5, 40, 3, 0.5, 0.15, stripPinyin);
        Deduplicator dedup = new Deduplicator(config);
        double threshold = config.threshold();
        System.out.printf("texts: %d (%d CCTV articles + %d generated copies of %d of them); shingles: %d-grams; "
                        + "hashes: %d (%d bands × %d rows); threshold %.2f; strip pinyin: %s%n",
                docs.size(), records.size(), docs.size() - records.size(), chosen.size(), config.shingleSize(),
                config.numHashes(), config.bands(), config.rows(), threshold, stripPinyin);

        long t0 = System.nanoTime();
        long chars = 0;
        Fingerprint[] fingerprints = new Fingerprint[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            fingerprints[i] = dedup.fingerprint(docs.get(i).text());
            chars += docs.get(i).text().length();
        }
        double fpSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("fingerprints: %.1f s, %.0f texts/s, %.2f M chars/s (normalise + t2s + 120 MinHashes)%n",
                fpSeconds, docs.size() / fpSeconds, chars / fpSeconds / 1e6);
        long[][] shingles = new long[docs.size()][];
        for (int i = 0; i < docs.size(); i++) {
            shingles[i] = dedup.shingleHashes(dedup.normalize(docs.get(i).text()));
        }

        DedupIndex index = new DedupIndex(config, id -> Optional.of(fingerprints[(int) id]));
        for (int i = 0; i < docs.size(); i++) {
            index.add(i, i, fingerprints[i], new CanonicalRank(true, Optional.empty()));
        }

        // truth: families and a random sample, by brute force
        Set<Long> truth = new HashSet<>();
        Set<Long> examined = new HashSet<>();
        Map<Integer, List<Integer>> families = new java.util.HashMap<>();
        for (int i = records.size(); i < docs.size(); i++) {
            families.computeIfAbsent(docs.get(i).family(), f -> new ArrayList<>(List.of(f))).add(i);
        }
        int familyPairs = 0;
        int familyTrue = 0;
        for (List<Integer> members : families.values()) {
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    long key = key(members.get(a), members.get(b), docs.size());
                    examined.add(key);
                    familyPairs++;
                    if (Deduplicator.jaccard(shingles[members.get(a)], shingles[members.get(b)]) >= threshold) {
                        truth.add(key);
                        familyTrue++;
                    }
                }
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        List<Integer> sampled = all.subList(0, Math.min(sample, all.size()));
        long t1 = System.nanoTime();
        long samplePairs = 0;
        int sampleTrue = 0;
        double unrelatedSum = 0;
        long unrelatedCount = 0;
        double[] unrelatedMax = new double[1];
        for (int a = 0; a < sampled.size(); a++) {
            for (int b = a + 1; b < sampled.size(); b++) {
                int i = sampled.get(a);
                int j = sampled.get(b);
                double jaccard = Deduplicator.jaccard(shingles[i], shingles[j]);
                samplePairs++;
                long key = key(i, j, docs.size());
                examined.add(key);
                if (jaccard >= threshold) {
                    truth.add(key);
                    sampleTrue++;
                } else if (docs.get(i).family() != docs.get(j).family()) {
                    unrelatedSum += jaccard;
                    unrelatedCount++;
                    unrelatedMax[0] = Math.max(unrelatedMax[0], jaccard);
                }
            }
        }
        System.out.printf("truth: %d family pairs (%d with J ≥ %.2f); %d pairs among %d random texts by brute force "
                        + "in %.1f s (%d with J ≥ %.2f); other pairs in the sample: mean J %.4f, max %.3f%n",
                familyPairs, familyTrue, threshold, samplePairs, sampled.size(), (System.nanoTime() - t1) / 1e9,
                sampleTrue, threshold, unrelatedSum / unrelatedCount, unrelatedMax[0]);

        for (boolean verify : new boolean[] {false, true}) {
            long t2 = System.nanoTime();
            Set<Long> predicted = new HashSet<>();
            for (int i = 0; i < docs.size(); i++) {
                Verification verification = verify
                        ? dedup.verification(docs.get(i).text(), id -> Optional.of(docs.get((int) id).text()))
                        : null;
                List<DedupIndex.Match> hits = verify ? index.matches(fingerprints[i], verification)
                        : index.matches(fingerprints[i]);
                for (DedupIndex.Match m : hits) {
                    if (m.id() != i) {
                        predicted.add(key(i, (int) m.id(), docs.size()));
                    }
                }
            }
            double querySeconds = (System.nanoTime() - t2) / 1e9;
            int truePositives = 0;
            for (long pair : predicted) {
                if (Deduplicator.jaccard(shingles[(int) (pair / docs.size())], shingles[(int) (pair % docs.size())])
                        >= threshold) {
                    truePositives++;
                }
            }
            int found = 0;
            Map<VariantMaker.Kind, int[]> byKind = new EnumMap<>(VariantMaker.Kind.class);
            for (long pair : truth) {
                boolean hit = predicted.contains(pair);
                if (hit) {
                    found++;
                }
                Doc a = docs.get((int) (pair / docs.size()));
                Doc b = docs.get((int) (pair % docs.size()));
                if (a.original() && !b.original() && a.family() == b.family()) {
                    int[] counts = byKind.computeIfAbsent(b.kind(), k -> new int[2]);
                    counts[0]++;
                    counts[1] += hit ? 1 : 0;
                }
            }
            System.out.printf("%s: %d predicted pairs (queries %.1f s); precision %.4f (%d/%d, exact J of every "
                            + "predicted pair); recall %.4f (%d/%d true pairs)%n",
                    verify ? "verified near the threshold" : "estimate only", predicted.size(), querySeconds,
                    (double) truePositives / predicted.size(), truePositives, predicted.size(),
                    (double) found / truth.size(), found, truth.size());
            StringBuilder kinds = new StringBuilder("  recall of original ↔ copy pairs with J ≥ threshold:");
            byKind.forEach((kind, c) -> kinds.append(String.format(" %s %d/%d", kind.name().toLowerCase(), c[1], c[0])));
            System.out.println(kinds);
        }
        provenance(docs, records.size(), shingles, threshold);
        ingest(docs, records.size(), fingerprints, shingles, dedup, config, random);
    }

    /** How many copies of each kind stay above the threshold at all (the rest are not duplicates by the truth). */
    private static void provenance(List<Doc> docs, int originals, long[][] shingles, double threshold) {
        Map<VariantMaker.Kind, double[]> stats = new EnumMap<>(VariantMaker.Kind.class);
        for (int i = originals; i < docs.size(); i++) {
            double j = Deduplicator.jaccard(shingles[i], shingles[docs.get(i).family()]);
            double[] s = stats.computeIfAbsent(docs.get(i).kind(), k -> new double[] {0, 0, 1});
            s[0]++;
            s[1] += j >= threshold ? 1 : 0;
            s[2] = Math.min(s[2], j);
        }
        StringBuilder out = new StringBuilder("copies with J(copy, original) ≥ threshold:");
        stats.forEach((kind, s) -> out.append(String.format(" %s %.0f/%.0f (min J %.3f)", kind.name().toLowerCase(),
                s[1], s[0], s[2])));
        System.out.println(out);
    }

    /**
     * Sequential ingest in random order, as the pipeline would do it: check (verified), add, relink on supersede.
     * Reports where copies end up and whether links are right.
     */
    private static void ingest(List<Doc> docs, int originals, Fingerprint[] fingerprints, long[][] shingles,
                               Deduplicator dedup, DedupConfig config, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        DedupIndex index = new DedupIndex(config, id -> Optional.of(fingerprints[(int) id]));
        long[] canonical = new long[docs.size()];
        Arrays.fill(canonical, -1);
        long t0 = System.nanoTime();
        int supersedes = 0;
        for (int i : order) {
            Doc doc = docs.get(i);
            CanonicalRank rank = new CanonicalRank(doc.clean(), Optional.of(doc.published()));
            DedupVerdict verdict = index.check(fingerprints[i], rank,
                    dedup.verification(doc.text(), id -> Optional.of(docs.get((int) id).text())));
            switch (verdict) {
                case DedupVerdict.Unique u -> {
                    canonical[i] = i;
                    index.add(i, i, fingerprints[i], rank);
                }
                case DedupVerdict.DuplicateOf d -> {
                    canonical[i] = d.canonicalId();
                    index.add(i, d.canonicalId(), fingerprints[i], rank);
                }
                case DedupVerdict.Supersedes s -> {
                    supersedes++;
                    canonical[i] = i;
                    index.add(i, i, fingerprints[i], rank);
                    for (long old : s.oldCanonicalIds()) {
                        index.relink(old, i);
                        for (int k = 0; k < canonical.length; k++) {
                            if (canonical[k] == old) {
                                canonical[k] = i;
                            }
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int copiesAboveThreshold = 0;
        int foldedOntoOriginal = 0;
        int originalCanonical = 0;
        int wrongLinks = 0;
        int links = 0;
        int misses = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (canonical[i] != i) {
                links++;
                if (Deduplicator.jaccard(shingles[i], shingles[(int) canonical[i]]) < config.threshold()) {
                    wrongLinks++;
                }
            }
            if (i >= originals) {
                int family = docs.get(i).family();
                if (Deduplicator.jaccard(shingles[i], shingles[family]) >= config.threshold()) {
                    copiesAboveThreshold++;
                    if (canonical[i] == canonical[family]) {
                        foldedOntoOriginal++;
                    } else if (misses++ < 5) {
                        System.out.printf("  not folded: %s copy of #%d (J to original %.3f); its canonical #%d "
                                        + "(J %.3f), the original's canonical #%d (J %.3f)%n",
                                docs.get(i).kind().name().toLowerCase(), family,
                                Deduplicator.jaccard(shingles[i], shingles[family]), canonical[i],
                                Deduplicator.jaccard(shingles[i], shingles[(int) canonical[i]]), canonical[family],
                                Deduplicator.jaccard(shingles[i], shingles[(int) canonical[family]]));
                    }
                }
            }
        }
        for (int i = 0; i < originals; i++) {
            if (canonical[i] == i) {
                originalCanonical++;
            }
        }
        System.out.printf("ingest in random order (%.1f s, %d supersedes): %d/%d copies with J ≥ threshold share their "
                        + "original's group; %d/%d links point at a canonical with exact J < threshold (chained "
                        + "matches); %d/%d CCTV originals are canonical%n",
                seconds, supersedes, foldedOntoOriginal, copiesAboveThreshold, wrongLinks, links, originalCanonical,
                originals);
    }

    private static Instant published(CctvCorpus.Record record) {
        // 新闻联播 airs at 19:00 Beijing time
        return LocalDate.parse(record.date()).atTime(19, 0).atZone(NewsZone.DEFAULT).toInstant();
    }

    private static long key(int a, int b, int n) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }
}
