package io.huixun.source;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One feed from an OPML subscription list.
 *
 * @param title     the outline's title (or text), empty when none
 * @param feedUrl   {@code xmlUrl}
 * @param siteUrl   {@code htmlUrl}
 * @param folders   the enclosing outlines' titles, outermost first (readers' folders/categories)
 */
public record Subscription(String title, URI feedUrl, Optional<URI> siteUrl, List<String> folders) {
    public Subscription {
        folders = List.copyOf(folders);
    }
}
