package io.huixun.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a document's kind from where its root element starts, not from a fixed-size head.
 *
 * <p>Design note: a feed may carry any amount of prolog (a BOM, the XML declaration, comments, processing
 * instructions such as {@code <?xml-stylesheet?>}, whitespace) before {@code <rss}, and an HTML page may mention
 * {@code <rss} in its text. So the prolog is skipped token by token until the first start tag, whose name decides.
 * Structural characters are ASCII in every ASCII-compatible charset (and GBK/Big5 trail bytes are all ≥ 0x40, above
 * {@code <} and {@code >}), so the bytes are scanned as Latin-1 unless a BOM or the zero-byte pattern of XML spec
 * appendix F says UTF-16. Example: {@code "\uFEFF<!-- 2 KB comment --><?xml-stylesheet href='a.xsl'?>\n<rss>"} →
 * {@link DocumentKind#RSS}; {@code "<html><body>&lt;rss&gt;</body></html>"} → {@link DocumentKind#HTML}.
 * Stateless, thread-safe.
 */
final class KindSniffer {
    /** Elements that only HTML puts first (a page without {@code <html>}). */
    private static final Set<String> HTML_TOPS = Set.of("html", "head", "body", "meta", "title", "link", "script",
            "style", "div", "p", "table", "a", "span", "h1", "h2", "h3", "ul", "base", "header", "main", "section",
            "article", "iframe", "img", "form", "center", "font", "br", "noscript");
    private static final Pattern JSON_FEED_VERSION = Pattern.compile(
            "\"version\"\\s*:\\s*\"https?://(?:www\\.)?jsonfeed\\.org/version/");
    private static final Pattern RSS_NAMESPACE = Pattern.compile(
            "purl\\.org/rss/1\\.0/|my\\.netscape\\.com/rdf/simple/0\\.9/");
    /** How far to look for a JSON Feed's version or an RDF feed's namespace after the root. */
    private static final int LOOKAHEAD = 64 * 1024;

    /** UTF-16 is decoded, so only its first 4 MB: a prolog longer than 2 M characters is not a feed's. */
    private static final int MAX_UTF16_BYTES = 4 << 20;

    private KindSniffer() {}

    static DocumentKind detect(byte[] body, Optional<String> contentType) {
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        if (body == null || body.length == 0) {
            return DocumentKind.UNKNOWN;
        }
        CharSequence text = asText(body);
        int i = skipSpace(text, 0);
        boolean htmlDoctype = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                return isJsonFeed(text, i) ? DocumentKind.JSON_FEED : DocumentKind.UNKNOWN;
            }
            if (c != '<') {
                return type.contains("html") ? DocumentKind.HTML : DocumentKind.UNKNOWN;
            }
            if (startsWith(text, i, "<?")) {
                i = after(text, i + 2, "?>");
            } else if (startsWith(text, i, "<!--")) {
                i = after(text, i + 4, "-->");
            } else if (startsWithIgnoreCase(text, i, "<!doctype")) {
                int end = doctypeEnd(text, i + 9);
                htmlDoctype |= rootNameOf(text, i + 9).equalsIgnoreCase("html");
                i = end;
            } else if (startsWith(text, i, "<![CDATA[") || startsWith(text, i, "<!")) {
                i = after(text, i + 2, ">");
            } else {
                return byRoot(text, i, htmlDoctype, type);
            }
            if (i < 0) {
                return DocumentKind.UNKNOWN; // prolog never ends: truncated or not markup
            }
            i = skipSpace(text, i);
        }
        return htmlDoctype || type.contains("html") ? DocumentKind.HTML : DocumentKind.UNKNOWN;
    }

    private static DocumentKind byRoot(CharSequence text, int lt, boolean htmlDoctype, String type) {
        String qname = nameAt(text, lt + 1);
        String local = qname.substring(qname.indexOf(':') + 1);
        String lower = local.toLowerCase(Locale.ROOT);
        if (!htmlDoctype) {
            switch (local) {
                case "rss" -> {
                    return DocumentKind.RSS;
                }
                case "feed" -> {
                    return DocumentKind.ATOM;
                }
                case "urlset" -> {
                    return DocumentKind.SITEMAP;
                }
                case "sitemapindex" -> {
                    return DocumentKind.SITEMAP_INDEX;
                }
                case "opml" -> {
                    return DocumentKind.OPML;
                }
                case "RDF" -> {
                    CharSequence ahead = text.subSequence(lt, Math.min(text.length(), lt + LOOKAHEAD));
                    return RSS_NAMESPACE.matcher(ahead).find() ? DocumentKind.RDF : DocumentKind.UNKNOWN;
                }
                default -> { }
            }
        }
        if (htmlDoctype || HTML_TOPS.contains(lower) || type.contains("html")) {
            return DocumentKind.HTML;
        }
        return DocumentKind.UNKNOWN;
    }

    /** A JSON object whose top-level {@code version} names jsonfeed.org (checked by regex on the first 64 KB). */
    private static boolean isJsonFeed(CharSequence text, int start) {
        CharSequence ahead = text.subSequence(start, Math.min(text.length(), start + LOOKAHEAD));
        return JSON_FEED_VERSION.matcher(ahead).find();
    }

    /** UTF-16 (BOM or zero-byte pattern) decoded; anything else viewed byte-per-char. */
    private static CharSequence asText(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, Math.min(b.length - 2, MAX_UTF16_BYTES), StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, Math.min(b.length - 2, MAX_UTF16_BYTES), StandardCharsets.UTF_16LE);
        }
        Optional<java.nio.charset.Charset> utf16 = XmlText.utf16WithoutBom(b);
        if (utf16.isPresent()) {
            return new String(b, 0, Math.min(b.length, MAX_UTF16_BYTES), utf16.get());
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        return new Latin1View(b, start, b.length); // no copy: bodies may be megabytes
    }

    private static int skipSpace(CharSequence s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF'
                || s.charAt(i) == '\u00A0')) {
            i++;
        }
        return i;
    }

    /** Index just after {@code end} found from {@code from}, or -1. */
    private static int after(CharSequence s, int from, String end) {
        int n = s.length() - end.length();
        for (int i = from; i <= n; i++) {
            if (startsWith(s, i, end)) {
                return i + end.length();
            }
        }
        return -1;
    }

    /** A DOCTYPE ends at the first {@code >} outside its internal subset and quotes. */
    private static int doctypeEnd(CharSequence s, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String rootNameOf(CharSequence s, int i) {
        return nameAt(s, skipSpace(s, i));
    }

    private static String nameAt(CharSequence s, int i) {
        int j = i;
        while (j < s.length() && j - i < 64) {
            char c = s.charAt(j);
            if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '[' || c == '<') {
                break;
            }
            j++;
        }
        return s.subSequence(i, j).toString();
    }

    private static boolean startsWith(CharSequence s, int i, String p) {
        if (i + p.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (s.charAt(i + k) != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(CharSequence s, int i, String p) {
        if (i + p.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (Character.toLowerCase(s.charAt(i + k)) != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
