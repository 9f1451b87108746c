package io.huixun.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.bench.common.SharedData;
import io.huixun.extract.ArticleExtractor;
import io.huixun.extract.ExtractOptions;
import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.model.Article;
import io.huixun.text.time.NewsZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Runs the extractor over the shared extraction sets and prints a markdown report, with Readability.js and
 * boilerpipe on the same pages in the same run.
 *
 * <pre>
 ./bench extract-eval [--data DIR] [--no-peers] [--readability-modules DIR] [--details]
 * </pre>
 * Sets (under {@code --data}, default {@code ../shared/data} found as {@link SharedData} finds it): cwced (hand-made gold: body char-F1, date, author,
 * charset), readability-zh (Readability's expected article: char-F1, paragraphs as must-contain, boilerplate
 * snippets from {@code readability-zh-snippets.json} as must-not-contain), trafilatura-zh (must/must-not snippets),
 * gne (robustness; F1 against GNE's 2019 output), cctv-html (F1, date, title against the site's scraper).
 * A missing set prints {@code skipped: … not found} and the run goes on; exit code 0.
 *
 * <p>Peers get the page text decoded by our decoder (written as UTF-8), so that the comparison is about finding the
 * text, not about charsets. Readability runs in one Node process ({@code huixun-bench/peers/readability-extract.js});
 * boilerpipe in its own JVM ({@code huixun-bench/peers/BoilerpipePeer.java} launched as a source program).
 */
