package io.huixun.bench.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.text.repair.CorruptionGenerator;
import io.huixun.text.repair.EditDistance;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.TextRepairer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repair evaluation: character error rate before and after repair, per damage kind and mixed, on CCTV paragraphs
 * held out of the character model ({@link CharModelBuilder#isHeldOut}); the must-not-change check (clean CCTV
 * paragraphs, ftfy's negative cases and clean texts, English/Japanese/mixed lines); and how many of the real
 * mojibake pairs are fully restored.
 *
 * <p>Usage: {@code RepairEvaluation [DATA_DIR] [PARAGRAPHS] [SEED]} (defaults {@code ../shared/data 1200 20260425}).
 * Prints a Markdown report. Exits 0 with "skipped: …" when the data are absent.
 */
public final class RepairEvaluation {
    private RepairEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20260425L;
        Path cctv = data.resolve("cctv-xwlb/articles.jsonl");
        if (!Files.exists(cctv)) {
            System.out.println("skipped: " + cctv + " not found");
            return;
        }
        List<String> heldOut = new ArrayList<>();
        List<String> all = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(cctv, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                boolean held = CharModelBuilder.isHeldOut(node.path("id").asText());
                for (String p : node.path("body").asText().split("\n")) {
                    if (p.isBlank()) {
                        continue;
                    }
                    all.add(p);
                    // paragraphs worth damaging: Chinese running text, not the time-stamp lines
                    if (held && p.length() >= 30 && !p.startsWith("(更新时间戳")) {
                        heldOut.add(p);
                    }
                }
            }
        }
        TextRepairer repairer = TextRepairer.create(RepairOptions.DEFAULT);
        System.out.println("## Repair evaluation\n");
        System.out.printf("Damaged text: %d paragraphs of CCTV articles held out of the character model (of %d held-out "
                + "paragraphs ≥ 30 chars), generator seed %d. CER = Levenshtein distance to the clean paragraph / its "
                + "length.%n%n", Math.min(count, heldOut.size()), heldOut.size(), seed);
        System.out.println("| damage | paragraphs | CER before | CER after | after/before |");
        System.out.println("|---|---:|---:|---:|---:|");
        List<String> sample = heldOut.subList(0, Math.min(count, heldOut.size()));
        for (CorruptionGenerator.Damage damage : CorruptionGenerator.Damage.values()) {
            CorruptionGenerator generator = new CorruptionGenerator(seed + damage.ordinal());
            long chars = 0;
            long before = 0;
            long after = 0;
            for (String p : sample) {
                String damaged = generator.damage(p, damage);
                chars += p.length();
                before += EditDistance.of(damaged, p);
                after += EditDistance.of(repairer.repair(damaged).repaired(), p);
            }
            row(damage.name().toLowerCase(), sample.size(), chars, before, after);
        }
        CorruptionGenerator generator = new CorruptionGenerator(seed);
        long chars = 0;
        long before = 0;
        long after = 0;
        Map<CorruptionGenerator.Damage, long[]> byKind = new EnumMap<>(CorruptionGenerator.Damage.class);
        for (String p : sample) {
            Set<CorruptionGenerator.Damage> applied = EnumSet.noneOf(CorruptionGenerator.Damage.class);
            String damaged = generator.mixed(p, applied);
            long b = EditDistance.of(damaged, p);
            long a = EditDistance.of(repairer.repair(damaged).repaired(), p);
            chars += p.length();
            before += b;
            after += a;
            for (CorruptionGenerator.Damage d : applied) {
                long[] t = byKind.computeIfAbsent(d, k -> new long[3]);
                t[0] += p.length();
                t[1] += b;
                t[2] += a;
            }
        }
        row("**mixed** (2–4 kinds per paragraph)", sample.size(), chars, before, after);
        System.out.println("\nMixed, broken down by the kinds present in a paragraph (a paragraph counts for each of its kinds):\n");
        System.out.println("| kind present | CER before | CER after | after/before |");
        System.out.println("|---|---:|---:|---:|");
        for (var e : byKind.entrySet()) {
            long[] t = e.getValue();
            System.out.printf("| %s | %.3f%% | %.3f%% | %.3f |%n", e.getKey().name().toLowerCase(), 100.0 * t[1] / t[0],
                    100.0 * t[2] / t[0], t[1] == 0 ? 0 : (double) t[2] / t[1]);
        }
        mustNotChange(data, all, repairer);
        mojibakeReal(data, repairer);
    }

    private static void row(String name, int n, long chars, long before, long after) {
        System.out.printf("| %s | %d | %.3f%% | %.3f%% | %.3f |%n", name, n, 100.0 * before / chars,
                100.0 * after / chars, before == 0 ? 0 : (double) after / before);
    }

    private static void mustNotChange(Path data, List<String> cctv, TextRepairer simplified) throws IOException {
        TextRepairer keep = TextRepairer.create(new RepairOptions(RepairOptions.TargetScript.KEEP));
        System.out.println("\n## Must not change\n");
        System.out.println("| corpus | lines | changed (simplified) | changed (keep) |");
        System.out.println("|---|---:|---:|---:|");
        List<String> first = cctv.subList(0, Math.min(5000, cctv.size()));
        report("CCTV paragraphs, first 5,000", first, simplified, keep);
        report("CCTV paragraphs, all " + cctv.size(), cctv, simplified, keep);
        Path ftfy = data.resolve("ftfy-tests");
        if (Files.exists(ftfy)) {
            ObjectMapper json = new ObjectMapper();
            List<String> negatives = new ArrayList<>();
            for (JsonNode n : json.readTree(ftfy.resolve("negative.json").toFile())) {
                negatives.add(n.path("original").asText());
            }
            report("ftfy negative cases", negatives, simplified, keep);
            List<String> fixed = new ArrayList<>();
            for (String f : new String[] {"in-the-wild.json", "synthetic.json", "language-names.json"}) {
                for (JsonNode n : json.readTree(ftfy.resolve(f).toFile())) {
                    if (n.path("expect").asText().equals("pass")) {
                        fixed.add(n.path("fixed").asText());
                    }
                }
            }
            report("ftfy clean outputs (`fixed` of passing cases)", fixed, simplified, keep);
        } else {
            System.out.println("skipped: " + ftfy + " not found");
        }
        Path fuyao = data.resolve("fuyaonews/articles.jsonl");
        if (Files.exists(fuyao)) {
            List<String> paragraphs = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(fuyao)) {
                if (!line.isBlank()) {
                    for (String p : json.readTree(line).path("body_markdown").asText().split("\n")) {
                        if (!p.isBlank()) {
                            paragraphs.add(p);
                        }
                    }
                }
            }
            report("Fuyao news paragraphs (markdown, all)", paragraphs, simplified, keep);
        }
        Path cwced = data.resolve("cwced/cleaned");
        if (Files.isDirectory(cwced)) {
            List<String> lines = new ArrayList<>();
            try (var files = Files.list(cwced)) {
                for (Path f : files.sorted().toList()) {
                    Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
                }
            }
            report("CWCED hand-cleaned page text (real web text, not a must-not-change corpus)", lines, simplified,
                    keep);
            Map<String, Integer> kinds = new java.util.TreeMap<>();
            for (String l : lines) {
                keep.repair(l).edits().forEach(e -> kinds.merge(e.kind().name().toLowerCase(), 1, Integer::sum));
            }
            System.out.println("|   edits by kind (keep): " + kinds + " | | | |");
        }
        report("English, Japanese, Korean, mixed lines (hand-written)", List.of(
                "The quick brown fox, (surprisingly) agile: it jumps! Does it? Yes; twice.",
                "東京都は2025年4月26日、新しい計画を発表した。（共同通信）「そうですか？」",
                "日本語の文章です：ＡＢＣ１２３、全角のまま。", "ソニーの新製品",
                "서울에서 열린 회의에서 (AI) 정책을 논의했다?", "Café déjà vu — naïve résumé, 10:30, 1,000 items.",
                "Mixed 中文 and English: version 2.0 (beta), price 1,299?", "Ünïcödé ☃ snowman &amp; friends; AT&T",
                "北京时间10:30，比分3:1。", "他说：“你好！”然后走了。"), simplified, keep);
    }

    private static void report(String name, List<String> lines, TextRepairer simplified, TextRepairer keep) {
        long s = lines.stream().filter(l -> !simplified.repair(l).repaired().equals(l)).count();
        long k = lines.stream().filter(l -> !keep.repair(l).repaired().equals(l)).count();
        System.out.printf("| %s | %d | %d | %d |%n", name, lines.size(), s, k);
        lines.stream().filter(l -> !simplified.repair(l).repaired().equals(l)).limit(3)
                .forEach(l -> System.out.println("|   e.g. `" + l.substring(0, Math.min(60, l.length())) + "` → `"
                        + simplified.repair(l).repaired().substring(0, Math.min(60, simplified.repair(l).repaired().length())) + "` | | | |"));
    }

    private static void mojibakeReal(Path data, TextRepairer simplified) throws IOException {
        Path pairs = data.resolve("mojibake-real/pairs.jsonl");
        if (!Files.exists(pairs)) {
            System.out.println("skipped: " + pairs + " not found");
            return;
        }
        TextRepairer keep = TextRepairer.create(new RepairOptions(RepairOptions.TargetScript.KEEP));
        ObjectMapper json = new ObjectMapper();
        int total = 0;
        int restored = 0;
        System.out.println("\n## Real mojibake pairs (`mojibake-real/pairs.jsonl`, script kept)\n");
        System.out.println("| kind | restored |");
        System.out.println("|---|---|");
        for (String line : Files.readAllLines(pairs)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            total++;
            boolean ok = keep.repair(n.path("corrupted").asText()).repaired().equals(n.path("clean").asText());
            restored += ok ? 1 : 0;
            System.out.printf("| %s | %s |%n", n.path("kind").asText().replace("|", "/"), ok ? "yes" : "no");
        }
        System.out.printf("%nFully restored: %d of %d pairs.%n", restored, total);
    }
}
