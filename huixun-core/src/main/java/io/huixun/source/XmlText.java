package io.huixun.source;

import io.huixun.text.charset.CharsetDetector;
import io.huixun.text.charset.DetectedCharset;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns XML bytes into text and a DOM safely.
 *
 * <p>Design note: the XML parser is never given the bytes, because its decoders take {@code gb2312} literally and
 * lose 镕/喆; the text is decoded here (BOM → XML declaration → caller's hint → detection, labels mapped browser-style)
 * and parsed from characters. The parser refuses any DOCTYPE, which removes entity expansion (billion laughs) and
 * external entities (XXE) at the root. Stateless, thread-safe.
 */
final class XmlText {
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlText() {}

    /** Unreadable XML; the message says where and why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Text decoded from bytes, and the charset that decoded it. */
    record Decoded(String text, Charset charset) {}

    static String decode(byte[] bytes, Optional<Charset> hint) {
        return decoded(bytes, hint).text();
    }

    /**
     * BOM → UTF-16 by its zero bytes → XML declaration → caller's hint → detection. Labels map browser-style: a
     * {@code gb2312} label is GB18030 and an {@code iso-8859-1} label (or hint) is windows-1252, as WHATWG does, so
     * byte 0x93 in a "Latin-1" feed is “ and not a C1 control.
     */
    static Decoded decoded(byte[] bytes, Optional<Charset> hint) {
        DetectedCharset detected = CharsetDetector.detect(bytes);
        if (detected.evidence() == DetectedCharset.Evidence.BOM) {
            return new Decoded(new String(bytes, detected.bomLength(), bytes.length - detected.bomLength(),
                    detected.charset()), detected.charset());
        }
        Optional<Charset> utf16 = utf16WithoutBom(bytes);
        if (utf16.isPresent()) {
            return new Decoded(new String(bytes, utf16.get()), utf16.get());
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        Optional<Charset> declared = m.find() ? CharsetDetector.forLabel(m.group(1)) : Optional.empty();
        Optional<Charset> hinted = hint.flatMap(h -> CharsetDetector.forLabel(h.name()).or(() -> Optional.of(h)));
        Charset charset = declared.or(() -> hinted).orElse(detected.charset());
        // valid multi-byte UTF-8 beats a legacy label (lessons.md)
        if (!charset.equals(StandardCharsets.UTF_8) && detected.evidence() == DetectedCharset.Evidence.VALID_UTF8) {
            charset = StandardCharsets.UTF_8;
        }
        if (charset.name().startsWith("UTF-16")) {
            charset = detected.charset(); // a UTF-16 label on bytes without UTF-16's zero bytes is wrong
        }
        return new Decoded(new String(bytes, charset), charset);
    }

    /**
     * UTF-16 without a BOM, recognised as XML spec appendix F does: markup starts with {@code <} or whitespace,
     * so the first two bytes are an ASCII character and a zero (LE) or a zero and an ASCII character (BE).
     * Example: {@code 3C 00 3F 00} → UTF-16LE.
     */
    static Optional<Charset> utf16WithoutBom(byte[] b) {
        if (b.length < 4) {
            return Optional.empty();
        }
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0 && (b[1] & 0xff) < 0x80) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0 && (b[0] & 0xff) < 0x80) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    static Document parse(String xml) throws Unreadable {
        String text = xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", ""); // the declaration's encoding no longer applies
        try {
            DocumentBuilder b = FACTORY.get().newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(stripInvalidXmlChars(text))));
        } catch (SAXParseException e) {
            throw new Unreadable("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new Unreadable("not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }

    /** Factories are not thread-safe and costly to configure: one per thread. */
    private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    });

    /** Control characters are illegal in XML 1.0 yet common in real feeds; drop them rather than reject the feed. */
    private static String stripInvalidXmlChars(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!bad && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
