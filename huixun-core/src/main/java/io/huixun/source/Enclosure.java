package io.huixun.source;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file attached to a feed entry: an RSS {@code <enclosure>}, an Atom {@code <link rel="enclosure">}, a JSON Feed
 * attachment, or a Media RSS {@code <media:content>}.
 *
 * @param url       absolute URL of the file
 * @param mimeType  the MIME type the feed gave (lower case, parameters dropped), empty when none
 * @param length    the size in bytes the feed gave, empty when none or not a number
 * @param kind      what the file is, from Media RSS {@code medium}, else the MIME type, else the file extension
 */
public record Enclosure(URI url, Optional<String> mimeType, OptionalLong length, Kind kind) {

    /** The broad kind of an enclosure. */
    public enum Kind { IMAGE, AUDIO, VIDEO, OTHER }

    public Enclosure {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * An enclosure from the attributes a feed writes; the kind is derived.
     * Example: {@code of(u, "image/jpeg; q=1", "12345", "")} → type {@code image/jpeg}, length 12345, IMAGE.
     */
    static Enclosure of(URI url, String type, String length, String medium) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi).strip();
        }
        OptionalLong len = OptionalLong.empty();
        if (length != null && length.strip().matches("\\d{1,18}")) {
            len = OptionalLong.of(Long.parseLong(length.strip()));
        }
        return new Enclosure(url, t.isEmpty() ? Optional.empty() : Optional.of(t), len, kindOf(url, t, medium));
    }

    static Kind kindOf(URI url, String type, String medium) {
        String m = medium == null ? "" : medium.strip().toLowerCase(Locale.ROOT);
        switch (m) {
            case "image" -> {
                return Kind.IMAGE;
            }
            case "audio" -> {
                return Kind.AUDIO;
            }
            case "video" -> {
                return Kind.VIDEO;
            }
            case "document", "executable" -> {
                return Kind.OTHER;
            }
            default -> { }
        }
        if (type.startsWith("image/")) {
            return Kind.IMAGE;
        }
        if (type.startsWith("audio/")) {
            return Kind.AUDIO;
        }
        if (type.startsWith("video/") || type.equals("application/x-mpegurl")
                || type.equals("application/vnd.apple.mpegurl")) {
            return Kind.VIDEO;
        }
        if (!type.isEmpty()) {
            return Kind.OTHER;
        }
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (path.matches(".*\\.(jpe?g|png|gif|webp|avif|bmp|svg)$")) {
            return Kind.IMAGE;
        }
        if (path.matches(".*\\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)$")) {
            return Kind.AUDIO;
        }
        if (path.matches(".*\\.(mp4|m4v|webm|mov|m3u8|flv|mkv)$")) {
            return Kind.VIDEO;
        }
        return Kind.OTHER;
    }
}
