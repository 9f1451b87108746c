package io.huixun.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A picture or recording attached to an article, as its feed named it: the lead image ({@code media:thumbnail},
 * else the first image enclosure, else JSON Feed {@code image}) and the enclosures (RSS enclosure, Atom
 * {@code rel=enclosure}, JSON Feed attachments, Media RSS content). Immutable.
 * Example: {@code new ArticleMedia("https://img.cn/a.jpg", Kind.LEAD_IMAGE, Optional.empty())}.
 *
 * @param url      absolute http(s) URL, at most {@link #MAX_URL} characters
 * @param kind     what it is
 * @param mimeType the type the feed gave, when it gave one
 */
public record ArticleMedia(String url, Kind kind, Optional<String> mimeType) {
    public static final int MAX_URL = 2000;

    /** What an attached file is. {@link #LEAD_IMAGE} is the picture shown on cards, at most one per article. */
    public enum Kind {
        LEAD_IMAGE, IMAGE, AUDIO, VIDEO, OTHER;

        /** The stored name: {@code LEAD_IMAGE} → {@code lead_image}. */
        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArticleMedia {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    /** Whether {@code url} may be stored: http or https, not too long (a {@code javascript:} link never is). */
    public static boolean storable(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }
}
