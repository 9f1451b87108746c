package io.huixun.text.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Pinyin readings of Chinese characters ({@code 当 → dāng dàng}), from {@code pinyin.txt.gz}, derived from HanLP
 * portable 1.8.6 (Apache-2.0) by {@code io.huixun.bench.repair.PinyinTableBuilder}. Immutable; thread-safe.
 */
final class PinyinReadings {
    private static final PinyinReadings INSTANCE = load();
    private final Map<Character, Set<String>> readings;
    /** The same readings indexed by character, for the fixers' candidate loops (no boxing per question). */
    private final Set<String>[] byChar;

    @SuppressWarnings("unchecked")
    private PinyinReadings(Map<Character, Set<String>> readings) {
        this.readings = readings;
        this.byChar = new Set[65536];
        readings.forEach((c, r) -> byChar[c] = r);
    }

    static PinyinReadings get() {
        return INSTANCE;
    }

    /** Whether {@code syllable} (tone marks, NFC, any case) is a reading of {@code c}. */
    boolean isReading(char c, String syllable) {
        return hasReading(c, normalize(syllable));
    }

    /**
     * {@link #isReading} for a syllable already passed through {@link #normalize}: candidate loops normalise the
     * syllable once, not once per candidate ({@code dāng} against a thousand characters).
     */
    boolean hasReading(char c, String normalizedSyllable) {
        Set<String> r = byChar[c];
        return r != null && r.contains(normalizedSyllable);
    }

    /** The readings of {@code c} with tone marks, in no particular order; empty when unknown. */
    Set<String> readings(char c) {
        return readings.getOrDefault(c, Set.of());
    }

    static String normalize(String syllable) {
        return Normalizer.normalize(CharClasses.narrow(syllable), Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replace('v', 'ü');
    }

    private static PinyinReadings load() {
        try (InputStream raw = PinyinReadings.class.getResourceAsStream("pinyin.txt.gz")) {
            if (raw == null) {
                throw new IllegalStateException("pinyin.txt.gz is missing from the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            Map<Character, Set<String>> map = new HashMap<>(32768);
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.length() < 3 || line.charAt(1) != '\t') {
                    continue; // comments, and characters outside the BMP (never needed: pinyin spam targets BMP Han)
                }
                map.put(line.charAt(0), Set.of(line.substring(2).split(" ")));
            }
            return new PinyinReadings(Map.copyOf(map));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the pinyin readings", e);
        }
    }
}