public final class ExtractEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = NewsZone.DEFAULT;
    private static final Pattern GOLD_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?");

    /** One page to score. Gold fields are empty when the set has none. */
    record Page(String set, String id, Path html, Optional<String> goldText, Optional<String> goldDate,
                Optional<String> goldTitle, Optional<String> goldAuthor, Optional<String> expectedCharset,
                List<String> mustContain, List<String> mustNotContain) {}

    /** What one extractor produced for one page. */
    record Output(String title, String text, Optional<ZonedDateTime> published, Optional<String> author,
                  String charset, boolean failed, double ms) {}

    private final Path data;
    private final Path repo;
    private final boolean peers;
    private final Path readabilityModules;
    private final boolean details;

    private ExtractEvaluation(Path data, Path repo, boolean peers, Path readabilityModules, boolean details) {
        this.data = data;
        this.repo = repo;
        this.peers = peers;
        this.readabilityModules = readabilityModules;
        this.details = details;
    }

    public static void main(String[] args) throws Exception {
        Path data = SharedData.root().map(r -> r.resolve("data")).orElse(Path.of("../shared/data"));
        boolean peers = true;
        boolean details = false;
        Path modules = Path.of(System.getenv().getOrDefault("READABILITY_MODULES",
                "/work/peers/readability/node_modules"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--no-peers" -> peers = false;
                case "--details" -> details = true;
                case "--readability-modules" -> modules = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench extract-eval [--data DIR] [--no-peers] [--details] "
                            + "[--readability-modules DIR]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isDirectory(data)) {
            System.out.println("skipped: " + data + " not found");
            return;
        }
        new ExtractEvaluation(data, findRepo(), peers, modules, details).run();
    }

    private static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("huixun-bench/peers"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private void run() throws Exception {
        Map<String, List<Page>> sets = new LinkedHashMap<>();
        load("cwced", this::cwced, sets);
        load("readability-zh", this::readabilityZh, sets);
        load("trafilatura-zh", this::trafilaturaZh, sets);
        load("gne", this::gne, sets);
        load("cctv-html", this::cctv, sets);
        List<Page> all = sets.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return;
        }
        ExtractOptions options = new ExtractOptions(ZonedDateTime.now(SHANGHAI), SHANGHAI);
        ArticleExtractor extractor = new ArticleExtractor(options);
        for (Page p : all) { // warm-up pass, so that the timed pass measures steady state
            extractor.extract(RawDocument.ofFile(p.id(), Files.readAllBytes(p.html())));
        }
        Map<Page, Output> ours = new LinkedHashMap<>();
        for (Page p : all) {
            ours.put(p, ours(extractor, p));
        }
        Map<String, Map<Page, Output>> results = new LinkedHashMap<>();
        results.put("huixun", ours);
        if (peers) {
            Path tmp = Files.createTempDirectory("huixun-extract-eval");
            Map<Path, Page> decoded = writeDecoded(all, tmp);
            readability(decoded, tmp).ifPresent(r -> results.put("readability.js", r));
            boilerpipe(decoded, tmp).ifPresent(r -> results.put("boilerpipe", r));
        }
        report(sets, results);
    }

    private interface Loader {
        List<Page> load(Path dir) throws IOException;
    }

    private void load(String name, Loader loader, Map<String, List<Page>> sets) throws IOException {
        Path dir = data.resolve(name);
        if (!Files.isDirectory(dir)) {
            System.out.println("skipped: " + dir + " not found");
            return;
        }
        sets.put(name, loader.load(dir));
    }

    // ---- sets -------------------------------------------------------------------------------------------------

    private List<Page> cwced(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("index.json").toFile())) {
            String id = n.get("id").asText();
            String text = Files.readString(dir.resolve("cleaned/" + id + ".txt"), StandardCharsets.UTF_8);
            String date = readOr(dir.resolve("date/" + id + ".txt")).strip();
            String author = readOr(dir.resolve("author/" + id + ".txt")).strip();
            String enc = n.path("bytes_encoding").asText("?");
            pages.add(new Page("cwced", id, dir.resolve(n.get("html").asText()), Optional.of(text),
                    GOLD_DATE.matcher(date).find() ? Optional.of(date) : Optional.empty(), Optional.empty(),
                    author.isEmpty() || author.startsWith("UNKNOWN") ? Optional.empty() : Optional.of(author),
                    enc.equals("?") ? Optional.empty() : Optional.of(enc), List.of(), List.of()));
        }
        return pages;
    }

    private List<Page> readabilityZh(Path dir) throws IOException {
        JsonNode snippets = JSON.readTree(ExtractEvaluation.class.getResourceAsStream("readability-zh-snippets.json"));
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                String name = p.getFileName().toString();
                var expected = Jsoup.parse(Files.readString(p.resolve("expected.html")));
                List<String> paragraphs = new ArrayList<>();
                for (var e : expected.select("p, li, h1, h2, h3, h4, td")) {
                    // select() includes e itself; not(":root") stopped removing it in jsoup 1.23 (":root" is now
                    // the document's root only), so compare by identity
                    if (e.select("p, li, td").stream().anyMatch(inner -> inner != e)) {
                        continue; // only leaf blocks: a wrapper's text is checked through its children
                    }
                    String t = e.text().strip();
                    if (Scores.squash(t).length() >= 15) {
                        paragraphs.add(t);
                    }
                }
                // Every paragraph of Readability's expected output must be found in ours.
                JsonNode meta = JSON.readTree(p.resolve("expected-metadata.json").toFile());
                List<String> without = new ArrayList<>();
                snippets.path(name).path("without").forEach(x -> without.add(x.asText()));
                pages.add(new Page("readability-zh", name, p.resolve("source.html"),
                        Optional.of(expected.text()), Optional.empty(), Optional.of(meta.path("title").asText()),
                        Optional.empty(), Optional.empty(), paragraphs, without));
            }
        }
        return pages;
    }

    private List<Page> trafilaturaZh(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        JsonNode root = JSON.readTree(dir.resolve("evaldata-zh.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode n = e.getValue();
            List<String> with = new ArrayList<>();
            n.path("with").forEach(x -> with.add(x.asText()));
            List<String> without = new ArrayList<>();
            n.path("without").forEach(x -> without.add(x.asText()));
            String date = n.path("date").asText("");
            pages.add(new Page("trafilatura-zh", n.get("file").asText(), dir.resolve(n.get("file").asText()),
                    Optional.empty(), date.isEmpty() ? Optional.empty() : Optional.of(date),
                    Optional.of(n.path("title").asText()), Optional.empty(), Optional.empty(), with, without));
        }
        return pages;
    }

    private List<Page> gne(Path dir) throws IOException {
        JsonNode reference = JSON.readTree(dir.resolve("gne_output_2019.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("index.json").toFile())) {
            String file = n.get("file").asText();
            JsonNode ref = reference.path(file);
            pages.add(new Page("gne", file, dir.resolve(file),
                    ref.isMissingNode() ? Optional.empty() : Optional.of(ref.path("content").asText()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of()));
        }
        return pages;
    }

    private List<Page> cctv(Path dir) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (JsonNode n : JSON.readTree(dir.resolve("gold.json").toFile())) {
            pages.add(new Page("cctv-html", n.get("file").asText(), dir.resolve(n.get("file").asText()),
                    Optional.of(n.path("body").asText()), Optional.of(n.path("date").asText()),
                    Optional.of(n.path("title").asText()), Optional.empty(), Optional.empty(), List.of(), List.of()));
        }
        return pages;
    }

    private static String readOr(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    // ---- extractors -------------------------------------------------------------------------------------------

    private static Output ours(ArticleExtractor extractor, Page p) throws IOException {
        byte[] bytes = Files.readAllBytes(p.html());
        long t0 = System.nanoTime();
        Extraction e = extractor.extract(RawDocument.ofFile(p.id(), bytes));
        double ms = (System.nanoTime() - t0) / 1e6;
        return switch (e) {
            case Extraction.Extracted ok -> {
                Article a = ok.articles().get(0);
                yield new Output(a.title(), a.body(), a.published(), a.author(), ok.charset(), false, ms);
            }
            case Extraction.Unreadable u -> new Output("", "", Optional.empty(), Optional.empty(), "", true, ms);
        };
    }

    private static Map<Path, Page> writeDecoded(List<Page> pages, Path tmp) throws IOException {
        Map<Path, Page> out = new LinkedHashMap<>();
        int i = 0;
        for (Page p : pages) {
            var d = ArticleExtractor.decode(RawDocument.ofFile(p.id(), Files.readAllBytes(p.html())));
            Path f = tmp.resolve(String.format("%04d.html", i++));
            Files.writeString(f, d.text(), StandardCharsets.UTF_8);
            out.put(f, p);
        }
        return out;
    }

    private Optional<Map<Page, Output>> readability(Map<Path, Page> decoded, Path tmp) throws Exception {
        Path script = repo.resolve("huixun-bench/peers/readability-extract.js");
        if (!Files.isDirectory(readabilityModules.resolve("@mozilla/readability"))) {
            System.out.println("peer skipped: Readability.js not installed in " + readabilityModules
                    + " (npm install @mozilla/readability jsdom there)");
            return Optional.empty();
        }
        Path list = tmp.resolve("readability.list");
        Files.write(list, decoded.keySet().stream().map(p -> p + "\thttp://localhost/").toList());
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), list.toString());
        pb.environment().put("NODE_PATH", readabilityModules.toString());
        return runPeer(pb, decoded, tmp.resolve("readability.out"), "readability.js");
    }

    private Optional<Map<Page, Output>> boilerpipe(Map<Path, Page> decoded, Path tmp) throws Exception {
        Path jar = Path.of("/usr/share/java/boilerpipe.jar");
        if (!Files.exists(jar)) {
            System.out.println("peer skipped: boilerpipe not installed (apt-get install -y libboilerpipe-java)");
            return Optional.empty();
        }
        Path list = tmp.resolve("boilerpipe.list");
        Files.write(list, decoded.keySet().stream().map(Path::toString).toList());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xss8m", "-cp",
                "/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar",
                repo.resolve("huixun-bench/peers/BoilerpipePeer.java").toString(), list.toString());
        return runPeer(pb, decoded, tmp.resolve("boilerpipe.out"), "boilerpipe");
    }

    private static Optional<Map<Page, Output>> runPeer(ProcessBuilder pb, Map<Path, Page> decoded, Path out,
                                                       String name) throws Exception {
        pb.redirectOutput(out.toFile());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        int code = pb.start().waitFor();
        if (code != 0) {
            System.out.println("peer failed: " + name + " exited with " + code);
            return Optional.empty();
        }
        Map<Page, Output> r = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            Page p = decoded.get(Path.of(n.get("file").asText()));
            if (p != null) {
                boolean failed = !n.path("error").isNull() && !n.path("error").isMissingNode();
                r.put(p, new Output(n.path("title").asText(""), n.path("text").asText(""), Optional.empty(),
                        Optional.ofNullable(n.path("byline").asText(null)), "", failed, n.path("ms").asDouble()));
            }
        }
        return Optional.of(r);
    }

    // ---- report -----------------------------------------------------------------------------------------------

    private void report(Map<String, List<Page>> sets, Map<String, Map<Page, Output>> results) {
        System.out.println("# Extraction evaluation");
        System.out.println();
        System.out.println("Extractors: " + String.join(", ", results.keySet())
                + ". Char-F1 = bag-of-characters F1 over non-whitespace characters of the body.");
        for (var set : sets.entrySet()) {
            System.out.println();
            System.out.println("## " + set.getKey() + " (" + set.getValue().size() + " pages)");
            System.out.println();
            System.out.println("| extractor | mean char-F1 | pages F1 ≥ 0.9 | must-contain found | must-not-contain absent "
                    + "| empty/failed | mean ms/page |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (var r : results.entrySet()) {
                row(r.getKey(), set.getValue(), r.getValue());
            }
            metadataRows(set.getKey(), set.getValue(), results.get("huixun"));
            if (details) {
                detailRows(set.getValue(), results);
            }
        }
    }

    private static void row(String name, List<Page> pages, Map<Page, Output> out) {
        double f1Sum = 0;
        int f1Pages = 0;
        int good = 0;
        int withFound = 0;
        int withTotal = 0;
        int withoutAbsent = 0;
        int withoutTotal = 0;
        int empty = 0;
        double ms = 0;
        for (Page p : pages) {
            Output o = out.get(p);
            if (o == null) {
                continue;
            }
            ms += o.ms();
            if (o.failed() || o.text().isBlank()) {
                empty++;
            }
            if (p.goldText().isPresent()) {
                double f1 = Scores.charF1(o.text(), p.goldText().get());
                f1Sum += f1;
                f1Pages++;
                if (f1 >= 0.9) {
                    good++;
                }
            }
            String text = Scores.squash(o.text());
            for (String w : p.mustContain()) {
                withTotal++;
                if (text.contains(Scores.squash(w))) {
                    withFound++;
                }
            }
            for (String w : p.mustNotContain()) {
                withoutTotal++;
                if (!text.contains(Scores.squash(w))) {
                    withoutAbsent++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %.1f |%n", name,
                f1Pages == 0 ? "–" : String.format(Locale.ROOT, "%.3f", f1Sum / f1Pages),
                f1Pages == 0 ? "–" : good + "/" + f1Pages,
                withTotal == 0 ? "–" : withFound + "/" + withTotal,
                withoutTotal == 0 ? "–" : withoutAbsent + "/" + withoutTotal, empty, ms / pages.size());
    }

    private static void metadataRows(String set, List<Page> pages, Map<Page, Output> ours) {
        int dated = 0;
        int dateRight = 0;
        int strictRight = 0;
        int dayGold = 0;
        int dayRight = 0;
        int titled = 0;
        int titleRight = 0;
        int authored = 0;
        int authorRight = 0;
        int encoded = 0;
        int charsetRight = 0;
        int replacement = 0;
        for (Page p : pages) {
            Output o = ours.get(p);
            if (p.goldDate().isPresent()) {
                dated++;
                if (dateMatches(p.goldDate().get(), o.published())) {
                    dateRight++;
                }
                if (strictDateMatches(p.goldDate().get(), o.published())) {
                    strictRight++;
                }
                if (goldHasDay(p.goldDate().get())) {
                    dayGold++;
                    dayRight += strictDateMatches(p.goldDate().get(), o.published()) ? 1 : 0;
                }
            }
            if (p.goldTitle().isPresent()) {
                titled++;
                String g = Scores.squash(p.goldTitle().get());
                String t = Scores.squash(o.title());
                if (!t.isEmpty() && (g.equals(t) || g.contains(t) && t.length() * 2 >= g.length())) {
                    titleRight++;
                }
            }
            if (p.goldAuthor().isPresent()) {
                authored++;
                String g = Scores.squash(p.goldAuthor().get());
                String a = o.author().map(Scores::squash).orElse("");
                if (!a.isEmpty() && (g.contains(a) || a.contains(g))) {
                    authorRight++;
                }
            }
            if (p.expectedCharset().isPresent()) {
                encoded++;
                if (o.charset().equalsIgnoreCase(p.expectedCharset().get())) {
                    charsetRight++;
                }
            }
            if (o.text().indexOf('\uFFFD') >= 0 || o.text().contains("锟斤拷")) {
                replacement++;
            }
        }
        System.out.println();
        System.out.println("huixun metadata on " + set + ":");
        if (dated > 0) {
            System.out.printf(Locale.ROOT, "- publish date right, old lenient count (at the gold's precision, converted "
                    + "to Asia/Shanghai): %d/%d (%.1f%%)%n", dateRight, dated, 100.0 * dateRight / dated);
            System.out.printf(Locale.ROOT, "- publish date right, strict (same calendar day in the page's zone; a gold "
                    + "with no day, 1998-3, at its month or year): %d/%d (%.1f%%); golds with a day: %d/%d (%.1f%%)%n",
                    strictRight, dated, 100.0 * strictRight / dated, dayRight, dayGold,
                    dayGold == 0 ? 0.0 : 100.0 * dayRight / dayGold);
        }
        if (titled > 0) {
            System.out.printf(Locale.ROOT, "- title right (equal, or at least half of the gold and inside it): %d/%d%n",
                    titleRight, titled);
        }
        if (authored > 0) {
            System.out.printf(Locale.ROOT, "- author right (one contains the other): %d/%d%n", authorRight, authored);
        }
        if (encoded > 0) {
            System.out.printf(Locale.ROOT, "- charset as in index.json: %d/%d%n", charsetRight, encoded);
        }
        System.out.printf(Locale.ROOT, "- bodies with U+FFFD or 锟斤拷 (mojibake markers): %d/%d%n", replacement,
                pages.size());
        List<Page> gbk = pages.stream().filter(p -> p.expectedCharset().filter("gb18030"::equalsIgnoreCase).isPresent())
                .toList();
        if (!gbk.isEmpty()) {
            int right = 0;
            int marked = 0;
            double f1 = 0;
            for (Page p : gbk) {
                Output o = ours.get(p);
                right += o.charset().equalsIgnoreCase("GB18030") ? 1 : 0;
                marked += o.text().indexOf('\uFFFD') >= 0 || o.text().contains("锟斤拷") ? 1 : 0;
                f1 += p.goldText().map(g -> Scores.charF1(o.text(), g)).orElse(0.0);
            }
            System.out.printf(Locale.ROOT, "- GBK pages (%d): decoded as GB18030 %d/%d, bodies with mojibake markers "
                    + "%d/%d, mean char-F1 %.3f (mojibake would show as a collapsed F1: the gold is clean UTF-8)%n",
                    gbk.size(), right, gbk.size(), marked, gbk.size(), f1 / gbk.size());
        }
    }

    private static void detailRows(List<Page> pages, Map<String, Map<Page, Output>> results) {
        System.out.println();
        System.out.println("| page | " + String.join(" | ", results.keySet()) + " | date gold / ours | title |");
        System.out.println("|---|" + "---|".repeat(results.size()) + "---|---|");
        for (Page p : pages) {
            StringBuilder b = new StringBuilder("| " + p.id() + " |");
            for (var r : results.values()) {
                Output o = r.get(p);
                b.append(o == null || p.goldText().isEmpty() ? " – |"
                        : String.format(Locale.ROOT, " %.3f |", Scores.charF1(o.text(), p.goldText().get())));
            }
            Output ours = results.get("huixun").get(p);
            b.append(' ').append(p.goldDate().orElse("–")).append(" / ")
                    .append(ours.published().map(Object::toString).orElse("–")).append(" | ")
                    .append(ours.title().replace("|", "/")).append(" |");
            List<String> missing = new ArrayList<>();
            String text = Scores.squash(ours.text());
            p.mustContain().stream().filter(w -> !text.contains(Scores.squash(w))).forEach(w -> missing.add("-" + w));
            p.mustNotContain().stream().filter(w -> text.contains(Scores.squash(w))).forEach(w -> missing.add("+" + w));
            if (!missing.isEmpty()) {
                b.append(" snippets: ").append(String.join("; ", missing).replace("|", "/"));
            }
            System.out.println(b);
        }
    }

    static boolean goldHasDay(String gold) {
        Matcher m = GOLD_DATE.matcher(gold.strip());
        return m.find() && m.group(3) != null;
    }

    /**
     * Strict: the calendar day of our time in the zone it carries (the page's offset, or Asia/Shanghai, the
     * extractor's default, when the page gave none) equals the gold's day; a gold without a day ({@code 1998-3})
     * is compared at its month or year, as nothing finer can be checked.
     */
    static boolean strictDateMatches(String gold, Optional<ZonedDateTime> ours) {
        Matcher m = GOLD_DATE.matcher(gold.strip());
        if (!m.find() || ours.isEmpty()) {
            return false;
        }
        LocalDate d = ours.get().toLocalDate();
        return d.getYear() == Integer.parseInt(m.group(1))
                && (m.group(2) == null || d.getMonthValue() == Integer.parseInt(m.group(2)))
                && (m.group(3) == null || d.getDayOfMonth() == Integer.parseInt(m.group(3)));
    }

    /** The gold date ({@code 2005-5-7 21:23:57}, {@code 1998-3}, {@code 2018}) matches at its own precision. */
    static boolean dateMatches(String gold, Optional<ZonedDateTime> ours) {
        Matcher m = GOLD_DATE.matcher(gold.strip());
        if (!m.find() || ours.isEmpty()) {
            return false;
        }
        LocalDate d = ours.get().withZoneSameInstant(SHANGHAI).toLocalDate();
        if (d.getYear() != Integer.parseInt(m.group(1))) {
            return false;
        }
        if (m.group(2) != null && d.getMonthValue() != Integer.parseInt(m.group(2))) {
            return false;
        }
        return m.group(3) == null || d.getDayOfMonth() == Integer.parseInt(m.group(3));
    }
}
