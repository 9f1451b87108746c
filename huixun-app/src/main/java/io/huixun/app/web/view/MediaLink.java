package io.huixun.app.web.view;

import java.util.Optional;

/**
 * A file attached to an article, as the article page links it. Immutable.
 *
 * @param kind     {@code image}, {@code audio}, {@code video} or {@code other} (the stored kind, lower case)
 * @param href     where the page points: the signed image-proxy path for an image, the original http(s) URL otherwise
 * @param mimeType the type the feed gave, when it gave one
 */
public record MediaLink(String kind, String href, Optional<String> mimeType) {}
