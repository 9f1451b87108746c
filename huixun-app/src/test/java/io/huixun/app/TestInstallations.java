package io.huixun.app;

import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real installations in temporary folders, filled from the bundled demo samples (a real SQLite file, a real index). */
public final class TestInstallations {
    private TestInstallations() {}

    /** Copies a bundled demo sample into {@code dir}; {@code maxLines} limits JSONL samples (0 = all). */
    public static Path sample(Path dir, String name, int maxLines) throws IOException {
        try (InputStream in = TestInstallations.class.getResourceAsStream("/demo/" + name)) {
            byte[] bytes = in.readAllBytes();
            Path file = dir.resolve(name);
            if (maxLines > 0) {
                List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().limit(maxLines).toList();
                Files.write(file, lines, StandardCharsets.UTF_8);
            } else {
                Files.write(file, bytes);
            }
            return file;
        }
    }

    /**
     * The web tests' usual input: folder {@code dir/in} holding the first {@code newsLines} of the Fuyao news sample and
     * the seed portal dump; a test may add files of its own before {@link #ingested}.
     */
    public static Path samples(Path dir, int newsLines) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        sample(in, "fuyao-news.jsonl", newsLines);
        sample(in, "portal-dump-seed.txt", 0);
        return in;
    }

    /** A new installation in {@code dir/data} with everything in folder {@code in} ingested. */
    public static Installation ingested(Path dir, Path in) {
        Installation installation = Installation.open(dir.resolve("data"));
        installation.pipeline().ingest(in.toString(), io.huixun.ingest.IngestProgress.NONE);
        return installation;
    }

    /** An installation whose fetcher may reach loopback test servers (the public default would refuse them). */
    public static Installation openForLoopback(Path folder) {
        return Installation.open(folder, loopbackFetchSettings());
    }

    /** The default fetch settings, but loopback addresses allowed and no pause between requests to a host. */
    public static FetchSettings loopbackFetchSettings() {
        FetchSettings d = FetchSettings.defaults();
        return new FetchSettings(d.userAgent(), d.robotsToken(), d.readTimeout(), d.deadline(), d.maxBodyBytes(),
                d.maxRedirects(), java.time.Duration.ZERO, d.maxPolitenessWait(), d.obeyRobots(),
                AddressPolicy.standard().allowing(List.of("127.0.0.0/8")));
    }
}
