package io.huixun.text.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The dictionaries that OpenCC generates from its raw data at its own build time, generated here with our own
 * code from the same raw data (OpenCC's head configs name them; they are not in its source tree):
 * <ul>
 *   <li>{@code TWVariantsRev}, {@code HKVariantsRev}, {@code JPShinjitaiCharactersRev}: the reversal of the
 *       variants dictionary. Every value becomes a key whose candidates are the original keys in file order,
 *       except that a {@code # @reverse-prefer: V [K]} comment moves K (default V itself) to the front of V's list.
 *       Example: TWVariants {@code 幺→么} and {@code 麼→么} with {@code @reverse-prefer: 么 幺} give {@code 么→幺 麼}.</li>
 *   <li>{@code TSCharactersExt}: the line after each {@code # @tofu-risk:} comment of TSCharacters, with a leading
 *       self-mapping removed ({@code 㑮→㑮 𫝈} gives {@code 㑮→𫝈}): mappings to rare characters that some fonts lack.</li>
 *   <li>{@code STPhrases_GeneratedFromRegionalPhrases}: the keys of HKPhrases and TWPhrases converted with t2s,
 *       kept when at least 3 characters long, mapped back to the original (standard traditional) key, so that
 *       s2t keeps a simplified regional phrase such as 鼠标器 together for the regional step.</li>
 * </ul>
 */
final class GeneratedDictionaries {
    static final String TOFU_RISK = "# @tofu-risk:";
    static final String REVERSE_PREFER = "# @reverse-prefer:";

    private GeneratedDictionaries() {}

    /**
     * @param dictionaryDir the folder of raw {@code .txt} dictionaries (comment directives are read from there)
     * @param raw           the parsed raw dictionaries by name
     * @param t2s           a t2s converter factory, given the dictionaries generated so far
     */
    static Map<String, RawDictionary> generate(Path dictionaryDir, Map<String, RawDictionary> raw,
                                               java.util.function.Function<Map<String, RawDictionary>,
                                                       UnaryOperator<String>> t2s) throws IOException {
        Map<String, RawDictionary> generated = new LinkedHashMap<>();
        for (String base : List.of("TWVariants", "HKVariants", "JPShinjitaiCharacters")) {
            generated.put(base + "Rev", reverse(base + "Rev", raw.get(base),
                    lines(dictionaryDir.resolve(base + ".txt"))));
        }
        generated.put("TSCharactersExt", tofuRiskExtension(lines(dictionaryDir.resolve("TSCharacters.txt"))));
        Map<String, RawDictionary> all = new LinkedHashMap<>(raw);
        all.putAll(generated);
        UnaryOperator<String> toSimplified = t2s.apply(all);
        generated.put("STPhrases_GeneratedFromRegionalPhrases", simplifiedRegionalPhrases(
                toSimplified, raw.get("HKPhrases"), raw.get("TWPhrases")));
        return generated;
    }

    static RawDictionary reverse(String name, RawDictionary source, List<String> sourceLines) {
        Map<String, List<String>> reversed = new LinkedHashMap<>();
        source.entries().forEach((key, values) -> {
            for (String v : values) {
                reversed.computeIfAbsent(v, x -> new ArrayList<>()).add(key);
            }
        });
        for (String line : sourceLines) {
            if (!line.startsWith(REVERSE_PREFER)) {
                continue;
            }
            String[] fields = line.substring(REVERSE_PREFER.length()).strip().split("\\s+");
            if (fields.length < 1 || fields.length > 2) {
                throw new IllegalStateException(name + ": malformed directive '" + line + "'");
            }
            String key = fields[0];
            String preferred = fields.length == 2 ? fields[1] : fields[0];
            List<String> candidates = reversed.get(key);
            if (candidates == null || !candidates.remove(preferred)) {
                throw new IllegalStateException(name + ": '" + line + "' names a mapping that does not exist");
            }
            candidates.add(0, preferred);
        }
        return new RawDictionary(name, new TreeMap<>(reversed));
    }

    static RawDictionary tofuRiskExtension(List<String> tsCharacterLines) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (int i = 0; i < tsCharacterLines.size(); i++) {
            if (!tsCharacterLines.get(i).startsWith(TOFU_RISK)) {
                continue;
            }
            String next = i + 1 < tsCharacterLines.size() ? tsCharacterLines.get(i + 1) : "";
            int tab = next.indexOf('\t');
            if (next.isBlank() || next.startsWith("#") || tab < 0) {
                throw new IllegalStateException("TSCharacters line " + (i + 2) + ": a @tofu-risk mark must "
                        + "precede a mapping");
            }
            String key = next.substring(0, tab);
            List<String> values = new ArrayList<>(List.of(next.substring(tab + 1).strip().split("\\s+")));
            if (values.get(0).equals(key)) {
                values.remove(0);
            }
            if (values.isEmpty()) {
                throw new IllegalStateException("TSCharacters line " + (i + 2) + ": tofu-risk mapping maps to itself");
            }
            entries.put(key, values);
        }
        return new RawDictionary("TSCharactersExt", entries);
    }

    static RawDictionary simplifiedRegionalPhrases(UnaryOperator<String> t2s, RawDictionary... regional) {
        Map<String, String> originals = new TreeMap<>();
        for (RawDictionary dictionary : regional) {
            for (String key : dictionary.entries().keySet()) {
                String simplified = t2s.apply(key);
                if (simplified.codePointCount(0, simplified.length()) < 3) {
                    continue;
                }
                String previous = originals.putIfAbsent(simplified, key);
                if (previous != null && !previous.equals(key)) {
                    throw new IllegalStateException("regional phrases " + previous + " and " + key
                            + " both simplify to " + simplified);
                }
            }
        }
        Map<String, List<String>> entries = new TreeMap<>();
        originals.forEach((s, original) -> entries.put(s, List.of(original)));
        return new RawDictionary("STPhrases_GeneratedFromRegionalPhrases", entries);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
