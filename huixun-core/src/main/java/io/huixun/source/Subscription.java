package io.huixun.source;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One feed from an OPML subscription list.
 *
 * @param title       the outline's {@code title}, else its {@code text} (what readers display), empty when neither
 * @param feedUrl     {@code xmlUrl}
 * @param siteUrl     {@code htmlUrl}
 * @param folders     the enclosing outlines' titles, outermost first (readers' folders)
 * @param categories  the OPML 2.0 {@code category} attribute split at commas, each a slash path as written with the
 *                    leading slash removed ({@code "/新闻/国际,科技"} → {@code [新闻/国际, 科技]})
 */
public record Subscription(String title, URI feedUrl, Optional<URI> siteUrl, List<String> folders,
                           List<String> categories) {
    public Subscription {
        folders = List.copyOf(folders);
        categories = List.copyOf(categories);
    }

    /** A subscription without categories. */
    public Subscription(String title, URI feedUrl, Optional<URI> siteUrl, List<String> folders) {
        this(title, feedUrl, siteUrl, folders, List.of());
    }

    /** The innermost folder, the one a reader files the feed under; empty at the top level. */
    public Optional<String> folder() {
        return folders.isEmpty() ? Optional.empty() : Optional.of(folders.get(folders.size() - 1));
    }
}
