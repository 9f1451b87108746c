package io.huixun.search.semantics;

/**
 * Which text fields a search matches on. {@link #BOTH} is the product; the others exist to measure what each field
 * contributes.
 */
public enum MatchFields {
    /** Segmented words only: precise, misses words inside compounds and text the segmenter split differently. */
    WORDS,
    /** Character bigrams only, crossing pairs allowed everywhere: plain CJKBigramFilter behaviour. */
    BIGRAMS,
    /** Both; a two-character query must match a whole word or lie inside one word. */
    BOTH
}
