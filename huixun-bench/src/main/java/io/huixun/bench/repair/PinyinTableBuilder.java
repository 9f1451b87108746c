package io.huixun.bench.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.io.OutputStreamWriter;

/**
 * Derives the compact character → pinyin readings table ({@code pinyin.txt.gz}, one line per character:
 * {@code 当 dāng dàng}) from HanLP portable 1.8.6's {@code data/dictionary/pinyin/pinyin.txt} (Apache-2.0,
 * on this module's class path). Single-character entries give the readings; words whose syllable count equals their
 * length add the reading each character has in that word (polyphones such as 地 → de in 慢慢地).
 *
 * <p>Usage: {@code PinyinTableBuilder [OUT_FILE]}.
 */
public final class PinyinTableBuilder {
    private static final String[] MARKS = {"āēīōūǖ", "áéíóúǘ", "ǎěǐǒǔǚ", "àèìòùǜ"};

    private PinyinTableBuilder() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0]
                : "huixun-core/src/main/resources/io/huixun/text/repair/pinyin.txt.gz");
        Map<Integer, Set<String>> table = new TreeMap<>();
        try (InputStream raw = PinyinTableBuilder.class.getClassLoader()
                .getResourceAsStream("data/dictionary/pinyin/pinyin.txt")) {
            if (raw == null) {
                throw new IllegalStateException("HanLP portable's pinyin.txt is not on the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                int[] chars = line.substring(0, eq).codePoints().toArray();
                String[] syllables = line.substring(eq + 1).split(",");
                if (chars.length == 1) {
                    for (String s : syllables) {
                        add(table, chars[0], s);
                    }
                } else if (chars.length == syllables.length) {
                    for (int i = 0; i < chars.length; i++) {
                        add(table, chars[i], syllables[i]);
                    }
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            w.write("# char → pinyin readings, derived from HanLP portable 1.8.6 data/dictionary/pinyin/pinyin.txt"
                    + " (Apache-2.0) by io.huixun.bench.repair.PinyinTableBuilder\n");
            for (Map.Entry<Integer, Set<String>> e : table.entrySet()) {
                w.write(new String(Character.toChars(e.getKey())) + "\t" + String.join(" ", e.getValue()) + "\n");
            }
        }
        System.out.printf("%d characters, %s: %d bytes%n", table.size(), out, Files.size(out));
    }

    private static void add(Map<Integer, Set<String>> table, int cp, String numbered) {
        String marked = toMarks(numbered.trim());
        if (!marked.isEmpty() && Character.isIdeographic(cp)) {
            table.computeIfAbsent(cp, k -> new LinkedHashSet<>()).add(marked);
        }
    }

    /** {@code dang1} → {@code dāng}, {@code lv4} → {@code lǜ}, {@code de5} → {@code de}. */
    static String toMarks(String s) {
        if (s.isEmpty() || s.equals("none5")) {
            return "";
        }
        char last = s.charAt(s.length() - 1);
        int tone = Character.isDigit(last) ? last - '0' : 5;
        String base = (Character.isDigit(last) ? s.substring(0, s.length() - 1) : s).replace('v', 'ü')
                .replace("u:", "ü");
        if (tone < 1 || tone > 4) {
            return base;
        }
        int at = base.indexOf('a');
        if (at < 0) at = base.indexOf('e');
        if (at < 0 && base.contains("ou")) at = base.indexOf('o');
        if (at < 0) {
            for (int i = base.length() - 1; i >= 0; i--) {
                if ("iouü".indexOf(base.charAt(i)) >= 0) {
                    at = i;
                    break;
                }
            }
        }
        if (at < 0) {
            return base;
        }
        int vowel = "aeiouü".indexOf(base.charAt(at));
        return base.substring(0, at) + MARKS[tone - 1].charAt(vowel) + base.substring(at + 1);
    }
}
