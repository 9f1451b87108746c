package io.huixun.search;

/** Order of hits: best match first, or newest first. */
public enum SortOrder {
    RELEVANCE,
    TIME
}
