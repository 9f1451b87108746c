package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.app.Settings;
import io.huixun.ingest.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huixun demo [--port N]}: a fresh data folder, the bundled sample news ingested into it (the Fuyao news
 * articles, Apache-2.0; ten damaged "content farm" copies of them made for the demo, which fold onto their originals;
 * and the damaged seed page), and the web UI served on it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest the bundled sample news into a fresh data folder and serve the web UI on "
                + "http://127.0.0.1:8080 (or --port).")
final class DemoCommand implements Callable<Integer> {
    /** The bundled samples, in ingest order: the clean feed first, then the damaged page that copies some of it. */
    static final List<String> SAMPLES = List.of("fuyao-news.jsonl", "content-farm-copies.jsonl", "portal-dump-seed.txt",
            "seed-event-reports.jsonl");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port, 0 to 65535 (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Demo data folder, emptied first (default: huixun-demo-data in the current folder).")
    Path data = Path.of("huixun-demo-data");

    @Override
    public Integer call() throws Exception {
        HuixunCommand.require(port >= 0 && port <= 65535, spec, "--port must be between 0 and 65535, got " + port);
        long start = System.nanoTime();
        resetFolder(data);
        Path samples = Files.createDirectories(data.resolve("samples"));
        for (String name : SAMPLES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the demo sample " + name + " is missing from the build");
                }
                Files.copy(in, samples.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Settings settings = Settings.fromEnvironment(Settings.Flags.data(data.resolve("store")))
                .withBackEnds(java.util.Optional.empty(), java.util.Optional.empty()); // the demo is always embedded
        int concurrency = ServeCommand.fetchConcurrency(settings);
        Installation installation = Installation.open(settings, Installation.Mode.FULL);
        IngestReport report = IngestReport.EMPTY;
        for (String name : SAMPLES) {
            report = report.plus(installation.pipeline().ingest(samples.resolve(name).toString(), (d, t, r) -> { }));
        }
        System.out.printf("demo: ingested the bundled sample news in %.1f s: %s%n",
                (System.nanoTime() - start) / 1e9, report);
        report.problems().forEach(p -> System.err.println("demo: " + p.item() + ": " + p.message()));
        ServeCommand.serve(installation, settings, concurrency, "127.0.0.1", port,
                ServeCommand.adminAuth(installation, settings, true), "");
        return HuixunCommand.OK;
    }

    /** Empties the demo folder, refusing to touch a folder that does not look like a Huixun demo folder. */
    private static void resetFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            boolean ours = Files.exists(folder.resolve("samples")) || Files.exists(folder.resolve("store"));
            try (Stream<Path> entries = Files.list(folder)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new UserInputException(folder + " is not empty and not a Huixun demo folder; choose another --data");
                }
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
    }
}
