package io.huixun.bench.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.text.repair.CorruptionGenerator;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.TextRepairer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Repair speed on one core, next to Debian's {@code opencc -c t2s.json} on the same files, in one run.
 *
 * <p>Files: clean CCTV paragraphs (the fast path: nothing to repair) and the same paragraphs damaged by the
 * corruption generator (mixed kinds). Harness: the repairer runs in this JVM on one thread over the file's lines,
 * 2 warm-up passes then 5 timed passes, median reported; opencc runs as a process on the file (3 runs, median; its
 * start-up is included, a few ms). Throughput is input UTF-8 megabytes (10^6 bytes) per second of wall time.
 *
 * <p>Usage: {@code RepairSpeedBenchmark [DATA_DIR] [CLEAN_MB] [WORK_DIR]} (defaults {@code ../shared/data 20 target}).
 */
public final class RepairSpeedBenchmark {
    private RepairSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int cleanMb = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Path.of(args.length > 2 ? args[2] : "target");
        Path cctv = data.resolve("cctv-xwlb/articles.jsonl");
        if (!Files.exists(cctv)) {
            System.out.println("skipped: " + cctv + " not found");
            return;
        }
        List<String> clean = new ArrayList<>();
        long bytes = 0;
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(cctv, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null && bytes < cleanMb * 1_000_000L; ) {
                JsonNode node = json.readTree(line);
                for (String p : node.path("body").asText().split("\n")) {
                    if (!p.isBlank()) {
                        clean.add(p);
                        bytes += p.getBytes(StandardCharsets.UTF_8).length + 1;
                    }
                }
            }
        }
        CorruptionGenerator generator = new CorruptionGenerator(1);
        List<String> damaged = new ArrayList<>();
        for (String p : clean.subList(0, Math.min(clean.size(), clean.size() / 4))) {
            damaged.add(generator.mixed(p, EnumSet.noneOf(CorruptionGenerator.Damage.class)));
        }
        Files.createDirectories(work);
        Path cleanFile = work.resolve("repair-bench-clean.txt");
        Path damagedFile = work.resolve("repair-bench-damaged.txt");
        Files.write(cleanFile, clean, StandardCharsets.UTF_8);
        Files.write(damagedFile, damaged, StandardCharsets.UTF_8);
        TextRepairer repairer = TextRepairer.create(RepairOptions.DEFAULT);
        System.out.println("## Repair speed (one core; " + Runtime.getRuntime().availableProcessors()
                + " cores visible, machine shared)\n");
        System.out.println("| file | size | huixun repair (in-process, 1 thread) | opencc -c t2s.json (Debian, process) |");
        System.out.println("|---|---:|---:|---:|");
        for (Path file : List.of(cleanFile, damagedFile)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long size = Files.size(file);
            double[] times = new double[5];
            for (int i = -2; i < times.length; i++) {
                long t0 = System.nanoTime();
                long sink = 0;
                for (String l : lines) {
                    sink += repairer.repair(l).repaired().length();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (sink < 0) {
                    throw new AssertionError();
                }
                if (i >= 0) {
                    times[i] = s;
                }
            }
            Arrays.sort(times);
            double huixun = size / 1e6 / times[times.length / 2];
            String opencc = opencc(file, size);
            System.out.printf("| %s | %.1f MB | %.1f MB/s | %s |%n", file.getFileName(), size / 1e6, huixun, opencc);
        }
    }

    private static String opencc(Path file, long size) throws IOException, InterruptedException {
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder("opencc", "-c", "t2s.json", "-i", file.toString(), "-o", "/dev/null")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return "skipped: opencc not installed (apt-get install -y opencc)";
            }
            if (p.waitFor() != 0) {
                return "opencc failed (exit " + p.exitValue() + ")";
            }
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        return String.format("%.1f MB/s", size / 1e6 / times[1]);
    }
}
