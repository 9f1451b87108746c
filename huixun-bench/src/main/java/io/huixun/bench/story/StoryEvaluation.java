package io.huixun.bench.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.bench.common.SharedData;
import io.huixun.bench.dedup.CctvCorpus;
import io.huixun.cluster.ActiveStoryClusterer;
import io.huixun.cluster.StoryAssignment;
import io.huixun.cluster.StoryCandidate;
import io.huixun.cluster.TitleTerms;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.TextRepairer;
import io.huixun.text.time.NewsZone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * {@code ./bench story-eval [--grid]}: B-cubed precision and recall of story clustering on a labelled set
 * ({@code labels.tsv} next to this class: 107 multi-article stories and 118 singletons, references into the CCTV pool,
 * fuyaonews and the seed page), for the new {@link ActiveStoryClusterer} and the {@link LegacyStoryClusterer} in the
 * same run, overall and per kind; then the per-article assign cost of both at 1k, 10k and all articles.
 *
 * <p>Every article of the CCTV pool (24k), fuyaonews (153) and the seed page (7 items, dated by the page) is fed in
 * time order, analysed by the project's {@link ArticleAnalyzer} as the pipeline does (seed text repaired first, as the
 * pipeline stores it), so unlabelled articles compete for every story. B-cubed counts labelled articles only: for each,
 * precision is the share of the labelled articles in its predicted story that share its label, recall the share of its
 * labelled story found in its predicted story. {@code --grid} also scores a few threshold settings.
 */
public final class StoryEvaluation {
    private static final ZoneId SHANGHAI = NewsZone.DEFAULT;
    private static final String SEED = "000_05223ddfc07066bf";

    record Doc(String ref, String source, Instant at, String title, String body, boolean teaser) {}

    record Analysed(Doc doc, Set<String> entities, Set<String> keywords, Set<String> titleTerms) {
        StoryCandidate candidate() {
            return new StoryCandidate(doc.ref, doc.at, doc.title, entities, keywords, titleTerms, doc.source,
                    doc.teaser);
        }

        StoryCandidate legacyCandidate() {
            return new StoryCandidate(doc.ref, doc.at, doc.title, entities, keywords);
        }
    }

    record Labels(Map<String, String> goldOf, Map<String, String> kindOf) {}

    private StoryEvaluation() {}

    public static void main(String[] args) throws Exception {
        boolean grid = List.of(args).contains("--grid");
        int diffAt = List.of(args).indexOf("--diff-join");
        double diffJoin = 0;
        if (diffAt >= 0) {
            diffJoin = diffAt + 1 < args.length && args[diffAt + 1].matches("0?\\.\\d+|1(\\.0*)?")
                    ? Double.parseDouble(args[diffAt + 1]) : -1;
            if (diffJoin <= 0) {
                System.err.println("usage: bench story-eval [--cache FILE] [--misses] [--grid] [--diff-join X]"
                        + " (X a join threshold in (0, 1], e.g. 0.20)");
                System.exit(2);
            }
        }
        int cacheAt = List.of(args).indexOf("--cache");
        Path cache = cacheAt >= 0 ? Path.of(args[cacheAt + 1]) : null;
        List<Doc> docs = load();
        Labels labels = labels(docs);
        long t0 = System.nanoTime();
        List<Analysed> analysed = cache != null && Files.exists(cache) ? readCache(cache, docs) : analyse(docs);
        if (cache != null && !Files.exists(cache)) {
            writeCache(cache, analysed);
        }
        System.out.printf("analysed %,d articles (%,d labelled: %,d stories, %,d singletons) in %.1f s%n",
                docs.size(), labels.goldOf.size(),
                labels.goldOf.values().stream().filter(g -> !g.startsWith("single:")).distinct().count(),
                labels.goldOf.values().stream().filter(g -> g.startsWith("single:")).count(),
                (System.nanoTime() - t0) / 1e9);

        Run legacy = runLegacy(analysed);
        Run fresh = runNew(analysed, ActiveStoryClusterer.Settings.defaults());
        System.out.println();
        System.out.println("B-cubed on the labelled articles (precision / recall / F1; n = labelled articles of that kind)");
        report("legacy StoryClusterer", legacy.storyOf, labels);
        report("new ActiveStoryClusterer (" + fresh.merges + " merges)", fresh.storyOf, labels);
        if (List.of(args).contains("--misses")) {
            misses(fresh.storyOf, labels);
        }
        if (diffJoin > 0) {
            ActiveStoryClusterer.Settings defaults = ActiveStoryClusterer.Settings.defaults();
            diff(analysed, fresh.storyOf, runNew(analysed, defaults.withThresholds(diffJoin, Math.max(diffJoin, 0.45),
                    defaults.teaserThreshold())).storyOf, diffJoin);
        }
        if (grid) {
            for (double join : new double[] {0.2, 0.25, 0.3, 0.35, 0.4}) {
                for (double teaser : new double[] {0.3, 0.45}) {
                    var s = ActiveStoryClusterer.Settings.defaults().withThresholds(join, Math.max(join, 0.45), teaser);
                    Map<String, String> r = runNew(analysed, s).storyOf;
                    double[] pr = bcubed(r, labels, k -> true);
                    System.out.printf("grid join %.2f merge %.2f teaser %.2f: P %.3f R %.3f%n", join,
                            Math.max(join, 0.45), teaser, pr[0], pr[1]);
                }
            }
        }
        cost(legacy, fresh);
    }

