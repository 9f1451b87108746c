package io.huixun.app.web;

import java.util.Locale;

/**
 * The reader's choice of interface language and script. {@code zh-Hans} is the default; {@code zh-Hant} shows the
 * interface and the news in traditional characters (Taiwan or Hong Kong forms with {@code zh-TW}/{@code zh-HK});
 * {@code en} shows an English interface over simplified news. Chosen by {@code ?lang=}, remembered in a cookie.
 */
public enum Lang {
    ZH_HANS("zh-Hans", "简"), ZH_HANT("zh-Hant", "繁"), ZH_TW("zh-TW", "臺"), ZH_HK("zh-HK", "港"), EN("en", "EN");

    private final String tag;
    private final String shortLabel;

    Lang(String tag, String shortLabel) {
        this.tag = tag;
        this.shortLabel = shortLabel;
    }

    public String tag() {
        return tag;
    }

    public String shortLabel() {
        return shortLabel;
    }

    public boolean traditional() {
        return this == ZH_HANT || this == ZH_TW || this == ZH_HK;
    }

    /** Parses a tag leniently (zh-hant, zh_TW, EN …); unknown tags give the default. */
    public static Lang parse(String tag) {
        if (tag == null) {
            return ZH_HANS;
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (l.tag.toLowerCase(Locale.ROOT).equals(t)) {
                return l;
            }
        }
        return t.startsWith("en") ? EN : ZH_HANS;
    }
}
