package io.huixun.app.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML from the outside world with an allow-list (jsoup's {@link Safelist}): text structure, links with
 * http/https/mailto only (and {@code rel="nofollow noopener noreferrer"}), images with http/https only; no
 * scripts, styles, event handlers, SVG, forms, iframes or {@code javascript:} URLs survive.
 * Example: {@code <p onclick="x()">新闻<script>alert(1)</script></p>} → {@code <p>新闻</p>}. Thread-safe.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.basicWithImages()
            .addTags("h2", "h3", "h4", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "mark")
            .addProtocols("img", "src", "http", "https")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private HtmlSanitizer() {}

    public static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
