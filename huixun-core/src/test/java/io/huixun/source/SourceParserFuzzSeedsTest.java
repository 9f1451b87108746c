package io.huixun.source;

import io.huixun.fuzz.FuzzSeeds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every seed of {@link SourceParserFuzzTest} through its target body on any JDK, in every {@code ./mvnw
 * verify} (Jazzer's own replay is skipped on Java 25). A finding Jazzer saves into the seed folder becomes a case here.
 */
class SourceParserFuzzSeedsTest {
    static List<Path> seeds() {
        return FuzzSeeds.of(SourceParserFuzzTest.class, "feedsSitemapsOpmlAndPagesNeverThrow");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedParsesWithoutThrowing(Path seed) {
        SourceParserFuzzTest.parseEverywhere(FuzzSeeds.read(seed));
    }
}
