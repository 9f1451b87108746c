package io.huixun.source;

import java.net.URI;

/**
 * A link found on an HTML list page.
 *
 * @param url          absolute http(s) URL without fragment
 * @param text         the anchor text, whitespace collapsed
 * @param articleLike  whether it looks like a link to an article (see {@link SourceParser#listPage})
 */
public record PageLink(URI url, String text, boolean articleLike) {}
