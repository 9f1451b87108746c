package io.huixun.text.charset;

import java.nio.charset.Charset;

/**
 * A charset decision and how it was reached.
 *
 * @param charset    the charset to decode with
 * @param evidence   what decided it
 * @param bomLength  bytes of byte-order mark to skip before decoding (0 when none)
 */
public record DetectedCharset(Charset charset, Evidence evidence, int bomLength) {

    /** How a charset was chosen, strongest first. */
    public enum Evidence {
        /** A byte-order mark. */
        BOM,
        /** A label from the protocol or the document (HTTP header, meta tag), normalised. */
        LABEL,
        /** The bytes are valid UTF-8 and contain non-ASCII sequences: no legacy encoding produces that by chance. */
        VALID_UTF8,
        /** Plain ASCII: every ASCII-compatible charset decodes it the same. */
        ASCII,
        /** Byte statistics (juniversalchardet). */
        STATISTICS,
        /** Nothing decided; GB18030 is assumed, the most common legacy encoding of Chinese pages. */
        DEFAULT
    }
}
