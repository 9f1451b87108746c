package io.huixun.app.web;

import io.huixun.text.convert.ReadingConverter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The one scheme for interface strings: rows of {@code {key, zh-Hans, en}} written by hand, the traditional
 * interfaces made from the simplified row by {@link ReadingConverter} (zh-Hant s2t, zh-TW s2twp, zh-HK s2hk, with its
 * corrections: 秘书 → 秘書, not 祕書), so the Chinese interfaces never drift apart. Example: the row
 * {@code {"state.read", "标为已读", "Mark read"}} → 標為已讀 for zh-Hant. An unknown key shows as itself, which the
 * message tests catch. {@link Messages} keeps the rows.
 * Immutable after construction: thread-safe.
 */
final class MessageTable {
    private final Map<Lang, Map<String, String>> byLang = new EnumMap<>(Lang.class);

    MessageTable(String[][] rows) {
        Map<String, String> hans = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        for (String[] row : rows) {
            if (hans.put(row[0], row[1]) != null) {
                throw new IllegalStateException("message key written twice: " + row[0]);
            }
            en.put(row[0], row[2]);
        }
        byLang.put(Lang.ZH_HANS, Map.copyOf(hans));
        byLang.put(Lang.EN, Map.copyOf(en));
        byLang.put(Lang.ZH_HANT, convert(hans, ReadingConverter.Region.HANT));
        byLang.put(Lang.ZH_TW, convert(hans, ReadingConverter.Region.TW));
        byLang.put(Lang.ZH_HK, convert(hans, ReadingConverter.Region.HK));
    }

    /** Every string of one language, by key. */
    Map<String, String> texts(Lang lang) {
        return byLang.get(lang);
    }

    /** The string of {@code key} in {@code lang}, or the key itself when no row has it. */
    String get(Lang lang, String key) {
        return byLang.get(lang).getOrDefault(key, key);
    }

    boolean has(String key) {
        return byLang.get(Lang.ZH_HANS).containsKey(key);
    }

    private static Map<String, String> convert(Map<String, String> hans, ReadingConverter.Region region) {
        ReadingConverter converter = ReadingConverter.of(region);
        Map<String, String> out = new HashMap<>();
        hans.forEach((k, v) -> out.put(k, converter.convert(v)));
        return Map.copyOf(out);
    }
}
