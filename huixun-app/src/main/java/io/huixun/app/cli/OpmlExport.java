package io.huixun.app.cli;

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

    /** Writes {@code sources} as OPML 2.0 (shared by {@code huixun sources export} and the web page's export link). */
    public static void write(List<Source> sources, Writer out, ZonedDateTime now) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("opml");
        xml.writeAttribute("version", "2.0");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("head");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("title");
        xml.writeCharacters("Huixun sources");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("dateCreated");
        xml.writeCharacters(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.withZoneSameInstant(ZoneOffset.UTC)));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("body");
        for (Source s : sources) {
            String name = xmlSafe(s.name());
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("outline");
            xml.writeAttribute("type", s.kind() == SourceKind.FEED ? "rss" : "link");
            xml.writeAttribute("text", name);
            xml.writeAttribute("title", name);
            xml.writeAttribute("xmlUrl", xmlSafe(s.url()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    /** Drops the characters XML 1.0 cannot carry (controls other than tab/newline, lone surrogates, U+FFFE/F). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
