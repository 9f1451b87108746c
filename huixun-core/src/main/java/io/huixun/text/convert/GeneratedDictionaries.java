package io.huixun.text.convert;

import java.util.HashMap;
import java.util.Map;

/** Placeholder until the generation rules are written. */
final class GeneratedDictionaries {
    private GeneratedDictionaries() {}

    static Map<String, RawDictionary> generate(Map<String, RawDictionary> raw) {
        return new HashMap<>();
    }
}
