package io.huixun.source;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import io.huixun.text.charset.Utf8;
import io.huixun.text.time.NewsDates;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds a {@link FeedEntry} from an RSS {@code <item>} or Atom {@code <entry>} element, read to the letter of the
 * specifications, with ROME's reading as the fallback when the raw element is not available.
 *
 * <p>What is read from the raw element and why: Atom content types (RFC 4287 §4.1.3: {@code text} is escaped text,
 * {@code html} escaped HTML, {@code xhtml} a {@code div}, a MIME type: text/* as text, XML types as markup, anything
 * else base64; Atom 0.3 {@code mode="base64"}); {@code xml:base} for relative links (RFC 4287 §2, XML Base); RSS
 * {@code <enclosure>}, Atom {@code link rel="enclosure"} and Media RSS ({@code media:group}, {@code media:content},
 * {@code media:thumbnail}, {@code media:description}); and dates as written (see {@link NewsDates}).
 * Example: {@code <content type="application/octet-stream">5q2j5paH</content>} → content HTML {@code 正文}.
 * Stateless, thread-safe.
 */
final class EntryReader {
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String ATOM03_NS = "http://purl.org/atom/ns#";
    static final String ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final Set<String> RSS_NAMESPACES = Set.of("http://purl.org/rss/1.0/",
            "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2");
    private static final int SUMMARY_FROM_CONTENT = 500;

    private EntryReader() {}

    static FeedEntry read(SyndEntry e, Optional<Element> raw, URI feedUrl, ZoneId zone, Optional<String> feedAuthor,
                          List<String> warnings, int index) {
        Optional<URI> url = raw.flatMap(r -> link(r, feedUrl));
        if (url.isEmpty()) {
            url = absolute(e.getLink(), feedUrl).or(() -> absolute(e.getUri(), feedUrl));
        }
        if (url.isEmpty()) {
            warnings.add("entry " + (index + 1) + " has no usable link");
        }
        Optional<String> content;
        Optional<String> summaryHtml;
        if (raw.isPresent()) {
            content = content(raw.get(), feedUrl);
            summaryHtml = summaryHtml(raw.get());
        } else {
            content = e.getContents().stream().map(SyndContent::getValue)
                    .filter(v -> v != null && !v.isBlank()).findFirst();
            summaryHtml = Optional.ofNullable(e.getDescription()).map(SyndContent::getValue)
                    .filter(v -> !v.isBlank());
        }
        String summary = summaryHtml.map(SourceParser::plain).filter(s -> !s.isEmpty())
                .orElseGet(() -> content.map(c -> abbreviate(SourceParser.plain(c))).orElse(""));

        Optional<ZonedDateTime> published = raw.flatMap(r -> childText(r, "pubDate", "published", "issued", "date",
                "created")).flatMap(s -> NewsDates.parse(s, zone));
        if (published.isEmpty()) {
            published = instant(e.getPublishedDate());
        }
        Optional<ZonedDateTime> updated = raw.flatMap(r -> childText(r, "updated", "modified"))
                .flatMap(s -> NewsDates.parse(s, zone));
        if (updated.isEmpty()) {
            updated = instant(e.getUpdatedDate());
        }
        if (published.isEmpty() && raw.flatMap(r -> childText(r, "pubDate", "published", "date")).isPresent()) {
            warnings.add("entry " + (index + 1) + " has a date that does not parse");
        }
        if (published.isEmpty()) {
            published = updated; // Atom: updated is required, published optional; it is the best date there is
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : e.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank() && !categories.contains(c.getName().strip())) {
                categories.add(c.getName().strip());
            }
        }
        Optional<String> author = Optional.ofNullable(e.getAuthor()).map(SourceParser::clean)
                .filter(s -> !s.isEmpty()).or(() -> feedAuthor);
        Optional<String> id = Optional.ofNullable(e.getUri()).map(String::strip).filter(s -> !s.isEmpty());
        List<Enclosure> enclosures = new ArrayList<>();
        Optional<URI> image = Optional.empty();
        if (raw.isPresent()) {
            Media media = media(raw.get(), feedUrl);
            enclosures = media.enclosures;
            image = media.thumbnails.stream().findFirst().or(() -> media.enclosures.stream()
                    .filter(x -> x.kind() == Enclosure.Kind.IMAGE).map(Enclosure::url).findFirst());
        }
        return new FeedEntry(url, id, SourceParser.clean(e.getTitle()), summary, content, published, updated, author,
                categories, summaryHtml, enclosures, image);
    }

    // ------------------------------------------------------------------ links and bases

    /** Atom: the alternate link (HTML first); RSS: {@code <link>}, else a permalink {@code <guid>}. */
    private static Optional<URI> link(Element item, URI feedUrl) {
        Optional<URI> alternate = Optional.empty();
        for (Element l : children(item, "link")) {
            if (isAtom(l)) {
                String rel = l.getAttribute("rel").strip();
                if (rel.isEmpty() || rel.equals("alternate") || rel.equals("http://www.iana.org/assignments/relation/alternate")) {
                    String type = l.getAttribute("type").toLowerCase(Locale.ROOT);
                    Optional<URI> u = absolute(l.getAttribute("href"), baseOf(l, feedUrl));
                    if (u.isPresent() && (type.isEmpty() || type.contains("html"))) {
                        return u;
                    }
                    alternate = alternate.or(() -> u);
                }
            } else if (isRss(l)) {
                Optional<URI> u = absolute(l.getTextContent(), baseOf(l, feedUrl));
                if (u.isPresent()) {
                    return u;
                }
            }
        }
        if (alternate.isPresent()) {
            return alternate;
        }
        for (Element g : children(item, "guid")) {
            if (isRss(g) && !g.getAttribute("isPermaLink").strip().equalsIgnoreCase("false")) {
                String v = g.getTextContent().strip();
                if (v.regionMatches(true, 0, "http", 0, 4)) {
                    return absolute(v, baseOf(g, feedUrl));
                }
            }
        }
        return Optional.empty();
    }

    /** The feed URL resolved through every {@code xml:base} from the root down to {@code el}. */
    static URI baseOf(Element el, URI feedUrl) {
        List<String> bases = new ArrayList<>();
        for (Node n = el; n instanceof Element x; n = n.getParentNode()) {
            String b = x.getAttributeNS(XML_NS, "base");
            if (b.isEmpty()) {
                b = x.getAttribute("xml:base");
            }
            if (!b.isBlank()) {
                bases.add(b.strip());
            }
        }
        URI base = feedUrl;
        for (int i = bases.size() - 1; i >= 0; i--) {
            try {
                base = base.resolve(new URI(bases.get(i).replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // an unusable xml:base is ignored
            }
        }
        return base;
    }

    static Optional<URI> absolute(String link, URI base) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            return SourceParser.toUri(base.resolve(new URI(link.strip().replace(" ", "%20"))).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ content and summary

    private static Optional<String> content(Element item, URI feedUrl) {
        for (Element c : children(item, "encoded")) {
            if (CONTENT_NS.equals(c.getNamespaceURI())) {
                Optional<String> v = nonBlank(c.getTextContent());
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        for (Element c : children(item, "content")) {
            if (isAtom(c)) {
                Optional<String> v = atomText(c);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> summaryHtml(Element item) {
        for (Element d : children(item, "description")) {
            if (isRss(d)) {
                Optional<String> v = nonBlank(d.getTextContent());
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        for (Element s : children(item, "summary")) {
            if (isAtom(s)) {
                Optional<String> v = atomText(s);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        for (Element d : children(item, "description")) {
            if (DC_NS.equals(d.getNamespaceURI())) {
                Optional<String> v = nonBlank(d.getTextContent()).map(EntryReader::escapeText);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        // Media RSS: at item level, then in a group, then on a content element
        for (Element scope : mediaScopes(item)) {
            for (Element d : children(scope, "description")) {
                if (MEDIA_NS.equals(d.getNamespaceURI())) {
                    Optional<String> v = nonBlank(d.getTextContent());
                    if (v.isPresent()) {
                        return d.getAttribute("type").equalsIgnoreCase("html") ? v : v.map(EntryReader::escapeText);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An Atom text or content construct as HTML. Atom 1.0: {@code text} → escaped; {@code html} → as is;
     * {@code xhtml} → the div's children; a MIME type: {@code text/html} as HTML, other {@code text/*} escaped,
     * XML types serialised, anything else base64 (decoded when it is UTF-8 text, dropped when binary). Atom 0.3:
     * {@code mode} {@code escaped}, {@code base64} or {@code xml} (the default). Out-of-line content
     * ({@code src}) has no text here.
     */
    static Optional<String> atomText(Element el) {
        if (el.hasAttribute("src")) {
            return Optional.empty();
        }
        String type = el.getAttribute("type").strip().toLowerCase(Locale.ROOT);
        if (ATOM03_NS.equals(el.getNamespaceURI())) {
            String mode = el.getAttribute("mode").strip().toLowerCase(Locale.ROOT);
            boolean html = type.contains("html");
            return switch (mode) {
                case "base64" -> base64Text(el.getTextContent()).map(t -> html ? t : escapeText(t));
                case "escaped" -> nonBlank(el.getTextContent()).map(t -> html ? t : escapeText(t));
                default -> type.isEmpty() || type.equals("text/plain") ? nonBlank(el.getTextContent())
                        .map(EntryReader::escapeText)
                        : nonBlank(innerXml(el));
            };
        }
        if (type.isEmpty() || type.equals("text")) {
            return nonBlank(el.getTextContent()).map(EntryReader::escapeText);
        }
        if (type.equals("html") || type.equals("text/html")) {
            return nonBlank(el.getTextContent());
        }
        if (type.equals("xhtml")) {
            Optional<Element> div = children(el, "div").stream().findFirst();
            return nonBlank(div.map(EntryReader::innerXml).orElseGet(() -> innerXml(el)));
        }
        String mime = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type;
        if (mime.startsWith("text/")) {
            return nonBlank(el.getTextContent()).map(EntryReader::escapeText);
        }
        if (mime.endsWith("+xml") || mime.endsWith("/xml")) {
            return nonBlank(innerXml(el));
        }
        if (mime.startsWith("image/") || mime.startsWith("audio/") || mime.startsWith("video/")) {
            return Optional.empty();
        }
        return base64Text(el.getTextContent()).map(EntryReader::escapeText);
    }

    /** Base64 that decodes to UTF-8 text without NUL; binary or invalid base64 → empty. */
    private static Optional<String> base64Text(String s) {
        if (s == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(s.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Utf8.decode(bytes).filter(text -> text.indexOf('\0') < 0).flatMap(EntryReader::nonBlank);
    }

    /** Plain text as HTML: escaped, each line break kept as {@code <br>}. Example: {@code a<b\nc} → {@code a&lt;b<br>c}. */
    static String escapeText(String text) {
        return escape(text.strip(), false).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The children of an element serialised as markup (for xhtml and XML content). */
    private static String innerXml(Element el) {
        StringBuilder b = new StringBuilder();
        NodeList kids = el.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            serialise(kids.item(i), b, 0);
        }
        return b.toString();
    }

    private static void serialise(Node n, StringBuilder b, int depth) {
        if (depth > 200) {
            return;
        }
        switch (n.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> b.append(escape(n.getNodeValue(), false));
            case Node.ELEMENT_NODE -> {
                Element e = (Element) n;
                String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
                b.append('<').append(name);
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    String an = a.getLocalName() != null ? a.getLocalName() : a.getName();
                    if (a.getName().startsWith("xmlns") || a.getName().contains(":")) {
                        continue;
                    }
                    b.append(' ').append(an).append("=\"").append(escape(a.getValue(), true)).append('"');
                }
                b.append('>');
                NodeList kids = e.getChildNodes();
                for (int i = 0; i < kids.getLength(); i++) {
                    serialise(kids.item(i), b, depth + 1);
                }
                b.append("</").append(name).append('>');
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------ enclosures and images

    private record Media(List<Enclosure> enclosures, List<URI> thumbnails) {}

    private static Media media(Element item, URI feedUrl) {
        Map<URI, Enclosure> enclosures = new LinkedHashMap<>();
        List<URI> thumbnails = new ArrayList<>();
        List<URI> nested = new ArrayList<>();
        List<URI> itunes = new ArrayList<>();
        for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element el)) {
                continue;
            }
            String name = localName(el);
            String ns = el.getNamespaceURI();
            if (name.equals("enclosure") && isRss(el)) {
                absolute(el.getAttribute("url"), baseOf(el, feedUrl)).ifPresent(u -> enclosures.putIfAbsent(u,
                        Enclosure.of(u, el.getAttribute("type"), el.getAttribute("length"), "")));
            } else if (name.equals("link") && isAtom(el) && el.getAttribute("rel").strip().equals("enclosure")) {
                absolute(el.getAttribute("href"), baseOf(el, feedUrl)).ifPresent(u -> enclosures.putIfAbsent(u,
                        Enclosure.of(u, el.getAttribute("type"), el.getAttribute("length"), "")));
            } else if (MEDIA_NS.equals(ns)) {
                mediaElement(el, feedUrl, enclosures, thumbnails, nested);
            } else if (ITUNES_NS.equals(ns) && name.equals("image")) {
                absolute(el.getAttribute("href"), baseOf(el, feedUrl)).ifPresent(itunes::add);
            }
        }
        thumbnails.addAll(nested);
        thumbnails.addAll(itunes);
        return new Media(List.copyOf(enclosures.values()), thumbnails);
    }

    /** Media RSS; thumbnails of the item or group go to {@code thumbnails}, those of a content to {@code nested}. */
    private static void mediaElement(Element el, URI feedUrl, Map<URI, Enclosure> enclosures, List<URI> thumbnails,
                                     List<URI> nested) {
        switch (localName(el)) {
            case "group" -> {
                for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child && MEDIA_NS.equals(child.getNamespaceURI())) {
                        mediaElement(child, feedUrl, enclosures, thumbnails, nested);
                    }
                }
            }
            case "content" -> {
                absolute(el.getAttribute("url"), baseOf(el, feedUrl)).ifPresent(u -> enclosures.putIfAbsent(u,
                        Enclosure.of(u, el.getAttribute("type"), el.getAttribute("fileSize"),
                                el.getAttribute("medium"))));
                for (Element t : children(el, "thumbnail")) {
                    if (MEDIA_NS.equals(t.getNamespaceURI())) {
                        absolute(t.getAttribute("url"), baseOf(t, feedUrl)).ifPresent(nested::add);
                    }
                }
            }
            case "thumbnail" -> absolute(el.getAttribute("url"), baseOf(el, feedUrl)).ifPresent(thumbnails::add);
            default -> { }
        }
    }

    /** The item, its media:group elements and its media:content elements: where Media RSS puts descriptions. */
    private static List<Element> mediaScopes(Element item) {
        List<Element> scopes = new ArrayList<>();
        scopes.add(item);
        for (Element g : children(item, "group")) {
            if (MEDIA_NS.equals(g.getNamespaceURI())) {
                scopes.add(g);
            }
        }
        for (Element scope : List.copyOf(scopes)) {
            for (Element c : children(scope, "content")) {
                if (MEDIA_NS.equals(c.getNamespaceURI())) {
                    scopes.add(c);
                }
            }
        }
        return scopes;
    }

    // ------------------------------------------------------------------ DOM helpers

    private static boolean isAtom(Element e) {
        return ATOM_NS.equals(e.getNamespaceURI()) || ATOM03_NS.equals(e.getNamespaceURI());
    }

    private static boolean isRss(Element e) {
        return e.getNamespaceURI() == null || RSS_NAMESPACES.contains(e.getNamespaceURI());
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<String> childText(Element parent, String... names) {
        for (String name : names) {
            for (Element el : children(parent, name)) {
                Optional<String> t = nonBlank(el.getTextContent());
                if (t.isPresent()) {
                    return t.map(String::strip);
                }
            }
        }
        return Optional.empty();
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<ZonedDateTime> instant(Date d) {
        return Optional.ofNullable(d).map(x -> x.toInstant().atZone(ZoneOffset.UTC));
    }

    private static String abbreviate(String s) {
        return s.length() <= SUMMARY_FROM_CONTENT ? s : s.substring(0, SUMMARY_FROM_CONTENT) + "…";
    }
}
