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
 * start-up is included, a few ms). Throughput is input UTF-8 megabytes (10^6 bytes) per second, of CPU time (what
 * one core does, robust on a shared machine) and of wall time.
 *
 * <p>Usage: {@code RepairSpeedBenchmark [DATA_DIR] [CLEAN_MB] [WORK_DIR]} (defaults {@code ../shared/data 20 huixun-bench/target}).
 */
public final class RepairSpeedBenchmark {
    private RepairSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int cleanMb = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Path.of(args.length > 2 ? args[2] : "huixun-bench/target");
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
        System.out.println("| file | size | huixun repair, CPU time (1 thread) | huixun repair, wall | "
                + "opencc -c t2s.json, CPU time | opencc, wall |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Path file : List.of(cleanFile, damagedFile)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long size = Files.size(file);
            double[] wall = new double[5];
            double[] cpu = new double[5];
            for (int i = -2; i < wall.length; i++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                long sink = 0;
                for (String l : lines) {
                    sink += repairer.repair(l).repaired().length();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double c = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                if (sink < 0) {
                    throw new AssertionError();
                }
                if (i >= 0) {
                    wall[i] = s;
                    cpu[i] = c;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            String opencc = opencc(file, size);
            System.out.printf("| %s | %.1f MB | %.1f MB/s | %.1f MB/s | %s |%n", file.getFileName(), size / 1e6,
                    size / 1e6 / cpu[2], size / 1e6 / wall[2], opencc);
        }
    }

    /** Median of 3 runs of the opencc process: "CPU | wall" (CPU = user + system time of the child, from bash). */
    private static String opencc(Path file, long size) throws IOException, InterruptedException {
        double[] wall = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < wall.length; i++) {
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder("bash", "-c", "opencc -c t2s.json -i \"$1\" -o /dev/null && times", "bench",
                        file.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                return "skipped: bash not found | ";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                return "skipped: opencc not installed or failed (apt-get install -y opencc) | ";
            }
            wall[i] = (System.nanoTime() - t0) / 1e9;
            // `times` prints the shell's user/sys, then its children's: "0m1.234s 0m0.056s"
            String[] lines = out.strip().split("\n");
            String[] children = lines[lines.length - 1].trim().split("\\s+");
            cpu[i] = seconds(children[0]) + seconds(children[1]);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return String.format("%.1f MB/s | %.1f MB/s", size / 1e6 / cpu[1], size / 1e6 / wall[1]);
    }

    private static double seconds(String bashTime) {
        int m = bashTime.indexOf('m');
        return Double.parseDouble(bashTime.substring(0, m)) * 60
                + Double.parseDouble(bashTime.substring(m + 1, bashTime.length() - 1));
    }
}
