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

    /**
     * The readings again as numbers, for the candidate loops that ask about one syllable for a hundred characters:
     * each syllable gets an id (1-based), and a character's ids are packed 16 bits apiece into one long (up to
     * four; {@link #MANY} for more, which falls back to the set). One array read answers where the set costs a
     * few dependent reads and a string comparison. Example: 当 holds the ids of dāng and dàng.
     */
    private final Map<String, Integer> syllableIds;
    private final String[] syllables;
    private final long[] packedIds = new long[65536];
    private static final long MANY = -1;

    @SuppressWarnings("unchecked")
    private PinyinReadings(Map<Character, Set<String>> readings) {
        this.readings = readings;
        this.byChar = new Set[65536];
        readings.forEach((c, r) -> byChar[c] = r);
        Map<String, Integer> ids = new HashMap<>();
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(""));
        for (char c : readings.keySet().stream().sorted().toList()) {
            Set<String> r = readings.get(c);
            long packed = 0;
            int shift = 0;
            for (String syllable : r.stream().sorted().toList()) {
                long id = ids.computeIfAbsent(syllable, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
                packed |= shift < 64 ? id << shift : 0;
                shift += 16;
            }
            packedIds[c] = r.size() > 4 ? MANY : packed;
        }
        this.syllableIds = Map.copyOf(ids);
        this.syllables = names.toArray(String[]::new);
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

    /** The id of a syllable already passed through {@link #normalize}, for {@link #hasReading(char, int)}; 0 = no character reads so. */
    int syllableId(String normalizedSyllable) {
        Integer id = syllableIds.get(normalizedSyllable);
        return id == null ? 0 : id;
    }

    /** How many syllable ids there are: ids run from 1 to this minus one (0 = no character reads so). */
    int syllableCount() {
        return syllables.length;
    }

    /** {@link #hasReading(char, String)} for a syllable's id: the same answer. */
    boolean hasReading(char c, int syllableId) {
        long packed = packedIds[c];
        if (syllableId == 0) {
            return false; // in no character's set
        }
        if (packed == MANY) {
            return byChar[c].contains(syllables[syllableId]);
        }
        for (; packed != 0; packed >>>= 16) {
            if ((packed & 0xFFFF) == syllableId) {
                return true;
            }
        }
        return false;
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
