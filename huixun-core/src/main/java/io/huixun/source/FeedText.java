package io.huixun.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Feed HTML (content:encoded, atom:content, content_html, a description) as plain paragraphs.
 *
 * <p>Rules: text of {@code script}, {@code style}, {@code template}, {@code noscript} is never kept; an
 * {@code <iframe>} is dropped without its following text (see {@link HtmlFragment}); block elements ({@code p},
 * {@code div}, headings, list items, table rows, {@code blockquote}, {@code figcaption}, ...) and {@code <br>} end a
 * line; whitespace inside a line collapses to one space (none is added between Chinese characters, since the feed
 * wrote none); empty lines are dropped. Entities are decoded.
 *
 * <p>Example: {@code <p>第一段<br>第二行</p><script>x()</script><div>第三段</div>} →
 * {@code ["第一段", "第二行", "第三段"]}. Stateless, thread-safe.
 */
public final class FeedText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "section",
            "article", "aside", "header", "footer", "nav", "main", "figure", "figcaption", "hr", "address", "center",
            "details", "summary", "form", "fieldset", "legend", "body");

    private FeedText() {}

    /** The paragraphs (lines) of an HTML fragment, each stripped and non-empty, in reading order. */
    public static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Element body = HtmlFragment.parse(html).body();
        LineCollector lines = new LineCollector();
        NodeTraversor.traverse(lines, body);
        lines.breakLine();
        return List.copyOf(lines.out);
    }

    /** {@link #paragraphs} joined with {@code \n}: one line per paragraph. */
    public static String text(String html) {
        return String.join("\n", paragraphs(html));
    }

    /** Accumulates text into the current line; blocks and {@code <br>} end it. Confined to one call. */
    private static final class LineCollector implements NodeVisitor {
        private final List<String> out = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int pre;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(pre > 0 ? t.getWholeText() : t.text());
            } else if (node instanceof Element e) {
                String name = e.normalName();
                if (name.equals("br")) {
                    breakLine();
                } else if (BLOCKS.contains(name)) {
                    breakLine();
                    if (name.equals("pre")) {
                        pre++;
                    }
                } else if (name.equals("td") || name.equals("th")) {
                    append(" ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                if (e.normalName().equals("pre")) {
                    pre--;
                }
                breakLine();
            }
        }

        private void append(String text) {
            if (pre > 0 && text.indexOf('\n') >= 0) {
                String[] parts = text.split("\r?\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        breakLine();
                    }
                    line.append(parts[i]);
                }
                return;
            }
            line.append(text);
        }

        void breakLine() {
            String s = line.toString().replace('\u00A0', ' ').replaceAll("[\\s\\u3000]+", " ").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
            line.setLength(0);
        }
    }
}
