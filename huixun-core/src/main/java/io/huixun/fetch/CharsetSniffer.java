package io.huixun.fetch;

import io.huixun.text.charset.CharsetDetector;
import io.huixun.text.charset.DetectedCharset;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the charset of a fetched body: byte-order mark, then the Content-Type header, then a meta tag or XML
 * declaration in the first 4 KiB, then detection. Labels map as browsers map them ({@code gb2312} → GB18030) via
 * {@link CharsetDetector#forLabel}. One refinement from lessons.md: when a label names a legacy charset but the bytes
 * are valid UTF-8 with multi-byte sequences, UTF-8 wins and the label is kept in the decision.
 *
 * <p>Example: header {@code text/html; charset=gb2312}, body GBK bytes → GB18030 from HEADER. Stateless, thread-safe.
 */
final class CharsetSniffer {
    private static final int PRESCAN = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);

    private CharsetSniffer() {}

    static CharsetDecision decide(byte[] body, Optional<String> contentType) {
        // BOM first: CharsetDetector checks it before anything else and stops there.
        DetectedCharset bom = CharsetDetector.detect(body, Math.min(body.length, 3));
        if (bom.evidence() == DetectedCharset.Evidence.BOM) {
            return new CharsetDecision(bom.charset(), CharsetDecision.Source.BOM, Optional.empty(), bom.bomLength());
        }
        boolean validUtf8 = isMultiByteUtf8(body);
        Optional<String> headerLabel = contentType.flatMap(ct -> group(HEADER_CHARSET.matcher(ct)));
        Optional<CharsetDecision> fromHeader = labelled(headerLabel, CharsetDecision.Source.HEADER, validUtf8);
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Optional<String> metaLabel = group(XML_ENCODING.matcher(head)).or(() -> group(META_CHARSET.matcher(head)));
        Optional<CharsetDecision> fromMeta = labelled(metaLabel, CharsetDecision.Source.META, validUtf8);
        if (fromMeta.isPresent()) {
            return fromMeta.get();
        }
        // statistics only when no label decided: they cost far more than the checks above
        DetectedCharset detected = CharsetDetector.detect(body);
        return new CharsetDecision(detected.charset(), CharsetDecision.Source.DETECTED,
                headerLabel.or(() -> metaLabel), 0);
    }

    /**
     * Whether the first 64 KiB are valid UTF-8 containing at least one multi-byte sequence (a sequence cut by the
     * sample's end counts as valid). Legacy double-byte text practically never passes.
     */
    static boolean isMultiByteUtf8(byte[] b) {
        int n = Math.min(b.length, 1 << 16);
        boolean multi = false;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return false;
            }
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                if (i + k >= n) {
                    return n < b.length; // cut by the sample's end: fine; by the body's end: invalid
                }
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            multi = true;
            i += len;
        }
        return multi;
    }

    private static Optional<CharsetDecision> labelled(Optional<String> label, CharsetDecision.Source source,
                                                      boolean validUtf8) {
        if (label.isEmpty()) {
            return Optional.empty();
        }
        Optional<Charset> cs = CharsetDetector.forLabel(label.get());
        if (cs.isEmpty()) {
            return Optional.empty(); // unknown label: fall through to the next source
        }
        Charset charset = cs.get();
        // A UTF-16 label on a body without BOM is almost always wrong for ASCII-compatible markup (WHATWG: meta
        // utf-16 means utf-8); treat it as UTF-8.
        if (charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") && source == CharsetDecision.Source.META) {
            charset = StandardCharsets.UTF_8;
        }
        if (!charset.equals(StandardCharsets.UTF_8) && validUtf8) {
            return Optional.of(new CharsetDecision(StandardCharsets.UTF_8,
                    CharsetDecision.Source.VALID_UTF8_OVER_LABEL, label, 0));
        }
        return Optional.of(new CharsetDecision(charset, source, label, 0));
    }

    private static Optional<String> group(Matcher m) {
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