    // ---- data ----

    static List<Analysed> analyse(List<Doc> docs) {
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<Analysed> analysed = new ArrayList<>(docs.size());
        for (Doc d : docs) {
            Understanding u = analyzer.analyze(d.title, d.body, LocalDate.ofInstant(d.at, SHANGHAI));
            analysed.add(new Analysed(d, entitySet(u.entities()), Set.copyOf(u.keywords()), TitleTerms.of(d.title)));
        }
        return analysed;
    }

    /** {@code --cache FILE}: the analysis of a previous run (for tuning; the figures to report come without it). */
    static List<Analysed> readCache(Path file, List<Doc> docs) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Analysed> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            if (!n.path("ref").asText().equals(docs.get(i).ref)) {
                throw new IllegalStateException("the analysis cache " + file + " is for other data; delete it");
            }
            out.add(new Analysed(docs.get(i), set(n.path("e")), set(n.path("k")), set(n.path("t"))));
        }
        return out;
    }

    private static Set<String> set(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(x -> s.add(x.asText()));
        return s;
    }

    static void writeCache(Path file, List<Analysed> analysed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Analysed a : analysed) {
            lines.add(json.writeValueAsString(Map.of("ref", a.doc.ref, "e", a.entities, "k", a.keywords,
                    "t", a.titleTerms)));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static List<Doc> load() throws IOException {
        List<Doc> docs = new ArrayList<>();
        Map<String, Integer> perDay = new HashMap<>();
        for (CctvCorpus.Record r : CctvCorpus.load(Integer.MAX_VALUE)) {
            int index = Integer.parseInt(r.id().substring(r.id().lastIndexOf('-') + 1));
            Instant at = LocalDate.parse(r.date()).atTime(LocalTime.of(19, 0)).atZone(SHANGHAI).toInstant()
                    .plusSeconds(60L * index);
            docs.add(new Doc(r.id(), r.source(), at, r.title(), r.body(), false));
        }
        Path fuyao = SharedData.require("data/fuyaonews/articles.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(fuyao, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode a = json.readTree(line);
                Instant at = LocalDate.parse(a.path("date").asText()).atTime(12, 0).atZone(SHANGHAI).toInstant();
                docs.add(new Doc(a.path("id").asText(), a.path("source").asText(), at, a.path("title").asText(),
                        a.path("body_markdown").asText(), false));
            }
        }
        // The seed page: a lead and teasers, undated; they take the page's date (its newest teaser cites 4月27日).
        Path seed = SharedData.require("seed/" + SEED + ".txt");
        TextRepairer repairer = TextRepairer.create(RepairOptions.DEFAULT);
        Instant page = LocalDate.parse("2025-04-28").atTime(8, 0).atZone(SHANGHAI).toInstant();
        List<String> item = new ArrayList<>();
        int n = 0;
        List<String> lines = new ArrayList<>(Files.readAllLines(seed, StandardCharsets.UTF_8));
        lines.add("-");
        for (String line : lines) {
            if (line.strip().equals("-")) {
                if (!item.isEmpty()) {
                    n++;
                    String title = repairer.repair(item.get(0)).repaired();
                    String body = repairer.repair(String.join("\n", item.subList(1, item.size()))).repaired();
                    docs.add(new Doc("seed:" + SEED + "#" + n, "种子页", page.plusSeconds(n), title, body,
                            TitleTerms.looksLikeTeaser(body)));
                }
                item.clear();
            } else if (!line.isBlank()) {
                item.add(line);
            }
        }
        docs.sort(Comparator.comparing(Doc::at).thenComparing(Doc::ref));
        return docs;
    }

    static Labels labels(List<Doc> docs) throws IOException {
        Map<String, Doc> byRef = new HashMap<>();
        docs.forEach(d -> byRef.put(d.ref, d));
        Map<String, String> goldOf = new LinkedHashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        try (InputStream in = StoryEvaluation.class.getResourceAsStream("labels.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int story = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("single")) {
                    require(byRef, f[1]);
                    goldOf.put(f[1], "single:" + f[1]);
                    kindOf.put(f[1], "singleton");
                } else {
                    String label = "story:" + (++story) + ":" + f[1];
                    List<Doc> members = new ArrayList<>();
                    for (String ref : f[2].split(" ")) {
                        members.add(require(byRef, ref));
                        goldOf.put(ref, label);
                    }
                    String kind = kind(members);
                    members.forEach(m -> kindOf.put(m.ref, kind));
                }
            }
        }
        return new Labels(goldOf, kindOf);
    }

    private static Doc require(Map<String, Doc> byRef, String ref) {
        Doc d = byRef.get(ref);
        if (d == null) {
            throw new IllegalStateException("labels.tsv names " + ref + ", which is not in the shared data");
        }
        return d;
    }

    static String kind(List<Doc> members) {
        if (members.stream().anyMatch(Doc::teaser)) {
            return "teaser+full";
        }
        if (members.stream().map(Doc::source).distinct().count() > 1) {
            return "cross-source";
        }
        if (members.stream().anyMatch(m -> m.title.matches(".*(评论员|快评|社论|短评|述评|锐评|时评).*"))) {
            return "commentary";
        }
        boolean sameDay = members.stream().map(m -> LocalDate.ofInstant(m.at, SHANGHAI)).distinct().count() == 1;
        return sameDay ? "same-day" : "multi-day";
    }

    private static Set<String> entitySet(Entities e) {
        Set<String> s = new HashSet<>(e.people());
        s.addAll(e.places());
        s.addAll(e.organisations());
        return s;
    }

    // ---- clustering runs ----

    /** What a run assigned, and the CPU time of each assign (this thread's, so other load on the machine counts less). */
    record Run(Map<String, String> storyOf, long[] cpuNs, int[] examined, int[] active, int merges) {}

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static Run runLegacy(List<Analysed> analysed) {
        LegacyStoryClusterer warm = LegacyStoryClusterer.withDefaults();
        analysed.subList(0, Math.min(2_000, analysed.size())).forEach(a -> warm.assign(a.legacyCandidate()));
        LegacyStoryClusterer legacy = LegacyStoryClusterer.withDefaults();
        Map<String, String> storyOf = new HashMap<>();
        long[] cpu = new long[analysed.size()];
        for (int i = 0; i < analysed.size(); i++) {
            Analysed a = analysed.get(i);
            StoryCandidate c = a.legacyCandidate();
            long t = CPU.getCurrentThreadCpuTime();
            String id = legacy.assign(c);
            cpu[i] = CPU.getCurrentThreadCpuTime() - t;
            storyOf.put(a.doc.ref, id);
        }
        return new Run(storyOf, cpu, new int[analysed.size()], new int[analysed.size()], 0);
    }

    /** Runs the new clusterer; absorbed stories are followed to their survivor. */
    static Run runNew(List<Analysed> analysed, ActiveStoryClusterer.Settings settings) {
        ActiveStoryClusterer warm = new ActiveStoryClusterer(settings);
        analysed.subList(0, Math.min(2_000, analysed.size())).forEach(a -> warm.assign(a.candidate()));
        ActiveStoryClusterer c = new ActiveStoryClusterer(settings);
        Map<String, String> storyOf = new HashMap<>();
        Map<String, String> absorbedInto = new HashMap<>();
        long[] cpu = new long[analysed.size()];
        int[] examined = new int[analysed.size()], active = new int[analysed.size()];
        int merges = 0;
        for (int i = 0; i < analysed.size(); i++) {
            Analysed a = analysed.get(i);
            StoryCandidate candidate = a.candidate();
            long t = CPU.getCurrentThreadCpuTime();
            StoryAssignment r = c.assign(candidate);
            cpu[i] = CPU.getCurrentThreadCpuTime() - t;
            examined[i] = c.lastExamined();
            active[i] = c.activeCount();
            storyOf.put(a.doc.ref, r.storyId());
            if (r instanceof StoryAssignment.Merged m) {
                merges++;
                m.absorbedIds().forEach(id -> absorbedInto.put(id, m.survivorId()));
            }
        }
        Map<String, String> resolved = new HashMap<>();
        storyOf.forEach((ref, id) -> {
            String s = id;
            while (absorbedInto.containsKey(s)) {
                s = absorbedInto.get(s);
            }
            resolved.put(ref, s);
        });
        return new Run(resolved, cpu, examined, active, merges);
    }

    // ---- B-cubed ----

    static void report(String name, Map<String, String> predicted, Labels labels) {
        System.out.println(name);
        TreeMap<String, Function<String, Boolean>> kinds = new TreeMap<>();
        Set<String> names = new java.util.TreeSet<>(labels.kindOf.values());
        double[] all = bcubed(predicted, labels, ref -> true);
        System.out.printf("  %-14s P %.3f  R %.3f  F1 %.3f  n %d%n", "overall", all[0], all[1], f1(all), (int) all[2]);
        for (String k : names) {
            double[] pr = bcubed(predicted, labels, ref -> labels.kindOf.get(ref).equals(k));
            System.out.printf("  %-14s P %.3f  R %.3f  F1 %.3f  n %d%n", k, pr[0], pr[1], f1(pr), (int) pr[2]);
        }
    }

    /**
     * {@code --diff-join X}: what a join threshold of X changes over all articles, labelled or not (B-cubed sees the
     * labelled ones only, so a threshold that also pulls unrelated unlabelled articles together would not show
     * there): how many articles sit in stories of several, and, to be read, a seeded sample of the stories at X that
     * join articles the default kept apart (each part's headlines and dates).
     */
    static void diff(List<Analysed> analysed, Map<String, String> base, Map<String, String> other, double join) {
        Map<String, Doc> byRef = new HashMap<>();
        analysed.forEach(a -> byRef.put(a.doc.ref, a.doc));
        for (var e : List.of(Map.entry("default", base), Map.entry(String.format("join %.2f", join), other))) {
            Map<String, Integer> sizes = new HashMap<>();
            e.getValue().values().forEach(st -> sizes.merge(st, 1, Integer::sum));
            long inMulti = e.getValue().values().stream().filter(st -> sizes.get(st) > 1).count();
            int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            System.out.printf("%s: %,d stories, %,d of %,d articles in stories of several, largest %d%n", e.getKey(),
                    sizes.size(), inMulti, e.getValue().size(), largest);
        }
        Map<String, Map<String, List<String>>> parts = new TreeMap<>(); // story at X → default story → refs
        other.forEach((ref, st) -> parts.computeIfAbsent(st, k -> new TreeMap<>())
                .computeIfAbsent(base.get(ref), k -> new ArrayList<>()).add(ref));
        List<Map<String, List<String>>> joined = parts.values().stream().filter(p -> p.size() > 1).toList();
        System.out.printf("stories at join %.2f that join articles the default kept apart: %d%n", join, joined.size());
        List<Map<String, List<String>>> sample = new ArrayList<>(joined);
        java.util.Collections.shuffle(sample, new java.util.Random(7));
        for (Map<String, List<String>> p : sample.subList(0, Math.min(40, sample.size()))) {
            System.out.println("  --");
            p.values().forEach(refs -> System.out.println("    [" + refs.stream().map(r -> byRef.get(r).at()
                    .atZone(SHANGHAI).toLocalDate() + " " + byRef.get(r).title()).collect(Collectors.joining(" | "))
                    + "]"));
        }
    }

    /** {@code --misses}: each labelled story the new clusterer split, as the sizes of its predicted parts. */
    static void misses(Map<String, String> predicted, Labels labels) {
        Map<String, Map<String, Integer>> parts = new TreeMap<>();
        labels.goldOf.forEach((ref, gold) -> {
            if (!gold.startsWith("single:")) {
                parts.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted.get(ref), 1, Integer::sum);
            }
        });
        parts.forEach((gold, p) -> {
            if (p.size() > 1) {
                System.out.println("  split: " + gold + " → " + p.values());
            }
        });
    }

    private static double f1(double[] pr) {
        return pr[0] + pr[1] == 0 ? 0 : 2 * pr[0] * pr[1] / (pr[0] + pr[1]);
    }

    /** {precision, recall, n} averaged over the labelled articles that {@code include} accepts. */
    static double[] bcubed(Map<String, String> predicted, Labels labels, Function<String, Boolean> include) {
        Map<String, List<String>> byPredicted = new HashMap<>();
        Map<String, Integer> goldSize = new HashMap<>();
        labels.goldOf.forEach((ref, gold) -> {
            byPredicted.computeIfAbsent(predicted.get(ref), k -> new ArrayList<>()).add(ref);
            goldSize.merge(gold, 1, Integer::sum);
        });
        double p = 0, r = 0;
        int n = 0;
        for (Map.Entry<String, String> e : labels.goldOf.entrySet()) {
            if (!include.apply(e.getKey())) {
                continue;
            }
            List<String> same = byPredicted.get(predicted.get(e.getKey()));
            long correct = same.stream().filter(o -> labels.goldOf.get(o).equals(e.getValue())).count();
            p += (double) correct / same.size();
            r += (double) correct / goldSize.get(e.getValue());
            n++;
        }
        return new double[] {p / n, r / n, n};
    }

    // ---- cost ----

    /** Mean CPU time of assign (µs) and stories examined over the 1,000 articles before 1k, 10k and the end. */
    static void cost(Run legacy, Run fresh) {
        int n = legacy.cpuNs.length;
        System.out.println();
        System.out.println("assign CPU time per article, mean over the 1,000 articles before each mark (same run)");
        for (int mark : new int[] {1_000, 10_000, n}) {
            long l = 0, f = 0, ex = 0;
            for (int i = mark - 1_000; i < mark; i++) {
                l += legacy.cpuNs[i];
                f += fresh.cpuNs[i];
                ex += fresh.examined[i];
            }
            System.out.printf("  at %,6d: legacy %8.1f µs   new %6.1f µs (examined %.1f stories, %d active)"
                    + "   legacy/new %.1f×%n", mark, l / 1e6, f / 1e6, ex / 1000.0, fresh.active[mark - 1],
                    (double) l / f);
        }
    }
}
