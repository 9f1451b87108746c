package io.huixun.app.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The raster image formats the proxy serves, recognised by their first bytes (the declared Content-Type of Chinese
 * image hosts is often {@code application/octet-stream} or missing, and a declared {@code image/*} may be an HTML
 * error page). SVG is refused: it can carry script, and it would be served from Huixun's own origin.
 * Example: {@code sniff("image/png", [0x89 'P' 'N' 'G' …])} → PNG; {@code sniff("text/html", …)} → empty.
 */
public enum ImageKind {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp"),
    AVIF("image/avif", "avif"), BMP("image/bmp", "bmp");

    public final String mimeType;
    public final String extension;

    ImageKind(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /**
     * The kind of {@code body}, or empty when it is not a raster image or the declared type says it is something else
     * (a declared {@code text/html} is refused even when the bytes look like a picture).
     */
    public static Optional<ImageKind> sniff(String declaredType, byte[] body) {
        String t = declaredType == null ? "" : declaredType.strip().toLowerCase(Locale.ROOT);
        boolean declaredOk = t.isEmpty() || t.startsWith("image/") || t.startsWith("application/octet-stream")
                || t.startsWith("binary/octet-stream");
        if (!declaredOk || t.startsWith("image/svg")) {
            return Optional.empty();
        }
        return fromBytes(body);
    }

    /** The kind named by a cache file's extension. */
    public static Optional<ImageKind> ofExtension(String ext) {
        for (ImageKind k : values()) {
            if (k.extension.equals(ext)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static Optional<ImageKind> fromBytes(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (starts(b, 4, 'f', 't', 'y', 'p', 'a', 'v', 'i')) {
            return Optional.of(AVIF);
        }
        if (starts(b, 0, 'B', 'M') && b.length > 26) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
