package io.huixun.extract;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of one input as the fetcher or the file system delivered them: the hand-off between fetch and extract.
 *
 * @param name        how messages name the input (a path or a URL)
 * @param bytes       the raw bytes, undecoded; the record keeps the array it was given (callers must not change it)
 * @param url         the address the bytes came from, used to resolve relative links; empty for local files
 * @param contentType the HTTP {@code Content-Type} header if there was one ({@code text/html; charset=gbk})
 */
public record RawDocument(String name, byte[] bytes, Optional<URI> url, Optional<String> contentType) {
    public RawDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** A local file's bytes: no address, no header. */
    public static RawDocument ofFile(String name, byte[] bytes) {
        return new RawDocument(name, bytes, Optional.empty(), Optional.empty());
    }
}
