package io.huixun.text.repair;

/** What an {@link Edit} repaired; one value per fixer. */
public enum RepairKind {
    /** HTML character references ({@code &amp;}, {@code &#20013;}) decoded. */
    HTML_ENTITY,
    /** Invisible characters (zero-width space, word joiner, soft hyphen, stray BOM) removed. */
    INVISIBLE,
    /** Text decoded with the wrong charset (UTF-8 read as GBK, Big5, cp1252 …) decoded again correctly. */
    CHARSET_MOJIBAKE,
    /** A GBK/Big5 stream read one byte out of step, realigned (and the character lost at the cut restored). */
    BYTE_MISALIGNMENT,
    /** Spam pinyin after a character ({@code 當(dāng)}) removed. */
    PINYIN_ANNOTATION,
    /** A lost character ({@code ?}, U+FFFD, {@code □}) restored from context. */
    LOST_CHARACTER,
    /** ASCII punctuation inside Chinese text made full-width. */
    PUNCTUATION,
    /** Full-width Latin letters and digits made half-width. */
    WIDTH,
    /** Traditional ↔ simplified conversion to the target script. */
    SCRIPT
}
