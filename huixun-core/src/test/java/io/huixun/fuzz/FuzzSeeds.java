package io.huixun.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed corpus of a Jazzer fuzz target, for replay as ordinary JUnit tests.
 *
 * <p>Jazzer keeps a target's seeds in the test resources at {@code <package>/<TestClass>Inputs/<method>/}, one file
 * per input. Jazzer's own replay runs only under its agent, which cannot instrument Java 25 classes, so the fuzz
 * classes are enabled only with {@code JAZZER_FUZZ} set; the {@code …SeedsTest} classes run every seed through the
 * same target body in every {@code ./mvnw verify} instead. Example: {@code of(SourceParserFuzzTest.class,
 * "feedsSitemapsOpmlAndPagesNeverThrow")} → {@code [seed-atom.xml, seed-feed.json, …]}.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {}

    /** The seed files of {@code fuzzTest}'s target {@code method}, sorted by name; fails when there are none. */
    public static List<Path> of(Class<?> fuzzTest, String method) {
        String folder = fuzzTest.getSimpleName() + "Inputs/" + method;
        URL url = fuzzTest.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no seed folder " + folder + " beside " + fuzzTest.getName());
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> seeds = files.filter(Files::isRegularFile).sorted().toList();
            if (seeds.isEmpty()) {
                throw new IllegalStateException("the seed folder " + folder + " is empty");
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of one seed. */
    public static byte[] read(Path seed) {
        try {
            return Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
