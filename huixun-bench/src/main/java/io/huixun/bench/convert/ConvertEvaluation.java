package io.huixun.bench.convert;

import io.huixun.bench.common.SharedData;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversion correctness: OpenCC's head expectations (every failure listed with the reason to investigate),
 * OpenCC 1.1.9's line-aligned cases, and the s2t → t2s round trip over the CCTV pool (share of Han characters
 * that do not come back).
 */
public final class ConvertEvaluation {
    private ConvertEvaluation() {}

    public static void main(String[] args) throws Exception {
        heap();
        Path opencc = SharedData.require("data/opencc");
        headCases(opencc.resolve("head/testcases/testcases.tsv"));
        v119Cases(opencc.resolve("v1.1.9/testcases"));
        roundTrip();
    }

    /** Heap retained by the compiled dictionaries: used heap after GC, before and after loading converters. */
    private static void heap() {
        long before = usedAfterGc();
        ChineseConverter.of(ConversionConfig.S2T);
        ChineseConverter.of(ConversionConfig.T2S);
        long two = usedAfterGc();
        for (ConversionConfig c : ConversionConfig.values()) {
            ChineseConverter.of(c);
        }
        long all = usedAfterGc();
        System.out.printf("heap retained by converters: s2t+t2s %.1f MB, all 16 configs %.1f MB%n",
                (two - before) / 1e6, (all - before) / 1e6);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void headCases(Path tsv) throws Exception {
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (String row : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = row.split("\t", -1);
            if (f[0].equals("config")) {
                continue;
            }
            total++;
            String actual = ChineseConverter.of(ConversionConfig.fromName(f[0])).convert(f[2]);
            if (!actual.equals(f[3])) {
                failures.add("  " + f[0] + " " + f[1] + ": " + f[2] + " → " + actual + " (expected " + f[3] + ")");
            }
        }
        System.out.printf("OpenCC head expectations: %d/%d pass (%.1f%%)%n", total - failures.size(), total,
                100.0 * (total - failures.size()) / total);
        failures.forEach(System.out::println);
    }

    private static void v119Cases(Path dir) throws Exception {
        int total = 0, pass = 0;
        try (var files = Files.list(dir)) {
            for (Path in : files.filter(p -> p.toString().endsWith(".in")).sorted().toList()) {
                String config = in.getFileName().toString().replace(".in", "");
                List<String> inputs = Files.readAllLines(in, StandardCharsets.UTF_8);
                List<String> answers = Files.readAllLines(dir.resolve(config + ".ans"), StandardCharsets.UTF_8);
                for (int i = 0; i < inputs.size(); i++) {
                    total++;
                    String actual = ChineseConverter.of(ConversionConfig.fromName(config)).convert(inputs.get(i));
                    if (actual.equals(answers.get(i))) {
                        pass++;
                    } else {
                        System.out.println("  v1.1.9 " + config + ": " + inputs.get(i) + " → " + actual);
                    }
                }
            }
        }
        System.out.printf("OpenCC 1.1.9 cases: %d/%d pass%n", pass, total);
    }

    private static void roundTrip() throws Exception {
        ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);
        ChineseConverter t2s = ChineseConverter.of(ConversionConfig.T2S);
        long han = 0, changed = 0, lengthMismatch = 0;
        java.util.Map<String, Integer> examples = new java.util.TreeMap<>();
        for (String body : SharedData.cctvBodies(Integer.MAX_VALUE)) {
            String back = t2s.convert(s2t.convert(body));
            if (back.length() != body.length()) {
                lengthMismatch++;
                continue;
            }
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                    if (back.charAt(i) != c) {
                        changed++;
                        examples.merge(c + "→" + back.charAt(i), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("s2t→t2s round trip over the CCTV pool: %,d of %,d Han characters change (%.4f%%), "
                + "%d articles changed length%n", changed, han, 100.0 * changed / han, lengthMismatch);
        examples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> System.out.println("  " + e.getKey() + " ×" + e.getValue()));
    }
}
