package io.huixun.text.convert;

/** Which Chinese script a text is written in. */
public enum Script {
    /** Mostly characters that exist only in simplified Chinese (国, 这). */
    SIMPLIFIED,
    /** Mostly characters that exist only in traditional Chinese (國, 這). */
    TRADITIONAL,
    /** Both kinds in substantial numbers, e.g. a half-converted page. */
    MIXED,
    /** Han characters, but only ones common to both scripts (中文, 人民): either reading is right. */
    NEUTRAL,
    /** No Han characters at all. */
    NONE
}
