package io.huixun.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Content-Encoding decoders as streams, so the fetcher's cap counts decoded bytes and a bomb stops at the cap with a
 * few buffers of memory: {@code gzip} (and {@code x-gzip}), {@code deflate} (zlib-wrapped or raw, as servers send
 * both) and {@code br} (Brotli, pure-Java decoder). Example: a 256 KiB gzip body of 256 MiB zeros with a 1 MiB cap is
 * read 1 MiB + one buffer far. Stateless.
 */
final class ContentDecoding {
    private ContentDecoding() {}

    /** Accept-Encoding the fetcher sends. */
    static final String ACCEPTED = "gzip, deflate, br";

    /** The server used a Content-Encoding we did not offer. */
    static final class UnsupportedEncoding extends IOException {
        UnsupportedEncoding(String encoding) {
            super("unsupported Content-Encoding: " + TargetUrl.abbreviate(encoding));
        }
    }

    static boolean isEncoded(String contentEncoding) {
        return contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.strip().equalsIgnoreCase("identity");
    }

    static InputStream decode(InputStream body, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> new GZIPInputStream(body, 8192);
            case "deflate" -> deflate(body);
            case "br" -> new BrotliInputStream(body);
            default -> throw new UnsupportedEncoding(encoding);
        };
    }

    private static InputStream deflate(InputStream framed) throws IOException {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the first byte.
        PushbackInputStream p = new PushbackInputStream(framed, 1);
        int b = p.read();
        if (b < 0) {
            return InputStream.nullInputStream();
        }
        p.unread(b);
        boolean zlib = (b & 0x0F) == 8;
        return new InflaterInputStream(p, new Inflater(!zlib), 8192);
    }

    /**
     * Counts the bytes the transport delivered and remembers a transport failure, so the fetcher can tell "the
     * connection broke after 10 of 1000 bytes" from "the gzip data is corrupt". Confined to the fetching thread.
     */
    static final class Counting extends FilterInputStream {
        long count;
        IOException transportFailure;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                transportFailure = e;
                throw e;
            }
        }
    }
}
