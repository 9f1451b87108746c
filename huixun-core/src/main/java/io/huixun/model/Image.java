package io.huixun.model;

import java.net.URI;
import java.util.Objects;

/**
 * An image of an article's main text.
 *
 * @param url absolute when the page's address was known, otherwise as written in the page
 * @param alt the alt text or caption; empty when none
 */
public record Image(URI url, String alt) {
    public Image {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(alt, "alt");
    }
}
