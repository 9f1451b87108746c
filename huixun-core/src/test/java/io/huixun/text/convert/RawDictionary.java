package io.huixun.text.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenCC text dictionary as written in its {@code .txt} files: {@code key<TAB>value1 value2 …}, one entry a line,
 * {@code #} comment lines and blank lines ignored. Entry order and all candidate values are kept, since the
 * generated dictionaries (reversals, merges) depend on them; conversion itself uses only the first value.
 * Used at build time by {@link DictionaryCompiler}.
 */
record RawDictionary(String name, Map<String, List<String>> entries) {

    RawDictionary {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static RawDictionary read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static RawDictionary parse(String name, List<String> lines) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String key = tab < 0 ? line.strip() : line.substring(0, tab);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": empty key");
            }
            List<String> values = new ArrayList<>();
            if (tab >= 0) {
                for (String v : line.substring(tab + 1).strip().split(" ")) {
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
            entries.merge(key, values, (old, added) -> {
                List<String> both = new ArrayList<>(old);
                added.stream().filter(v -> !both.contains(v)).forEach(both::add);
                return both;
            });
        }
        return new RawDictionary(name, entries);
    }
}
