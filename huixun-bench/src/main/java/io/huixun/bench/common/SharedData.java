package io.huixun.bench.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the shared data sets ({@code ../shared/data} next to the repository, or {@code $HUIXUN_SHARED/data}).
 * Evaluations and benchmarks call {@link #require} and exit 0 with a "skipped" line when the data is absent, so
 * they never fail on a user's machine that has no {@code ../shared}.
 */
public final class SharedData {
    private SharedData() {}

    public static Optional<Path> root() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("HUIXUN_SHARED");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("../shared").normalize());
        }
        return candidates.stream().filter(p -> Files.isDirectory(p.resolve("data"))).findFirst();
    }

    /** The path {@code shared/RELATIVE}, or prints "skipped: …" and exits 0 when it is absent. */
    public static Path require(String relative) {
        Optional<Path> path = root().map(r -> r.resolve(relative)).filter(Files::exists);
        if (path.isEmpty()) {
            System.out.println("skipped: ../shared/" + relative + " not found (set HUIXUN_SHARED to the shared folder)");
            System.exit(0);
        }
        return path.get();
    }

    /** The bodies of the CCTV pool's articles, in file order, at most {@code limit}. */
    public static List<String> cctvBodies(int limit) throws IOException {
        Path file = require("data/cctv-xwlb/articles.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null && bodies.size() < limit; ) {
                JsonNode article = json.readTree(line);
                bodies.add(article.path("body").asText());
            }
        }
        return bodies;
    }
}
