package io.huixun.bench.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.bench.common.SharedData;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Precision of the people, places and organisations (and the junk rate of the keywords) that {@link ArticleAnalyzer}
 * outputs, on a hand-checked sample, before (main's rules at a1f944c, frozen in
 * {@link io.huixun.bench.nlp.frozen.MainRules}; the older 141f38c rules were the before of the first pass and are in
 * git history) and after, in the same run: {@code ./bench entity-eval [--dump]}.
 *
 * <p>The sample is drawn reproducibly (seed {@value #SEED}): a fixed number of articles from each shared set (CCTV
 * 新闻联播, fuyaonews, CWCED's gold texts), every entity either version outputs for them, and the keywords of the
 * first {@value #KEYWORD_ARTICLES} of them. Judgements live in {@code entity-judgements.tsv} (kind, article
 * reference, name, + or -): references and labels only, no article text. Each was made by reading the sentences the
 * name occurs in: + when the string is, in that article, a complete name of that kind (a person, a place, an
 * organisation); - when it is a fragment, a common word, or a name of another kind. A keyword is + when it is a
 * whole word that tells what the article is about, - when it is a fragment (台新, 花落) or an empty word (占比).
 * Every third article is held out: the rules were designed by reading the errors of the other two thirds only.
 * {@code --dump} prints the mentions that have no judgement yet, with their contexts, for judging; {@code --errors
 * [design|held-out|all]} prints the wrong and unjudged entities of a part (design by default), and {@code --mentions
 * PART} every entity of a part with its label, for reading the errors before changing a rule.
 */
public final class EntityEvaluation {
    static final long SEED = 20261203L;
    static final int KEYWORD_ARTICLES = 16;
    private static final Map<String, Integer> PER_SET = new LinkedHashMap<>();

    static {
        PER_SET.put("cctv", 30);
        PER_SET.put("fuyao", 10);
        PER_SET.put("cwced", 10);
    }

    record Doc(String set, String ref, String title, String body, boolean heldOut) {
        String key() {
            return set + ":" + ref;
        }
    }

    /** One output to judge: kind P, L, O (person, place, organisation) or K (keyword). */
    record Mention(String kind, String doc, String name) {}

    private EntityEvaluation() {}

    public static void main(String[] args) throws Exception {
        boolean dump = args.length > 0 && args[0].equals("--dump");
        boolean mentionsOnly = args.length > 0 && args[0].equals("--mentions");
        boolean errors = mentionsOnly || args.length > 0 && args[0].equals("--errors");
        String errorPart = args.length > 1 ? args[1] : "design";
        Path data = SharedData.require("data");
        List<Doc> docs = sample(data);
        Map<Mention, Boolean> judged = judgements();
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        io.huixun.bench.nlp.frozen.MainRules baseline = new io.huixun.bench.nlp.frozen.MainRules();
        ChineseConverter simplified = ChineseConverter.of(ConversionConfig.T2S);
        Map<String, Set<Mention>> before = new LinkedHashMap<>();
        Map<String, Set<Mention>> after = new LinkedHashMap<>();
        LocalDate reference = LocalDate.of(2025, 6, 1);
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            io.huixun.bench.nlp.frozen.MainRules.Result b = baseline.analyze(d.title(), d.body());
            Understanding u = analyzer.analyze(d.title(), d.body(), reference);
            before.put(d.key(), mentions(d, b.entities(), i < KEYWORD_ARTICLES ? b.keywords() : List.of()));
            after.put(d.key(), mentions(d, u.entities(), i < KEYWORD_ARTICLES ? u.keywords() : List.of()));
        }
        if (errors) { // the wrong outputs of one part (design by default), with their contexts, for reading
            for (Doc d : docs) {
                if (!errorPart.equals("all") && d.heldOut() != errorPart.equals("held-out")) {
                    continue;
                }
                String text = simplified.convert(d.title() + "\n" + d.body());
                for (Mention m : after.get(d.key())) {
                    if (!m.kind().equals("K") && (mentionsOnly || !Boolean.TRUE.equals(judged.get(m)))) {
                        System.out.println(m.kind() + "\t" + m.doc() + "\t" + m.name() + "\t"
                                + (judged.containsKey(m) ? judged.get(m) ? "+" : "-" : "?") + "\t" + contexts(text, m.name()));
                    }
                }
            }
            return;
        }
        if (dump) {
            for (Doc d : docs) {
                Set<Mention> all = new LinkedHashSet<>(before.get(d.key()));
                all.addAll(after.get(d.key()));
                String text = simplified.convert(d.title() + "\n" + d.body());
                for (Mention m : all) {
                    if (!judged.containsKey(m)) {
                        System.out.println(m.kind() + "\t" + m.doc() + "\t" + m.name() + "\t?\t" + contexts(text, m.name()));
                    }
                }
            }
            return;
        }
        System.out.println("# Entity and keyword precision (hand-checked sample, seed " + SEED + ")");
        System.out.println();
        System.out.printf(Locale.ROOT, "Articles: %s; held out (every third): %d. Keywords judged on the first %d "
                + "articles.%n", PER_SET, docs.stream().filter(Doc::heldOut).count(), KEYWORD_ARTICLES);
        System.out.println();
        System.out.println("| part | kind | before: judged correct / output (precision) | after | "
                + "judged-correct lost | unjudged before/after |");
        System.out.println("|---|---|---|---|---|---|");
        for (String part : List.of("all", "design", "held-out")) {
            for (String kind : List.of("P", "L", "O", "PLO", "K")) {
                row(part, kind, docs, before, after, judged);
            }
        }
        System.out.println();
        System.out.println("Lost judged-correct entities (all parts): " + lost(docs, before, after, judged, "PLO"));
        System.out.println("Lost judged-correct keywords: " + lost(docs, before, after, judged, "K"));
        System.out.println("Remaining wrong outputs after (all parts): " + wrong(docs, after, judged, "PLO"));
        System.out.println("Remaining junk keywords after: " + wrong(docs, after, judged, "K"));
    }

    private static void row(String part, String kind, List<Doc> docs, Map<String, Set<Mention>> before,
                            Map<String, Set<Mention>> after, Map<Mention, Boolean> judged) {
        int[] b = new int[3];
        int[] a = new int[3];
        int lost = 0;
        for (Doc d : docs) {
            if (part.equals("design") && d.heldOut() || part.equals("held-out") && !d.heldOut()) {
                continue;
            }
            for (Mention m : before.get(d.key())) {
                if (kind.contains(m.kind())) {
                    tally(b, judged.get(m));
                    if (Boolean.TRUE.equals(judged.get(m)) && !after.get(d.key()).contains(m)) {
                        lost++;
                    }
                }
            }
            for (Mention m : after.get(d.key())) {
                if (kind.contains(m.kind())) {
                    tally(a, judged.get(m));
                }
            }
        }
        String name = switch (kind) {
            case "P" -> "people";
            case "L" -> "places";
            case "O" -> "organisations";
            case "PLO" -> "**all entities**";
            default -> "keywords (not junk)";
        };
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d/%d |%n", part, name, cell(b), cell(a), lost,
                b[2], a[2]);
    }

    private static void tally(int[] counts, Boolean label) {
        if (label == null) {
            counts[2]++;
        } else {
            counts[1]++;
            counts[0] += label ? 1 : 0;
        }
    }

    private static String cell(int[] c) {
        return c[1] == 0 ? "–" : String.format(Locale.ROOT, "%d/%d (%.3f)", c[0], c[1], (double) c[0] / c[1]);
    }

    private static List<String> lost(List<Doc> docs, Map<String, Set<Mention>> before,
                                     Map<String, Set<Mention>> after, Map<Mention, Boolean> judged, String kinds) {
        List<String> out = new ArrayList<>();
        for (Doc d : docs) {
            for (Mention m : before.get(d.key())) {
                if (kinds.contains(m.kind()) && Boolean.TRUE.equals(judged.get(m)) && !after.get(d.key()).contains(m)) {
                    out.add(m.kind() + ":" + m.name());
                }
            }
        }
        return out;
    }

    private static List<String> wrong(List<Doc> docs, Map<String, Set<Mention>> out, Map<Mention, Boolean> judged,
                                      String kinds) {
        List<String> wrong = new ArrayList<>();
        for (Doc d : docs) {
            for (Mention m : out.get(d.key())) {
                if (kinds.contains(m.kind()) && Boolean.FALSE.equals(judged.get(m))) {
                    wrong.add(m.kind() + ":" + m.name() + (d.heldOut() ? "(h)" : ""));
                }
            }
        }
        return wrong;
    }

    private static Set<Mention> mentions(Doc d, Entities e, List<String> keywords) {
        Set<Mention> out = new LinkedHashSet<>();
        e.people().forEach(n -> out.add(new Mention("P", d.key(), n)));
        e.places().forEach(n -> out.add(new Mention("L", d.key(), n)));
        e.organisations().forEach(n -> out.add(new Mention("O", d.key(), n)));
        keywords.forEach(n -> out.add(new Mention("K", d.key(), n)));
        return out;
    }

    private static String contexts(String text, String name) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = text.indexOf(name); i >= 0 && shown < 2; i = text.indexOf(name, i + name.length()), shown++) {
            int from = Math.max(0, i - 22);
            int to = Math.min(text.length(), i + name.length() + 22);
            b.append(shown > 0 ? " ‖ " : "").append(text, from, i).append('[').append(name).append(']')
                    .append(text, i + name.length(), to);
        }
        return b.toString().replace('\n', ' ').replace('\t', ' ');
    }

    private static Map<Mention, Boolean> judgements() throws IOException {
        Map<Mention, Boolean> out = new LinkedHashMap<>();
        try (InputStream in = EntityEvaluation.class.getResourceAsStream("entity-judgements.tsv")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length >= 4 && (f[3].equals("+") || f[3].equals("-"))) {
                    out.put(new Mention(f[0], f[1], f[2]), f[3].equals("+"));
                }
            }
        }
        return out;
    }

    /** The sampled articles, interleaved across sets so that the first ones (keywords) mix the sets. */
    static List<Doc> sample(Path data) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Doc>> bySet = new LinkedHashMap<>();
        List<Doc> cctv = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(data.resolve("cctv-xwlb/articles.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                cctv.add(new Doc("cctv", n.path("id").asText(), n.path("title").asText(), n.path("body").asText(),
                        false));
            }
        }
        bySet.put("cctv", cctv);
        List<Doc> fuyao = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(data.resolve("fuyaonews/articles.jsonl"))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                fuyao.add(new Doc("fuyao", n.path("id").asText(), n.path("title").asText(),
                        n.path("body_markdown").asText(), false));
            }
        }
        bySet.put("fuyao", fuyao);
        List<Doc> cwced = new ArrayList<>();
        for (JsonNode n : json.readTree(data.resolve("cwced/index.json").toFile())) {
            String id = n.get("id").asText();
            cwced.add(new Doc("cwced", id, "", Files.readString(data.resolve("cwced/cleaned/" + id + ".txt")), false));
        }
        bySet.put("cwced", cwced);
        List<List<Doc>> picked = new ArrayList<>();
        for (var e : PER_SET.entrySet()) {
            List<Doc> all = new ArrayList<>(bySet.get(e.getKey()));
            Collections.shuffle(all, new Random(SEED));
            picked.add(all.subList(0, Math.min(e.getValue(), all.size())));
        }
        List<Doc> out = new ArrayList<>();
        for (int i = 0; out.size() < picked.stream().mapToInt(List::size).sum(); i++) {
            for (List<Doc> p : picked) {
                if (i < p.size()) {
                    Doc d = p.get(i);
                    out.add(new Doc(d.set(), d.ref(), d.title(), d.body(), out.size() % 3 == 2));
                }
            }
        }
        return out;
    }
}
