package io.huixun.fetch;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The charset chosen for a fetched body and how it was chosen.
 *
 * @param charset    the charset to decode with
 * @param source     what decided it
 * @param label      the label that was found (header or meta), as written, even when it was overruled
 * @param bomLength  bytes of byte-order mark at the start of the body, to skip when decoding
 */
public record CharsetDecision(Charset charset, Source source, Optional<String> label, int bomLength) {

    /** How the charset was decided, in the order they are tried. */
    public enum Source {
        /** A byte-order mark. */
        BOM,
        /** The Content-Type header's charset parameter (labels mapped as browsers do: gb2312 → GB18030). */
        HEADER,
        /** A {@code <meta charset>}, {@code <meta http-equiv>} or XML declaration in the first bytes. */
        META,
        /**
         * A label said a legacy charset but the bytes are valid UTF-8 with multi-byte sequences; UTF-8 is trusted
         * over the label (lessons.md: a valid UTF-8 decode beats a wrong label).
         */
        VALID_UTF8_OVER_LABEL,
        /** No usable label: byte statistics ({@link io.huixun.text.charset.CharsetDetector}). */
        DETECTED
    }
}
