package io.huixun.text.convert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The conversions Huixun offers, named and behaving as OpenCC's configurations of the same name
 * ({@code s2t.json} and so on): s = simplified, t = traditional (OpenCC standard), tw = Taiwan, hk = Hong Kong,
 * jp = Japanese shinjitai; a trailing {@code p} also converts regional phrases (软件 → 軟體).
 */
public enum ConversionConfig {
    S2T, T2S, S2TW, TW2S, S2TWP, TW2SP, S2HK, HK2S, T2TW, TW2T, T2HK, HK2T, S2HKP, HK2SP, JP2T, T2JP;

    /** The OpenCC name, e.g. {@code s2twp}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an OpenCC configuration name, with or without {@code .json}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them
     */
    public static ConversionConfig fromName(String name) {
        String bare = name.strip().toLowerCase(Locale.ROOT);
        if (bare.endsWith(".json")) {
            bare = bare.substring(0, bare.length() - 5);
        }
        for (ConversionConfig c : values()) {
            if (c.configName().equals(bare)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown conversion config '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ConversionConfig::configName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return configName();
    }
}
