package io.huixun.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which articles a recent-news listing shows.
 *
 * @param canonicalOnly leave out copies of other articles
 * @param source        only this publisher (exact name), if given
 * @param category      only this category (the enum name of {@code io.huixun.nlp.Category}), if given
 */
public record RecentFilter(boolean canonicalOnly, Optional<String> source, Optional<String> category) {
    public static final RecentFilter CANONICAL = new RecentFilter(true, Optional.empty(), Optional.empty());

    public RecentFilter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
    }
}
