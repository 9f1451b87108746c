package io.huixun.bench.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the character bigram statistics that the repair stage ships ({@code charmodel.bin}) from clean news text:
 * the CCTV 新闻联播 pool ({@code ../shared/data/cctv-xwlb/articles.jsonl}, research use: only counts are shipped,
 * no text) and Fuyao news ({@code ../shared/data/fuyaonews/articles.jsonl}, Apache-2.0).
 *
 * <p>Each paragraph is folded the way {@code CharModel} folds its queries (digits → '0', Latin letters → 'a',
 * whitespace → ' ') and framed with '\n' on both sides. Bigrams seen fewer than {@link #MIN_BIGRAM} times are pruned.
 * Format (gzip): magic "HXLM", version 2, total char count (long), unigram count then (char, varint count) pairs,
 * bigram count then (varint key delta, varint count) with key = c1 << 16 | c2 in ascending unsigned order,
 * trigram count then (varint key delta, varint count) with key = c1 << 32 | c2 << 16 | c3 ascending (seen at least
 * {@link #MIN_TRIGRAM} times).
 * One CCTV article in ten ({@link #isHeldOut}) is left out, so that the repair evaluation measures unseen text.
 *
 * <p>Usage: {@code CharModelBuilder DATA_DIR OUT_FILE}, e.g. {@code ../shared/data
 * huixun-core/src/main/resources/io/huixun/text/repair/charmodel.bin}.
 */
public final class CharModelBuilder {
    static final int MIN_BIGRAM = 2;
    static final int MIN_TRIGRAM = 3;

    private CharModelBuilder() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1]
                : "huixun-core/src/main/resources/io/huixun/text/repair/charmodel.bin");
        Path cctv = data.resolve("cctv-xwlb/articles.jsonl");
        Path fuyao = data.resolve("fuyaonews/articles.jsonl");
        if (!Files.exists(cctv) || !Files.exists(fuyao)) {
            System.out.println("skipped: " + cctv + " or " + fuyao + " not found");
            return;
        }
        long[] uni = new long[65536];
        Map<Integer, int[]> bi = new HashMap<>(1 << 21);
        ObjectMapper json = new ObjectMapper();
        long paragraphs = 0;
        long[] trigrams = new long[1 << 24];
        int trigramCount = 0;
        for (Path file : new Path[] {cctv, fuyao}) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    if (file == cctv && isHeldOut(node.path("id").asText())) {
                        continue; // kept out of the statistics: the repair evaluation runs on these
                    }
                    StringBuilder text = new StringBuilder();
                    for (String field : new String[] {"title", "summary", "body", "body_markdown"}) {
                        if (node.hasNonNull(field)) {
                            text.append(node.get(field).asText()).append('\n');
                        }
                    }
                    for (String paragraph : text.toString().split("\n")) {
                        if (paragraph.isBlank()) {
                            continue;
                        }
                        paragraphs++;
                        char prev = '\n';
                        char prev2 = '\n';
                        for (int i = 0; i <= paragraph.length(); i++) {
                            char c = i == paragraph.length() ? '\n' : fold(paragraph.charAt(i));
                            if (c == ' ' && prev == ' ') {
                                continue;
                            }
                            uni[c]++;
                            int key = prev << 16 | c;
                            bi.computeIfAbsent(key, k -> new int[1])[0]++;
                            if (i > 0) {
                                if (trigramCount == trigrams.length) {
                                    trigrams = Arrays.copyOf(trigrams, trigrams.length * 2);
                                }
                                trigrams[trigramCount++] = (long) prev2 << 32 | (long) prev << 16 | c;
                            }
                            prev2 = prev;
                            prev = c;
                        }
                    }
                }
            }
        }
        long total = Arrays.stream(uni).sum();
        int keptTrigrams = 0;
        int[] keys = bi.entrySet().stream().filter(e -> e.getValue()[0] >= MIN_BIGRAM)
                .mapToInt(Map.Entry::getKey).map(k -> k ^ Integer.MIN_VALUE).sorted().map(k -> k ^ Integer.MIN_VALUE)
                .toArray();
        int uniques = 0;
        for (long u : uni) {
            uniques += u > 0 ? 1 : 0;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)))) {
            dos.writeInt(0x48584C4D);
            dos.writeInt(2);
            dos.writeLong(total);
            dos.writeInt(uniques);
            for (int c = 0; c < uni.length; c++) {
                if (uni[c] > 0) {
                    dos.writeChar(c);
                    writeVarint(dos, uni[c]);
                }
            }
            dos.writeInt(keys.length);
            long previous = 0;
            for (int key : keys) {
                long unsigned = Integer.toUnsignedLong(key);
                writeVarint(dos, unsigned - previous);
                writeVarint(dos, bi.get(key)[0]);
                previous = unsigned;
            }
            // Trigrams seen at least MIN_TRIGRAM times, keys a << 32 | b << 16 | c ascending.
            Arrays.sort(trigrams, 0, trigramCount);
            long[] kept = new long[trigramCount / 4 + 16];
            int[] keptCounts = new int[kept.length];
            for (int i = 0; i < trigramCount; ) {
                int j = i;
                while (j < trigramCount && trigrams[j] == trigrams[i]) {
                    j++;
                }
                if (j - i >= MIN_TRIGRAM) {
                    kept[keptTrigrams] = trigrams[i];
                    keptCounts[keptTrigrams++] = j - i;
                }
                i = j;
            }
            dos.writeInt(keptTrigrams);
            previous = 0;
            for (int i = 0; i < keptTrigrams; i++) {
                writeVarint(dos, kept[i] - previous);
                writeVarint(dos, keptCounts[i]);
                previous = kept[i];
            }
        }
        System.out.printf("trigrams kept %d of %d occurrences%n", keptTrigrams, trigramCount);
        System.out.printf("paragraphs %d, chars %d, distinct chars %d, bigrams kept %d of %d, %s: %d bytes%n",
                paragraphs, total, uniques, keys.length, bi.size(), out, Files.size(out));
    }

    /** CCTV articles held out of the model for the evaluation: one in ten, by a hash of the article id. */
    public static boolean isHeldOut(String id) {
        return (id.hashCode() & 0x7FFFFFFF) % 10 == 0;
    }

    /** Must match CharModel.fold. */
    static char fold(char c) {
        if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
            return '0';
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 'ａ' && c <= 'ｚ') || (c >= 'Ａ' && c <= 'Ｚ')) {
            return 'a';
        }
        if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000') {
            return ' ';
        }
        return c;
    }

    static void writeVarint(OutputStream out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
