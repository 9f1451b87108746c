package io.huixun.text.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build-time compiler: turns OpenCC's text dictionaries and JSON configurations into {@code .dat} double-array
 * tries and {@code .plan} files that {@link ConversionPlan} loads at run time.
 *
 * <p>Design note: OpenCC evaluates dictionary groups member by member at every text position. Where a group's
 * result provably equals a plain longest match over the merged entries (always for {@code union}; for
 * {@code short_circuit} when no key of an earlier member is a proper prefix of a key of a later one), we merge
 * the group into one trie, so the hot loop does one trie walk per position instead of one per member. Otherwise the
 * group is kept and evaluated member by member at run time. The dictionaries that OpenCC generates at its own
 * build time (reversals, merges) are generated here from the raw data by {@link GeneratedDictionaries}.
 *
 * <p>Usage: {@code DictionaryCompiler SOURCE_DIR OUTPUT_DIR}, where SOURCE_DIR holds {@code dictionary/*.txt} and
 * {@code config/*.json}.
 */
public final class DictionaryCompiler {
    private final Map<String, RawDictionary> dictionaries;
    private final Path output;
    private final Set<String> written = new HashSet<>();

    /** A dictionary node after compilation: merged into one entry map, or a group kept for run time. */
    private sealed interface Compiled {}

    private record Merged(String name, SortedMap<String, String> entries) implements Compiled {}

    private record Group(boolean firstMatch, List<Compiled> members) implements Compiled {}

    private DictionaryCompiler(Map<String, RawDictionary> dictionaries, Path output) {
        this.dictionaries = dictionaries;
        this.output = output;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DictionaryCompiler SOURCE_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        Map<String, RawDictionary> dictionaries = new HashMap<>();
        try (Stream<Path> files = Files.list(source.resolve("dictionary"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                RawDictionary d = RawDictionary.read(f);
                dictionaries.put(d.name(), d);
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode t2sConfig = json.readTree(source.resolve("config/t2s.json").toFile());
        dictionaries.putAll(GeneratedDictionaries.generate(source.resolve("dictionary"), dictionaries, known -> {
            ChineseConverter t2s = new ChineseConverter(ConversionConfig.T2S,
                    new DictionaryCompiler(known, output).planInMemory(t2sConfig));
            return t2s::convert;
        }));
        DictionaryCompiler compiler = new DictionaryCompiler(dictionaries, output);
        try (Stream<Path> files = Files.list(source.resolve("config"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String configName = f.getFileName().toString().replace(".json", "");
                String plan = compiler.planText(json.readTree(f.toFile()));
                Files.writeString(output.resolve(configName + ".plan"), plan, StandardCharsets.UTF_8);
            }
        }
        Files.writeString(output.resolve("script-chars.txt"), scriptCharacters(dictionaries), StandardCharsets.UTF_8);
        System.out.println("compiled " + compiler.written.size() + " dictionaries into " + output);
    }

    /**
     * Two lines for {@link ScriptDetector}: the characters that s2t changes and t2s leaves alone (simplified-only),
     * then the mirror set (traditional-only).
     */
    static String scriptCharacters(Map<String, RawDictionary> dictionaries) {
        Map<String, List<String>> st = dictionaries.get("STCharacters").entries();
        Map<String, List<String>> ts = dictionaries.get("TSCharacters").entries();
        return onlyIn(st, ts) + "\n" + onlyIn(ts, st) + "\n";
    }

    private static String onlyIn(Map<String, List<String>> changes, Map<String, List<String>> other) {
        StringBuilder sb = new StringBuilder();
        changes.forEach((key, values) -> {
            boolean changed = !values.isEmpty() && !values.contains(key);
            List<String> back = other.get(key);
            boolean changedBack = back != null && !back.isEmpty() && !back.contains(key);
            if (changed && !changedBack && key.codePointCount(0, key.length()) == 1) {
                sb.append(key);
            }
        });
        return sb.toString();
    }

    /** One line of a plan: "normalization", "segmentation" or "step", and its dictionary. */
    private record PlanLine(String kind, Compiled dictionary) {}

    private List<PlanLine> compileConfig(JsonNode config) {
        List<PlanLine> lines = new ArrayList<>();
        for (JsonNode step : config.path("normalization")) {
            lines.add(new PlanLine("normalization", compile(step.path("dict"))));
        }
        JsonNode segmentation = config.path("segmentation");
        if (!segmentation.isMissingNode() && segmentation.has("dict")) {
            if (!segmentation.path("type").asText("mmseg").equals("mmseg")) {
                throw new IllegalStateException("unsupported segmentation type " + segmentation.path("type"));
            }
            lines.add(new PlanLine("segmentation", compile(segmentation.path("dict"))));
        }
        for (JsonNode step : config.path("conversion_chain")) {
            lines.add(new PlanLine("step", compile(step.path("dict"))));
        }
        return lines;
    }

    /** Writes the config's compiled tries and returns its plan text. */
    String planText(JsonNode config) {
        StringBuilder plan = new StringBuilder("# ").append(config.path("name").asText()).append('\n');
        for (PlanLine line : compileConfig(config)) {
            plan.append(line.kind()).append(' ').append(expression(line.dictionary())).append('\n');
        }
        return plan.toString();
    }

    /** The config as a plan held in memory, without writing anything: used to generate dictionaries. */
    ConversionPlan planInMemory(JsonNode config) {
        List<DoubleArrayTrie> leaves = new ArrayList<>();
        java.util.Optional<PrefixMatcher> normalization = java.util.Optional.empty();
        java.util.Optional<PrefixMatcher> segmentation = java.util.Optional.empty();
        List<PrefixMatcher> steps = new ArrayList<>();
        for (PlanLine line : compileConfig(config)) {
            PrefixMatcher m = matcher(line.dictionary(), leaves);
            switch (line.kind()) {
                case "normalization" -> normalization = java.util.Optional.of(m);
                case "segmentation" -> segmentation = java.util.Optional.of(m);
                default -> steps.add(m);
            }
        }
        return new ConversionPlan(normalization, segmentation, steps, leaves);
    }

    private static PrefixMatcher matcher(Compiled compiled, List<DoubleArrayTrie> leaves) {
        return switch (compiled) {
            case Merged m -> {
                leaves.add(TrieBuilder.build(m.entries()));
                yield new PrefixMatcher.Trie(leaves.size() - 1, leaves.get(leaves.size() - 1));
            }
            case Group g -> {
                List<PrefixMatcher> members = g.members().stream().map(c -> matcher(c, leaves)).toList();
                yield g.firstMatch() ? new PrefixMatcher.FirstMatch(members) : new PrefixMatcher.LongestMatch(members);
            }
        };
    }

    private Compiled compile(JsonNode dict) {
        String type = dict.path("type").asText();
        if (!type.equals("group")) {
            String name = dict.path("file").asText().replaceAll("\\.(ocd2?|txt)$", "");
            RawDictionary raw = dictionaries.get(name);
            if (raw == null) {
                throw new IllegalStateException("no dictionary named " + name);
            }
            SortedMap<String, String> entries = new TreeMap<>();
            raw.entries().forEach((k, v) -> entries.put(k, v.isEmpty() ? k : v.get(0)));
            return new Merged(name, entries);
        }
        boolean firstMatch = !dict.path("match_policy").asText("short_circuit").equals("union");
        List<Compiled> members = new ArrayList<>();
        for (JsonNode member : dict.path("dicts")) {
            members.add(compile(member));
        }
        if (members.stream().allMatch(m -> m instanceof Merged)) {
            List<Merged> merged = members.stream().map(m -> (Merged) m).toList();
            if (!firstMatch || !anEarlierKeyPrefixesALaterKey(merged)) {
                return merge(merged);
            }
        }
        return new Group(firstMatch, members);
    }

    /** True when some key of an earlier member is a proper prefix of a key of a later member. */
    private static boolean anEarlierKeyPrefixesALaterKey(List<Merged> members) {
        Set<String> earlier = new HashSet<>();
        for (Merged m : members) {
            for (String key : m.entries().keySet()) {
                for (int len = 1; len < key.length(); len++) {
                    if (earlier.contains(key.substring(0, len))) {
                        return true;
                    }
                }
            }
            earlier.addAll(m.entries().keySet());
        }
        return false;
    }

    /** Longest match over the merged map, ties going to the earlier member, as both policies do on a tie. */
    private static Merged merge(List<Merged> members) {
        SortedMap<String, String> entries = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (Merged m : members) {
            m.entries().forEach(entries::putIfAbsent);
            names.add(m.name());
        }
        return new Merged(String.join("+", names), entries);
    }

    private String expression(Compiled compiled) {
        return switch (compiled) {
            case Merged m -> write(m);
            case Group g -> {
                StringBuilder sb = new StringBuilder(g.firstMatch() ? "first(" : "longest(");
                for (Compiled member : g.members()) {
                    sb.append(' ').append(expression(member));
                }
                yield sb.append(" )").toString();
            }
        };
    }

    private String write(Merged m) {
        if (written.add(m.name())) {
            DoubleArrayTrie trie = TrieBuilder.build(m.entries());
            try (OutputStream file = Files.newOutputStream(output.resolve(m.name() + ".dat"));
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                trie.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m.name();
    }
}
