package io.huixun.store;

/** What a registered source points at. */
public enum SourceKind {
    /** RSS, Atom or JSON Feed. */
    FEED,
    /** A sitemap or news sitemap. */
    SITEMAP,
    /** An HTML list page. */
    PAGE,
    /** A local file or folder. */
    FILE
}
