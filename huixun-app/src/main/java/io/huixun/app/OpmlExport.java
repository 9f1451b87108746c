package io.huixun.app;

import io.huixun.store.Source;
import io.huixun.store.SourceKind;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sources as an OPML 2.0 subscription list, written with the JDK's StAX writer (which escapes {@code &}, {@code <}
 * and quotes). One {@code <outline type="rss" text=NAME title=NAME xmlUrl=URL/>} per source, in id order:
 * {@code #1 新华网 https://x.cn/rss} → {@code <outline type="rss" text="新华网" title="新华网" xmlUrl="https://x.cn/rss"/>}.
 * Shared by the CLI and the web. Non-feed sources (sitemaps, list pages) keep their URL in {@code xmlUrl} with {@code type="link"}.
 */
public final class OpmlExport {
    private OpmlExport() {}

    /** A source under the title a reader gave it. */
    public record Entry(String title, Source source) {}

    /**
     * Writes a reader's subscriptions grouped by folder: entries under key "" at the top level, the others inside an
     * outline named by their folder ({@code <outline text="财经" title="财经">…</outline>}), as feed readers export them.
     */
    public static void writeFolders(java.util.Map<String, List<Entry>> byFolder, Writer out, ZonedDateTime now)
            throws XMLStreamException {
        XMLStreamWriter xml = begin(out, "Huixun following", now);
        for (java.util.Map.Entry<String, List<Entry>> folder : byFolder.entrySet()) {
            boolean nested = !folder.getKey().isEmpty();
            if (nested) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("outline");
                xml.writeAttribute("text", xmlSafe(folder.getKey()));
                xml.writeAttribute("title", xmlSafe(folder.getKey()));
            }
            for (Entry e : folder.getValue()) {
                xml.writeCharacters(nested ? "\n      " : "\n    ");
                outline(xml, xmlSafe(e.title()), e.source());
            }
            if (nested) {
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
        }
        end(xml);
    }

    /** The document up to the open {@code <body>}. */
    private static XMLStreamWriter begin(Writer out, String title, ZonedDateTime now) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("opml");
        xml.writeAttribute("version", "2.0");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("head");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("title");
        xml.writeCharacters(title);
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("dateCreated");
        xml.writeCharacters(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.withZoneSameInstant(ZoneOffset.UTC)));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("body");
        return xml;
    }

    /** Closes {@code <body>} and the document. */
    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    private static void outline(XMLStreamWriter xml, String name, Source s) throws XMLStreamException {
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", s.kind() == SourceKind.FEED ? "rss" : "link");
        xml.writeAttribute("text", name);
        xml.writeAttribute("title", name);
        xml.writeAttribute("xmlUrl", xmlSafe(s.url()));
    }

    /** Writes {@code sources} as OPML 2.0 (shared by {@code huixun sources export} and the web page's export link). */
    public static void write(List<Source> sources, Writer out, ZonedDateTime now) throws XMLStreamException {
        XMLStreamWriter xml = begin(out, "Huixun sources", now);
        for (Source s : sources) {
            xml.writeCharacters("\n    ");
            outline(xml, xmlSafe(s.name()), s);
        }
        end(xml);
    }

    /** Drops the characters XML 1.0 cannot carry (controls other than tab/newline, lone surrogates, U+FFFE/F). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
