package io.huixun.search;

/** Facets a search can count over its matching documents. */
public enum FacetKind {
    /** Count per source, largest first. */
    SOURCE,
    /** Count per publication day (ISO {@code yyyy-MM-dd}, local date at the article's offset), oldest first. */
    DAY,
    /** Count per person name, largest first. */
    PERSON,
    /** Count per place name, largest first. */
    PLACE,
    /** Count per organisation name, largest first. */
    ORGANISATION
}
