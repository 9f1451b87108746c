package io.huixun.app.web;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes RSS 2.0 and Atom 1.0 documents with the JDK's streaming XML writer, which escapes text and attributes, so
 * a hostile title cannot break out of its element. Dates: RFC 822 for RSS, RFC 3339 for Atom. Control characters
 * that XML 1.0 forbids are dropped. Thread-safe.
 */
public final class FeedWriter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private FeedWriter() {}

    /**
     * @param selfUrl   the absolute URL of the feed itself
     * @param siteUrl   the absolute URL of the page the feed mirrors
     */
    public static String rss(String title, String siteUrl, String selfUrl, String description, List<FeedItem> items) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
            w.writeStartElement("channel");
            element(w, "title", title);
            element(w, "link", siteUrl);
            element(w, "description", description);
            element(w, "language", "zh-CN");
            w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.writeAttribute("href", selfUrl);
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            if (!items.isEmpty()) {
                element(w, "lastBuildDate", RFC_822.format(latest(items)));
            }
            for (FeedItem item : items) {
                w.writeStartElement("item");
                element(w, "title", item.title());
                element(w, "link", item.link());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(clean(item.id()));
                w.writeEndElement();
                element(w, "description", item.summary());
                if (item.published() != null) {
                    element(w, "pubDate", RFC_822.format(item.published()));
                }
                if (item.source() != null && !item.source().isBlank()) {
                    element(w, "category", item.source());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static String atom(String title, String siteUrl, String selfUrl, List<FeedItem> items) {
        return write(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(w, "title", title);
            element(w, "id", selfUrl);
            link(w, siteUrl, "alternate", "text/html");
            link(w, selfUrl, "self", "application/atom+xml");
            element(w, "updated", rfc3339(items.isEmpty() ? OffsetDateTime.now(ZoneOffset.UTC) : latest(items)));
            w.writeStartElement("author");
            element(w, "name", "Huixun");
            w.writeEndElement();
            for (FeedItem item : items) {
                w.writeStartElement("entry");
                element(w, "title", item.title());
                element(w, "id", "urn:huixun:article:" + item.id());
                link(w, item.link(), "alternate", "text/html");
                OffsetDateTime when = item.published() != null ? item.published() : OffsetDateTime.now(ZoneOffset.UTC);
                element(w, "updated", rfc3339(when));
                element(w, "published", rfc3339(when));
                w.writeStartElement("summary");
                w.writeAttribute("type", "text");
                w.writeCharacters(clean(item.summary()));
                w.writeEndElement();
                if (item.source() != null && !item.source().isBlank()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", clean(item.source()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String href, String rel, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("href", clean(href));
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
    }

    private static OffsetDateTime latest(List<FeedItem> items) {
        return items.stream().map(FeedItem::published).filter(p -> p != null).max(OffsetDateTime::compareTo)
                .orElse(OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static String rfc3339(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
    }

    /** Drops characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/FFFF). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
