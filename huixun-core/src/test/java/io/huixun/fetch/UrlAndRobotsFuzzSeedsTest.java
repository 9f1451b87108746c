package io.huixun.fetch;

import io.huixun.fuzz.FuzzSeeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every seed of {@link UrlAndRobotsFuzzTest} through its target body on any JDK, in every {@code ./mvnw
 * verify}. A seed here is the URL on its first line and the robots.txt body after it, e.g. {@code
 * "http://[::1]:0/\nUser-agent: *\nDisallow: /a"} → URL {@code http://[::1]:0/}, robots {@code User-agent: *…}
 * (Jazzer reads the same files as raw bytes for its data provider: still useful starting points for its mutator).
 */
class UrlAndRobotsFuzzSeedsTest {
    static List<Path> seeds() {
        return FuzzSeeds.of(UrlAndRobotsFuzzTest.class, "urlGateAndRobotsNeverThrowUnexpectedly");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedIsJudgedWithoutThrowing(Path seed) {
        byte[] bytes = FuzzSeeds.read(seed);
        int newline = indexOf(bytes, (byte) '\n');
        String url = new String(bytes, 0, newline < 0 ? bytes.length : newline, StandardCharsets.UTF_8);
        byte[] robots = newline < 0 ? new byte[0] : Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        UrlAndRobotsFuzzTest.urlGateAndRobots(url, robots);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
