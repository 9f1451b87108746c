package io.huixun.bench.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.huixun.fetch.RobotsPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link RobotsPolicy} over Google's robots.txt conformance cases
 * ({@code ../shared/data/robotstxt-spec/cases.json},
 * Apache-2.0) and prints, separately for the STANDARD (RFC 9309) and GOOGLE_SPECIFIC cases, how many agree with the
 * expectation, beside crawler-commons 1.6 used as is, then every disagreement of RobotsPolicy. Skips with exit 0
 * when the data set is absent.
 *
 * <p>Usage: {@code java -cp huixun-bench.jar io.huixun.bench.fetch.RobotsEvaluation [DATA_DIR]} (default
 * {@code ../shared/data}, relative to the working directory; the repo root's parent holds {@code shared}).
 */
public final class RobotsEvaluation {
    private RobotsEvaluation() {}

    record Case(String file, byte[] robots, String url, String ua, boolean expectedAllowed, String type) {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path cases = data.resolve("robotstxt-spec/cases.json");
        if (!Files.isRegularFile(cases)) {
            System.out.println("skipped: " + cases + " not found");
            return;
        }
        List<Case> all = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(cases.toFile());
        for (JsonNode n : root) {
            all.add(new Case(n.get("file").asText(), HexFormat.of().parseHex(n.get("robots").asText()),
                    n.get("url").asText(), n.get("ua").asText(), "ALLOWED".equals(n.get("expected").asText()),
                    n.get("type").asText()));
        }
        Map<String, int[]> totals = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int robotsItself = 0;
        for (Case c : all) {
            boolean actual;
            try {
                URI url = URI.create(c.url());
                URI robotsUrl = url.resolve("/robots.txt");
                actual = RobotsPolicy.parse(robotsUrl, c.robots(), c.ua()).isAllowed(url);
            } catch (RuntimeException e) {
                actual = !c.expectedAllowed();
                failures.add(c.type() + " " + c.file() + " threw " + e);
            }
            int[] t = totals.computeIfAbsent(c.type(), k -> new int[2]);
            t[1]++;
            if (actual == c.expectedAllowed()) {
                t[0]++;
            } else {
                if (c.url().endsWith("/robots.txt") && !c.expectedAllowed()) {
                    robotsItself++;
                }
                failures.add(String.format("%s %s ua=%s url=%s expected=%s robots=%s", c.type(), c.file(), c.ua(),
                        c.url(), c.expectedAllowed() ? "ALLOWED" : "DISALLOWED",
                        new String(c.robots(), StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r")));
            }
        }
        Map<String, int[]> baseline = new TreeMap<>();
        for (Case c : all) {
            boolean actual;
            try {
                actual = new SimpleRobotRulesParser().parseContent(URI.create(c.url()).resolve("/robots.txt")
                        .toString(), c.robots(), "text/plain", List.of(c.ua().toLowerCase(Locale.ROOT)))
                        .isAllowed(c.url());
            } catch (RuntimeException e) {
                actual = !c.expectedAllowed();
            }
            int[] t = baseline.computeIfAbsent(c.type(), k -> new int[2]);
            t[1]++;
            if (actual == c.expectedAllowed()) {
                t[0]++;
            }
        }
        System.out.println("cases agreeing with the expectation        RobotsPolicy      crawler-commons 1.6 as is");
        for (Map.Entry<String, int[]> e : totals.entrySet()) {
            int[] t = e.getValue();
            int[] b = baseline.get(e.getKey());
            System.out.printf("%-42s %3d/%d (%5.1f%%)   %3d/%d (%5.1f%%)%n", e.getKey(), t[0], t[1],
                    100.0 * t[0] / t[1], b[0], b[1], 100.0 * b[0] / b[1]);
        }
        System.out.println("disagreements: " + failures.size() + " (of which " + robotsItself
                + " expect /robots.txt itself DISALLOWED, which RFC 9309 section 2.2.2 forbids)");
        failures.forEach(f -> System.out.println("  " + f));
    }
}
