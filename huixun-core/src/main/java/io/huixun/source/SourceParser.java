package io.huixun.source;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.huixun.text.time.NewsZone;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Reads the documents that list what to fetch: feeds, sitemaps, OPML, HTML list pages.
 *
 * <p>Design note: every method takes the bytes (or text) plus where they came from, and answers a
 * {@link ParseResult}: a malformed document is a {@link ParseResult.Malformed} with a one-line reason, never an
 * exception. XML is decoded here (a {@code gb2312} declaration means GB18030) and parsed with DOCTYPEs refused, then
 * handed to ROME; feed dates are re-read from the raw text so their zone survives (ROME keeps only an instant).
 *
 * <p>Example: an RSS 2.0 item {@code <pubDate>Sun, 27 Apr 2025 10:30:00 +0800</pubDate>} → a {@link FeedEntry} whose
 * {@code published} is 2025-04-27T10:30+08:00. Stateless and thread-safe.
 */
public final class SourceParser {
    private static final int MAX_ITEMS = 10_000;
    private static final Pattern DATED_PATH = Pattern.compile(
            "(?:/|[^0-9])(?:19|20)\\d{2}[-/_]?(?:0[1-9]|1[0-2])(?:[-/_]?[0-3]\\d)?(?:/|[^0-9])|\\d{5,}");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(?i)\\.(?:s?html?|php|aspx?|jsp)$");
    private static final Pattern ASSET_SUFFIX = Pattern.compile(
            "(?i)\\.(?:jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|rar|mp[34]|exe|apk|xml|rss)$");

    private SourceParser() {}

