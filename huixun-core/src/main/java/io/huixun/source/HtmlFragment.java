package io.huixun.source;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses feed HTML without losing text to an {@code <iframe>}.
 *
 * <p>Why: an HTML parser reads everything after {@code <iframe ...>} as the iframe's raw fallback text until
 * {@code </iframe>}. Feeds often write {@code <iframe src="..."/>} (XML habit, not a close in HTML) or never close
 * it, so the rest of the article vanished. Here each iframe tag is removed before parsing: with its fallback when a
 * {@code </iframe>} follows before the next {@code <iframe}, alone otherwise. Example:
 * {@code <iframe src="v"/><p>正文</p>} → {@code <p>正文</p>}. Stateless, thread-safe.
 */
final class HtmlFragment {
    private HtmlFragment() {}

    static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(withoutIframes(html));
        doc.select("script, style, template, noscript, iframe, object, embed, svg, math, head").remove();
        return doc;
    }

    static String withoutIframes(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int start = lower.indexOf("<iframe");
        if (start < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int copied = 0;
        while (start >= 0) {
            int tagEnd = lower.indexOf('>', start);
            if (tagEnd < 0) {
                out.append(html, copied, start); // a cut tag at the end: drop it
                return out.toString();
            }
            out.append(html, copied, start);
            int next = lower.indexOf("<iframe", tagEnd);
            int close = lower.indexOf("</iframe", tagEnd);
            boolean selfClosed = lower.charAt(tagEnd - 1) == '/';
            if (!selfClosed && close >= 0 && (next < 0 || close < next)) {
                int closeEnd = lower.indexOf('>', close);
                copied = closeEnd < 0 ? html.length() : closeEnd + 1;
            } else {
                copied = tagEnd + 1;
            }
            start = copied >= html.length() ? -1 : lower.indexOf("<iframe", copied);
        }
        out.append(html, copied, html.length());
        return out.toString();
    }
}
