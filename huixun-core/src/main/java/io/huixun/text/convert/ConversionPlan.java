package io.huixun.text.convert;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled OpenCC configuration: an optional normalization pass, an optional segmentation dictionary and the
 * chain of conversion steps, each a {@link PrefixMatcher} over compiled dictionaries.
 *
 * <p>Plans are written by {@code DictionaryCompiler} (a build-time tool in the test sources) as small text files next to the compiled tries, e.g.
 * <pre>
 * normalization CJK_Compatibility_Ideographs
 * segmentation longest( STPhrases STPhrases_GeneratedFromRegionalPhrases )
 * step s2t-step1
 * </pre>
 * where a bare name is one compiled trie and {@code first(…)}/{@code longest(…)} are OpenCC's short-circuit and
 * union groups. Compiled tries are cached per JVM and shared between plans. Plans are immutable and thread-safe.
 */
final class ConversionPlan {
    static final String RESOURCE_DIR = "dict/";
    private static final Map<String, DoubleArrayTrie> TRIES = new ConcurrentHashMap<>();

    final Optional<PrefixMatcher> normalization;
    final Optional<PrefixMatcher> segmentation;
    final List<PrefixMatcher> steps;
    final DoubleArrayTrie[] leaves;
    /** Characters that occur in some key of some dictionary of this plan; the others are safe cut points. */
    final boolean[] inSomeKey = new boolean[65536];
    /**
     * For each key of any dictionary of this plan whose replacement differs from it, one character the key needs
     * ({@link DoubleArrayTrie#markChangingKeys}): a text with none of them converts to itself, in every step, since
     * each step then sees the unchanged text again. Simplified text under {@code t2s} is the common case.
     */
    final boolean[] changing = new boolean[65536];

    ConversionPlan(Optional<PrefixMatcher> normalization, Optional<PrefixMatcher> segmentation,
                           List<PrefixMatcher> steps, List<DoubleArrayTrie> leaves) {
        this.normalization = normalization;
        this.segmentation = segmentation;
        this.steps = List.copyOf(steps);
        this.leaves = leaves.toArray(DoubleArrayTrie[]::new);
        for (DoubleArrayTrie t : this.leaves) {
            for (int c = 0; c < 65536; c++) {
                inSomeKey[c] |= t.occursInKeys((char) c);
            }
            t.markChangingKeys(changing);
        }
    }

    static ConversionPlan load(ConversionConfig config) {
        String text = new String(readResource(config.configName() + ".plan"), StandardCharsets.UTF_8);
        return parse(text, config.configName());
    }

    static ConversionPlan parse(String planText, String planName) {
        List<DoubleArrayTrie> leaves = new ArrayList<>();
        Optional<PrefixMatcher> normalization = Optional.empty();
        Optional<PrefixMatcher> segmentation = Optional.empty();
        List<PrefixMatcher> steps = new ArrayList<>();
        for (String line : planText.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalStateException("plan " + planName + ": malformed line '" + line + "'");
            }
            String kind = line.substring(0, space);
            PrefixMatcher matcher = new ExpressionReader(line.substring(space + 1), leaves).read();
            switch (kind) {
                case "normalization" -> normalization = Optional.of(matcher);
                case "segmentation" -> segmentation = Optional.of(matcher);
                case "step" -> steps.add(matcher);
                default -> throw new IllegalStateException("plan " + planName + ": unknown line kind '" + kind + "'");
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalStateException("plan " + planName + " has no conversion step");
        }
        return new ConversionPlan(normalization, segmentation, steps, leaves);
    }

    /** Reads {@code name}, {@code first( … )} and {@code longest( … )} expressions. */
    private static final class ExpressionReader {
        private final String[] tokens;
        private final List<DoubleArrayTrie> leaves;
        private int next;

        ExpressionReader(String expression, List<DoubleArrayTrie> leaves) {
            this.tokens = expression.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+");
            this.leaves = leaves;
        }

        PrefixMatcher read() {
            String token = tokens[next++];
            if (token.equals("first") || token.equals("longest")) {
                if (!tokens[next++].equals("(")) {
                    throw new IllegalStateException("expected '(' after " + token);
                }
                List<PrefixMatcher> members = new ArrayList<>();
                while (!tokens[next].equals(")")) {
                    members.add(read());
                }
                next++;
                return token.equals("first") ? new PrefixMatcher.FirstMatch(members)
                        : new PrefixMatcher.LongestMatch(members);
            }
            DoubleArrayTrie trie = TRIES.computeIfAbsent(token, ConversionPlan::readTrie);
            leaves.add(trie);
            return new PrefixMatcher.Trie(leaves.size() - 1, trie);
        }
    }

    private static DoubleArrayTrie readTrie(String name) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(name + ".dat"), 1 << 16))) {
            return DoubleArrayTrie.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compiled dictionary " + name, e);
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ConversionPlan.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE_DIR + name
                    + " (the dictionaries are compiled at build time: run ./mvnw package)");
        }
        return in;
    }
}