    /**
     * Parses an RSS 0.9x/1.0/2.0, Atom or JSON Feed document.
     *
     * @param bytes        the document as fetched
     * @param feedUrl      where it came from; relative entry links resolve against it
     * @param charsetHint  the transport's charset (HTTP header), used when the document declares none
     * @param defaultZone  the zone for times written without one
     */
    public static ParseResult<Feed> feed(byte[] bytes, URI feedUrl, Optional<Charset> charsetHint,
                                         ZoneId defaultZone) {
        if (bytes.length == 0) {
            return new ParseResult.Malformed<>("empty document");
        }
        XmlText.Decoded decoded = XmlText.decoded(bytes, charsetHint);
        String text = decoded.text();
        String head = text.stripLeading();
        if (head.startsWith("{")) {
            return JsonFeedReader.read(text, feedUrl, defaultZone, decoded.charset().name());
        }
        if (!head.startsWith("<")) {
            return new ParseResult.Malformed<>("neither XML nor JSON: starts with "
                    + abbreviate(head.substring(0, Math.min(20, head.length()))));
        }
        Document dom;
        try {
            dom = XmlText.parse(text);
        } catch (XmlText.Unreadable e) {
            return new ParseResult.Malformed<>(e.getMessage());
        }
        String root = localName(dom.getDocumentElement());
        SyndFeed syndFeed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            syndFeed = input.build(dom);
        } catch (FeedException | IllegalArgumentException e) {
            return new ParseResult.Malformed<>("not an RSS or Atom feed (root element <" + root + ">): "
                    + abbreviate(String.valueOf(e.getMessage())));
        }
        List<String> warnings = new ArrayList<>();
        org.w3c.dom.Element rootElement = dom.getDocumentElement();
        List<org.w3c.dom.Element> rawItems = elements(dom, root.equals("feed") ? "entry" : "item");
        List<SyndEntry> entries = syndFeed.getEntries();
        boolean aligned = rawItems.size() == entries.size();
        Optional<String> feedAuthor = feedAuthor(rootElement);
        List<FeedEntry> out = new ArrayList<>();
        for (int i = 0; i < entries.size() && i < MAX_ITEMS; i++) {
            SyndEntry e = entries.get(i);
            Optional<org.w3c.dom.Element> raw = aligned ? Optional.of(rawItems.get(i)) : Optional.empty();
            out.add(EntryReader.read(e, raw, feedUrl, defaultZone, feedAuthor, warnings, i));
        }
        if (entries.size() > MAX_ITEMS) {
            warnings.add("feed has " + entries.size() + " entries; kept the first " + MAX_ITEMS);
        }
        Optional<URI> siteLink = feedLink(rootElement, feedUrl).or(() -> absolute(syndFeed.getLink(), feedUrl));
        Feed feed = new Feed(syndFeed.getFeedType(), clean(syndFeed.getTitle()), siteLink, out,
                decoded.charset().name());
        return new ParseResult.Parsed<>(feed, warnings);
    }

    /**
     * What a document is, from its root element: BOMs (UTF-8/16), the XML declaration, comments, processing
     * instructions, a DOCTYPE and whitespace of any length are skipped first; UTF-16 bodies with or without BOM are
     * read; text inside an HTML page never counts. JSON is a {@link DocumentKind#JSON_FEED} when its
     * {@code version} is a jsonfeed.org version URL. The content type only decides between HTML and UNKNOWN for a
     * document whose root says neither (a fragment of tags, or text).
     *
     * <p>Example: {@code "<?xml version='1.0'?>\n<!-- 600 bytes of comment -->\n<rss version='2.0'>"} → RSS.
     *
     * @param body         the document as fetched (not decoded)
     * @param contentType  the HTTP Content-Type, when known
     */
    public static DocumentKind detect(byte[] body, Optional<String> contentType) {
        return KindSniffer.detect(body, contentType);
    }

    /**
     * {@link #feed(byte[], URI, Optional, ZoneId)} with no charset hint and {@link NewsZone#DEFAULT} (Chinese
     * sources write local times without zone: they mean Beijing time).
     */
    public static ParseResult<Feed> feed(byte[] bytes, URI feedUrl) {
        return feed(bytes, feedUrl, Optional.empty(), NewsZone.DEFAULT);
    }

    /**
     * Parses an XML sitemap, sitemap index, text sitemap or gzipped sitemap, with Google News fields.
     *
     * @param location where the sitemap came from
     */
    public static ParseResult<Sitemap> sitemap(byte[] bytes, URI location) {
        if (bytes.length == 0) {
            return new ParseResult.Malformed<>("empty document");
        }
        SiteMapParser parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap parsed;
        try {
            parsed = parser.parseSiteMap(bytes, location.toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            return new ParseResult.Malformed<>("not a sitemap: " + abbreviate(String.valueOf(e.getMessage())));
        }
        List<String> warnings = new ArrayList<>();
        if (parsed instanceof SiteMapIndex index) {
            List<URI> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                toUri(child.getUrl().toString()).ifPresentOrElse(children::add,
                        () -> warnings.add("skipped child sitemap with a bad URL: " + child.getUrl()));
            }
            return new ParseResult.Parsed<>(new Sitemap(location, true, List.of(), children), warnings);
        }
        List<SitemapEntry> pages = new ArrayList<>();
        for (SiteMapURL u : ((SiteMap) parsed).getSiteMapUrls()) {
            Optional<URI> url = toUri(u.getUrl().toString());
            if (url.isEmpty()) {
                warnings.add("skipped a <url> with a bad location: " + abbreviate(u.getUrl().toString()));
                continue;
            }
            Optional<ZonedDateTime> lastmod = Optional.ofNullable(u.getLastModified())
                    .map(d -> d.toInstant().atZone(ZoneOffset.UTC));
            pages.add(new SitemapEntry(url.get(), lastmod, news(u)));
        }
        return new ParseResult.Parsed<>(new Sitemap(location, false, pages, List.of()), warnings);
    }

    /** Parses an OPML subscription list (OPML 1.0/2.0): every outline with an {@code xmlUrl}. */
    public static ParseResult<List<Subscription>> opml(byte[] bytes) {
        if (bytes.length == 0) {
            return new ParseResult.Malformed<>("empty document");
        }
        Document dom;
        try {
            dom = XmlText.parse(XmlText.decode(bytes, Optional.empty()));
        } catch (XmlText.Unreadable e) {
            return new ParseResult.Malformed<>(e.getMessage());
        }
        if (!localName(dom.getDocumentElement()).equalsIgnoreCase("opml")) {
            return new ParseResult.Malformed<>("not OPML: root element is <" + localName(dom.getDocumentElement())
                    + ">");
        }
        List<Subscription> subs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        collectOutlines(dom.getDocumentElement(), new ArrayList<>(), subs, warnings);
        return new ParseResult.Parsed<>(subs, warnings);
    }

    /**
     * Finds the links of an HTML list page (a section front, a 滚动新闻 page) that stay within the site.
     *
     * <p>"Within the site" means the same host or a host under the same site domain, the last two labels of the
     * host, or three when the second-to-last is a generic label under a country code ({@code news.sina.com.cn} and
     * {@code sina.com.cn} are one site). A link is {@code articleLike} when its path carries a date or a long number,
     * or ends like a page ({@code .shtml}), and its anchor text is at least 6 characters: the shape of article links
     * on Chinese news portals. Duplicates are dropped, first occurrence kept.
     */
    public static ParseResult<List<PageLink>> listPage(String html, URI pageUrl) {
        org.jsoup.nodes.Document doc = Jsoup.parse(html, pageUrl.toString());
        String site = siteOf(pageUrl.getHost());
        if (site.isEmpty()) {
            return new ParseResult.Malformed<>("page URL has no host: " + pageUrl);
        }
        Map<URI, PageLink> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            Optional<URI> url = toUri(href).map(SourceParser::withoutFragment);
            if (url.isEmpty() || !site.equals(siteOf(url.get().getHost()))) {
                continue;
            }
            String path = url.get().getRawPath() == null ? "" : url.get().getRawPath();
            if (ASSET_SUFFIX.matcher(path).find()) {
                continue;
            }
            String text = a.text().strip();
            boolean articleLike = text.codePointCount(0, text.length()) >= 6 && path.length() > 1
                    && (DATED_PATH.matcher(path).find() || PAGE_SUFFIX.matcher(path).find())
                    && !path.matches("(?i).*/index\\.s?html?$");
            links.putIfAbsent(url.get(), new PageLink(url.get(), text, articleLike));
        }
        return new ParseResult.Parsed<>(List.copyOf(links.values()), List.of());
    }

    private static Optional<SitemapEntry.News> news(SiteMapURL u) {
        ExtensionMetadata[] meta = u.getAttributesForExtension(Extension.NEWS);
        if (meta == null) {
            return Optional.empty();
        }
        for (ExtensionMetadata m : meta) {
            if (m instanceof NewsAttributes n) {
                List<String> keywords = n.getKeywords() == null ? List.of()
                        : Arrays.stream(n.getKeywords()).map(String::strip).filter(s -> !s.isEmpty()).toList();
                return Optional.of(new SitemapEntry.News(clean(n.getTitle()), clean(n.getName()),
                        clean(n.getLanguage()), Optional.ofNullable(n.getPublicationDateTime()), keywords));
            }
        }
        return Optional.empty();
    }

    private static void collectOutlines(org.w3c.dom.Element parent, List<String> folders, List<Subscription> out,
                                        List<String> warnings) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof org.w3c.dom.Element el)) {
                continue;
            }
            String name = localName(el);
            if (name.equalsIgnoreCase("body") || name.equalsIgnoreCase("head")) {
                collectOutlines(el, folders, out, warnings);
                continue;
            }
            if (!name.equalsIgnoreCase("outline")) {
                continue;
            }
            String title = clean(el.getAttribute("title"));
            if (title.isEmpty()) {
                title = clean(el.getAttribute("text"));
            }
            String xmlUrl = el.getAttribute("xmlUrl").strip();
            if (!xmlUrl.isEmpty()) {
                Optional<URI> feedUrl = toUri(xmlUrl);
                if (feedUrl.isPresent()) {
                    out.add(new Subscription(title, feedUrl.get(), toUri(el.getAttribute("htmlUrl").strip()),
                            folders, categories(el.getAttribute("category"))));
                } else {
                    warnings.add("skipped outline \"" + abbreviate(title) + "\": xmlUrl is not an http(s) URL: "
                            + abbreviate(xmlUrl));
                }
            }
            List<String> inner = new ArrayList<>(folders);
            if (xmlUrl.isEmpty() && !title.isEmpty()) {
                inner.add(title);
            }
            collectOutlines(el, inner, out, warnings);
        }
    }

    /** OPML 2.0 {@code category}: {@code "/新闻/国际, 科技"} → {@code [新闻/国际, 科技]}. */
    private static List<String> categories(String attribute) {
        List<String> out = new ArrayList<>();
        for (String c : attribute.split(",")) {
            String t = c.strip().replaceAll("^/+|/+$", "").strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static String siteOf(String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.matches("[0-9.]+") || h.contains(":")) {
            return h;
        }
        String[] labels = h.split("\\.");
        if (labels.length <= 2) {
            return h;
        }
        String tld = labels[labels.length - 1];
        String sld = labels[labels.length - 2];
        boolean generic = tld.length() == 2 && Pattern.matches("com|net|org|gov|edu|ac|co|or|ne|go", sld);
        int keep = generic ? 3 : 2;
        return String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    private static Optional<URI> absolute(String link, URI base) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            return toUri(base.resolve(new URI(link.strip().replace(" ", "%20"))).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) URL with a host, or empty. */
    static Optional<URI> toUri(String s) {
        if (s == null || s.isBlank() || s.length() > 4096) {
            return Optional.empty();
        }
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        return Optional.empty();
    }

    private static URI withoutFragment(URI u) {
        if (u.getRawFragment() == null) {
            return u;
        }
        String s = u.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    private static List<org.w3c.dom.Element> elements(Document dom, String localName) {
        NodeList nodes = dom.getElementsByTagNameNS("*", localName);
        List<org.w3c.dom.Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((org.w3c.dom.Element) nodes.item(i));
        }
        if (out.isEmpty()) {
            nodes = dom.getElementsByTagName(localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((org.w3c.dom.Element) nodes.item(i));
            }
        }
        return out;
    }

    private static String localName(org.w3c.dom.Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    /** Markup removed, entities decoded, whitespace collapsed. */
    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return HtmlFragment.parse(html).body().text().strip();
    }

    static String clean(String s) {
        return s == null ? "" : plain(s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? s : s.replace('\n', ' '));
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    /** The site link of an Atom feed (alternate link, xml:base applied) or an RSS channel; empty when none. */
    private static Optional<URI> feedLink(org.w3c.dom.Element root, URI feedUrl) {
        org.w3c.dom.Element scope = root;
        List<org.w3c.dom.Element> channels = EntryReader.children(root, "channel");
        if (!channels.isEmpty()) {
            scope = channels.get(0);
        }
        for (org.w3c.dom.Element l : EntryReader.children(scope, "link")) {
            String ns = l.getNamespaceURI();
            boolean atom = EntryReader.ATOM_NS.equals(ns) || EntryReader.ATOM03_NS.equals(ns);
            if (atom) {
                String rel = l.getAttribute("rel").strip();
                if (rel.isEmpty() || rel.equals("alternate")) {
                    return EntryReader.absolute(l.getAttribute("href"), EntryReader.baseOf(l, feedUrl));
                }
            } else if (ns == null || ns.startsWith("http://purl.org/rss/") || ns.startsWith("http://my.netscape")) {
                return EntryReader.absolute(l.getTextContent(), EntryReader.baseOf(l, feedUrl));
            }
        }
        return Optional.empty();
    }

    /** A feed-level author (Atom {@code author/name}, {@code dc:creator}) that entries without one inherit. */
    private static Optional<String> feedAuthor(org.w3c.dom.Element root) {
        org.w3c.dom.Element scope = root;
        List<org.w3c.dom.Element> channels = EntryReader.children(root, "channel");
        if (!channels.isEmpty()) {
            scope = channels.get(0);
        }
        for (org.w3c.dom.Element a : EntryReader.children(scope, "author")) {
            if (EntryReader.ATOM_NS.equals(a.getNamespaceURI()) || EntryReader.ATOM03_NS.equals(a.getNamespaceURI())) {
                Optional<String> name = EntryReader.childText(a, "name").map(SourceParser::clean)
                        .filter(n -> !n.isEmpty());
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        for (org.w3c.dom.Element c : EntryReader.children(scope, "creator")) {
            if (EntryReader.DC_NS.equals(c.getNamespaceURI())) {
                String n = clean(c.getTextContent());
                if (!n.isEmpty()) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }
}
