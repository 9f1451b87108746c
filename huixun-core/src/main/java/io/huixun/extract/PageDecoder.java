package io.huixun.extract;

import io.huixun.text.charset.CharsetDetector;
import io.huixun.text.charset.DetectedCharset;
import io.huixun.text.charset.Utf8;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, choosing the charset the way browsers do but trusting the bytes over a wrong label.
 *
 * <p>Order: byte-order mark; then a label (HTTP header, else {@code <meta charset>} or {@code http-equiv} in the
 * first 4 KiB), kept only if it decodes the bytes cleanly; then {@link CharsetDetector}. Two corrections browsers do
 * not make, because saved pages lie: bytes that are valid UTF-8 win over a legacy label (a page saved as UTF-8 keeps
 * its old {@code gb2312} meta), and a label that leaves undecodable bytes loses to detection when detection decodes
 * cleanly. Labels go through {@link CharsetDetector#forLabel}, so {@code gb2312} means GB18030. Stateless and
 * thread-safe.
 */
final class PageDecoder {
    /** A document's own label must be in its head; 4 KiB is more than browsers' 1 KiB prescan, for long heads. */
    private static final int PRESCAN = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    /** Decoded text, the charset used and what was doubtful about it. */
    record Decoded(String text, Charset charset, Set<Extraction.Warning> warnings) {}

    private PageDecoder() {}

    /** Why bytes are not text at all; empty when they are. */
    static Optional<String> notText(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.of("empty input");
        }
        DetectedCharset bom = CharsetDetector.detect(bytes, Math.min(bytes.length, 4));
        boolean utf16 = bom.evidence() == DetectedCharset.Evidence.BOM && bom.charset() != StandardCharsets.UTF_8;
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        boolean blank = true;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (!utf16 && b == 0) {
                return Optional.of("binary data (NUL byte at offset " + i + "), not a page or text");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C && b != 0x1B) {
                control++;
            }
            if (b > ' ') {
                blank = false;
            }
        }
        if (!utf16 && control * 20 > n) {
            return Optional.of("binary data (" + control + " control bytes in the first " + n + "), not text");
        }
        if (blank && n == bytes.length) {
            return Optional.of("empty input (only whitespace)");
        }
        return Optional.empty();
    }

    static Decoded decode(byte[] bytes, Optional<String> contentType, boolean html) {
        EnumSet<Extraction.Warning> warnings = EnumSet.noneOf(Extraction.Warning.class);
        DetectedCharset detected = CharsetDetector.detect(bytes);
        int cut = Utf8.incompleteTail(bytes);
        if (cut > 0 && detected.evidence() != DetectedCharset.Evidence.BOM) {
            // A download cut inside a UTF-8 character: judge the bytes without the broken tail.
            DetectedCharset head = CharsetDetector.detect(bytes, bytes.length - cut);
            if (head.evidence() == DetectedCharset.Evidence.VALID_UTF8) {
                detected = head;
            }
        }
        if (detected.evidence() == DetectedCharset.Evidence.BOM) {
            return finish(bytes, detected.bomLength(), detected.charset(), warnings);
        }
        Optional<Charset> label = contentType.flatMap(PageDecoder::headerLabel);
        if (label.isEmpty() && html) {
            label = metaLabel(bytes);
        }
        boolean validUtf8 = detected.evidence() == DetectedCharset.Evidence.VALID_UTF8
                || detected.evidence() == DetectedCharset.Evidence.ASCII;
        if (label.isPresent()) {
            Charset l = label.get();
            if (detected.evidence() == DetectedCharset.Evidence.VALID_UTF8 && !l.equals(StandardCharsets.UTF_8)) {
                warnings.add(Extraction.Warning.CHARSET_LABEL_WRONG);
                return finish(bytes, 0, StandardCharsets.UTF_8, warnings);
            }
            if (validUtf8 || decodesCleanly(bytes, l)) {
                return finish(bytes, 0, l, warnings);
            }
            if (decodesCleanly(bytes, detected.charset())) {
                warnings.add(Extraction.Warning.CHARSET_LABEL_WRONG);
                return finish(bytes, 0, detected.charset(), warnings);
            }
            return finish(bytes, 0, l, warnings); // neither is clean: the author's word is the better guess
        }
        if (detected.evidence() == DetectedCharset.Evidence.STATISTICS
                || detected.evidence() == DetectedCharset.Evidence.DEFAULT) {
            warnings.add(Extraction.Warning.CHARSET_GUESSED);
        }
        return finish(bytes, 0, detected.charset(), warnings);
    }

    private static Decoded finish(byte[] bytes, int skip, Charset charset, EnumSet<Extraction.Warning> warnings) {
        String text = new String(bytes, skip, bytes.length - skip, charset);
        if (text.indexOf('\uFFFD') >= 0 && !containsEncodedReplacement(bytes, charset)) {
            warnings.add(Extraction.Warning.UNDECODABLE_BYTES);
        }
        return new Decoded(text, charset, Set.copyOf(warnings));
    }

    /** A UTF-8 page may carry a real U+FFFD (EF BF BD); that one is text, not a decoding failure. */
    private static boolean containsEncodedReplacement(byte[] b, Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return false;
        }
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xEF && (b[i + 1] & 0xFF) == 0xBF && (b[i + 2] & 0xFF) == 0xBD) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when at most one byte sequence in 2,000 fails to decode: real legacy pages carry the odd private
     * character or a cut sequence at a buffer edge, and that should not discard an otherwise right label.
     */
    static boolean decodesCleanly(byte[] bytes, Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        int errors = 0;
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                errors++;
                in.position(in.position() + result.length());
                if (errors * 2000L > bytes.length + 2000L) {
                    return false;
                }
            } else if (result.isOverflow()) {
                out.clear();
            } else {
                break;
            }
        }
        return true;
    }

    static Optional<Charset> headerLabel(String contentType) {
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? CharsetDetector.forLabel(m.group(1)) : Optional.empty();
    }

    static Optional<Charset> metaLabel(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Optional<Charset> c = CharsetDetector.forLabel(m.group(1));
            if (c.isPresent()) {
                // A UTF-16 label on bytes without a BOM is a lie by definition (the meta tag itself was ASCII).
                if (c.get().name().startsWith("UTF-16")) {
                    return Optional.of(StandardCharsets.UTF_8);
                }
                return c;
            }
        }
        return Optional.empty();
    }

}
