package io.huixun.search.semantics;

import io.huixun.text.TextFold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mainland, Taiwan and Hong Kong usage of the same word, so that a query in one usage finds the others: 人工智慧 ↔
 * 人工智能, 軟體 ↔ 软件, 網路 ↔ 网络, 資訊 ↔ 信息. The pairs are OpenCC's regional phrase tables (TWPhrases, HKPhrases:
 * mainland phrase → regional phrases, in traditional script), folded like the index folds text (t2s), so a pair is
 * a pair of folded strings: {@code 软件 ↔ 软体}.
 *
 * <p>Design note. Expansion happens at query time only (a chunk of the query is also searched with each regional
 * phrase replaced by its counterparts), not by folding documents: the index stays as it is (no re-indexing, and the
 * OpenSearch back-end gets it through the shared translator), the reader's own form still matches exactly, and a
 * pair that proves noisy costs only queries that contain it. Pairs whose regional form is also an ordinary
 * mainland word in another sense (建立 for 创建, 核心 for 内核: 55 of the 384 pairs seen in the CCTV pool) are left out. Example: {@code variants("人工智慧发展")} →
 * {@code [人工智能发展]}.
 *
 * <p>Immutable after class initialisation; thread-safe.
 */
final class RegionalVocabulary {
    /** Most variants of one chunk: each costs one more sub-query. */
    static final int MAX_VARIANTS = 6;
    private static final Map<String, List<String>> COUNTERPARTS = load();
    private static final int LONGEST = COUNTERPARTS.keySet().stream().mapToInt(String::length).max().orElse(0);

    private RegionalVocabulary() {}

    /** The folded chunk with one regional phrase replaced by a counterpart, for each phrase found (longest first). */
    static List<String> variants(String folded) {
        if (COUNTERPARTS.isEmpty() || folded.length() < 2) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (i < folded.length() && out.size() < MAX_VARIANTS) {
            int matched = 0;
            for (int len = Math.min(LONGEST, folded.length() - i); len >= 2; len--) {
                List<String> others = COUNTERPARTS.get(folded.substring(i, i + len));
                if (others != null) {
                    for (String o : others) {
                        if (out.size() < MAX_VARIANTS) {
                            out.add(folded.substring(0, i) + o + folded.substring(i + len));
                        }
                    }
                    matched = len;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        out.remove(folded);
        return List.copyOf(out);
    }

    /**
     * Regional forms that mainland news also uses in another sense (建立, 核心, 通道 …: ./bench regional-ambiguity,
     * measured on the CCTV pool); pairs with them are not expanded either way, so 创建 does not find 建立.
     */
    private static Set<String> ambiguous() {
        Set<String> out = new java.util.HashSet<>();
        try (InputStream in = RegionalVocabulary.class.getResourceAsStream("regional-ambiguous.txt")) {
            if (in == null) {
                throw new IllegalStateException("regional-ambiguous.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading regional-ambiguous.txt", e);
        }
        return out;
    }

    /** Every folded pair, for measuring (both directions). */
    static Map<String, List<String>> pairs() {
        return COUNTERPARTS;
    }

    private static Map<String, List<String>> load() {
        Set<String> ambiguous = ambiguous();
        Map<String, Set<String>> map = new HashMap<>();
        for (String table : List.of("TWPhrases.txt", "HKPhrases.txt")) {
            try (InputStream in = RegionalVocabulary.class.getResourceAsStream("opencc/" + table)) {
                if (in == null) {
                    throw new IllegalStateException("OpenCC table " + table + " is missing from the classpath");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] kv = line.split("\t", 2);
                    if (kv.length < 2) {
                        continue;
                    }
                    String mainland = TextFold.forMatchingText(kv[0].strip());
                    for (String v : kv[1].strip().split("\\s+")) {
                        String regional = TextFold.forMatchingText(v);
                        if (regional.length() < 2 || mainland.length() < 2 || regional.equals(mainland)
                                || ambiguous.contains(regional)) {
                            continue;
                        }
                        map.computeIfAbsent(mainland, k -> new LinkedHashSet<>()).add(regional);
                        map.computeIfAbsent(regional, k -> new LinkedHashSet<>()).add(mainland);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading OpenCC table " + table, e);
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k, List.copyOf(new ArrayList<>(v))));
        return Map.copyOf(out);
    }
}
