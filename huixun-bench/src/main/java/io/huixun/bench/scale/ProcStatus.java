package io.huixun.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a memory field of {@code /proc/PID/status} (Linux), in kB: {@code VmRSS} (resident now), {@code VmHWM} (peak
 * resident). "VmHWM:   902144 kB" → 902144; 0 where /proc is absent. Stateless.
 */
final class ProcStatus {
    private ProcStatus() {}

    static long kb(String field) {
        return kb(ProcessHandle.current().pid(), field);
    }

    static long kb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has ended
        }
        return 0;
    }

    /** CPU time (user + system) this JVM has used, in nanoseconds: a rate per CPU second is steadier than per wall second on a shared machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time (user + system) of process {@code pid} from /proc/PID/stat, in seconds (100 ticks a second); 0 if unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
