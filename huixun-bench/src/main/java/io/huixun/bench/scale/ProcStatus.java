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
}
